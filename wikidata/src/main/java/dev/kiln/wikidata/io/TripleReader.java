package dev.kiln.wikidata.io;

import dev.kiln.wikidata.Triple;
import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the triples of one input file in order, as written (not yet normalized). Bad records (short
 * rows, missing labels, invalid UTF-8, malformed JSON) are reported to the reader's
 * {@link dev.kiln.core.io.BadRecords} with {@code file:line} and skipped. Not thread-safe.
 */
public interface TripleReader extends Closeable {

    /** The next triple, or null at the end of the input. */
    Triple next() throws IOException;

    /** Bytes of the file consumed so far (compressed bytes for compressed input). */
    long bytesRead();

    /** Where the reader is, e.g. {@code triples.tsv.gz:1234}. */
    String position();
}

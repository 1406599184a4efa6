package dev.kiln.wikidata.io;

import dev.kiln.core.io.RecordReader;
import dev.kiln.wikidata.Triple;

/**
 * Streams the triples of one input file in order, as written (not yet normalized). Bad records (short
 * rows, missing labels, invalid UTF-8, malformed JSON) are reported to the reader's
 * {@link dev.kiln.core.io.BadRecords} with {@code file:line} and skipped. Not thread-safe.
 */
public interface TripleReader extends RecordReader<Triple> {
}

package dev.kiln.core.io;

import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the records of one input file in order: documents ({@link DocumentReader}), Wikidata triples, ...
 * Bad records are reported to the reader's {@link BadRecords} and skipped; a fault that ends the file is
 * thrown as an {@link IOException} after every complete record before it was returned.
 *
 * @param <T> the record type
 */
public interface RecordReader<T> extends Closeable {

    /** The next record, or {@code null} at the end of the input. */
    T next() throws IOException;

    /** Bytes of the underlying file consumed so far (compressed bytes for compressed input), for progress. */
    long bytesRead();

    /** Where the reader is, for error messages: {@code web.jsonl.gz:1234} or {@code x.parquet:rowgroup 2:row 17}. */
    String position();
}

package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.Closeable;
import java.io.IOException;

/**
 * Streams the documents of one input file in order.
 *
 * <p>A bad record (malformed JSON, invalid UTF-8, a row without text) is reported to the
 * {@link BadRecords} the reader was opened with, naming file and location, and skipped; the reader then
 * goes on. A fault that ends the file (truncated gzip/zstd, a Parquet file with the wrong schema) is
 * thrown as an {@link IOException} whose message names the file; everything returned before it stays
 * valid. Not thread-safe.
 */
public interface DocumentReader extends Closeable {

    /** The next document, or {@code null} at the end of the input. */
    Document next() throws IOException;

    /** Bytes of the underlying file consumed so far (compressed bytes for compressed input), for progress. */
    long bytesRead();

    /** Where the reader is, for error messages: {@code web.jsonl.gz:1234} or {@code x.parquet:rowgroup 2:row 17}. */
    String position();
}

package dev.kiln.core.io;

import dev.kiln.core.Document;

/**
 * Streams the documents of one input file in order.
 *
 * <p>A bad record (malformed JSON, invalid UTF-8, a row without text) is reported to the
 * {@link BadRecords} the reader was opened with, naming file and location, and skipped; the reader then
 * goes on. A fault that ends the file (truncated gzip/zstd, a Parquet file with the wrong schema) is
 * thrown as an {@link java.io.IOException} whose message names the file; everything returned before it stays
 * valid. Not thread-safe.
 */
public interface DocumentReader extends RecordReader<Document> {
}

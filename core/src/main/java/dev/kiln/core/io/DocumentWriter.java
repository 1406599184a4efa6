package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes documents to one output file, which appears under its final name only when complete.
 *
 * <p>Writers write to a temporary name beside the target ({@link AtomicFile}); {@link #commit()}
 * flushes, syncs and renames it. {@link #close()} without a commit deletes the temporary file, so a
 * crash or an error never leaves a file that looks finished. Not thread-safe.
 */
public interface DocumentWriter extends Closeable {

    void write(Document doc) throws IOException;

    /** Number of documents written so far. */
    long count();

    /** Completes the output and moves it to its final name. Further writes are errors. */
    void commit() throws IOException;

    /** Abandons the output (deletes the temporary file) unless it was committed. */
    @Override
    void close() throws IOException;
}

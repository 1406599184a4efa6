package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The shared contract of kiln's writers, implemented once: output goes to a temporary file beside the
 * target ({@link AtomicFile}); {@link #commit()} finishes the format and renames it into place; closing
 * without a commit discards it; writing after a commit or a close is an error. A format implements only
 * {@link #append}, {@link #finish} and {@link #discard}.
 */
public abstract class AtomicDocumentWriter implements DocumentWriter {

    /** The file being written; formats open their streams on {@link AtomicFile#openStream()} or {@link AtomicFile#temp()}. */
    protected final AtomicFile file;
    private long count;
    private boolean done;

    protected AtomicDocumentWriter(Path target) throws IOException {
        this.file = AtomicFile.create(target);
    }

    /** Writes one document in the format. */
    protected abstract void append(Document doc) throws IOException;

    /** Flushes and closes the format's streams so that the temporary file is complete. */
    protected abstract void finish() throws IOException;

    /** Closes the format's streams after a failure, ignoring errors (the temporary file is deleted next). */
    protected abstract void discard();

    @Override
    public final void write(Document doc) throws IOException {
        if (done) {
            throw new IllegalStateException("writer already committed or closed: " + file.target());
        }
        append(doc);
        count++;
    }

    @Override
    public final long count() {
        return count;
    }

    @Override
    public final void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("writer already committed or closed: " + file.target());
        }
        done = true;
        finish();
        file.commit();
    }

    @Override
    public final void close() {
        if (!file.committed()) {
            done = true;
            discard();
            file.abort();
        }
    }
}

package dev.kiln.sharding;

import java.io.Closeable;
import java.io.IOException;

/**
 * Receives the token ids of one split, document by document, and writes them in one shard layout.
 * Files appear under their final names only after {@link #commit()}; closing without a commit removes
 * the partial files.
 */
public interface TokenSink extends Closeable {

    /** Appends one document's ids (already including its boundary tokens: BOS before, or EOS after). */
    void writeDocument(int[] ids, int from, int to) throws IOException;

    default void writeDocument(int[] ids) throws IOException {
        writeDocument(ids, 0, ids.length);
    }

    /** Tokens written so far. */
    long tokens();

    /** Documents written so far. */
    long documents();

    /** Finishes every file and renames it into place. */
    void commit() throws IOException;
}

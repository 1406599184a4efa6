package dev.kiln.core.pipeline;

import dev.kiln.core.Document;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** A single ordered stream of documents feeding a pipeline (usually {@link FileSource} over many files). */
public interface DocumentSource extends Closeable {

    /** The next document, or null at the end. */
    Document next() throws IOException;

    /** Input bytes consumed so far (for progress). */
    long bytesRead();

    /** Total input bytes, or -1 when unknown (no ETA then). */
    long totalBytes();

    /** A source over documents already in memory (tests, small jobs). */
    static DocumentSource of(List<Document> docs) {
        Iterator<Document> it = docs.iterator();
        return new DocumentSource() {
            private long chars;

            @Override
            public Document next() {
                if (!it.hasNext()) {
                    return null;
                }
                Document d = it.next();
                chars += d.text().length();
                return d;
            }

            @Override
            public long bytesRead() {
                return chars;
            }

            @Override
            public long totalBytes() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }
}

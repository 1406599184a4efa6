package dev.kiln.core.pipeline;

import dev.kiln.core.Document;
import java.io.IOException;

/** Receives the documents a pipeline keeps (or the rejects), in input order, from one thread. */
@FunctionalInterface
public interface DocumentSink {

    void accept(Document doc) throws IOException;

    /** A sink that discards everything (for counting-only runs and benchmarks). */
    DocumentSink DISCARD = d -> { };
}

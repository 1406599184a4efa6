package dev.kiln.core.stage;

import dev.kiln.core.Document;
import java.util.List;

/** A stage that cuts one document into several (chunking). An empty result is a drop with {@link #EMPTY}. */
public interface Splitter extends Stage {

    /** Reason code recorded when a splitter returns no parts. */
    String EMPTY = "split_empty";

    /** The parts of {@code doc}, in order; ids should be derived from the parent's ({@code id#0}, {@code id#1}, ...). */
    List<Document> split(Document doc);

    @Override
    default void process(Document doc, StageOutput out) {
        List<Document> parts = split(doc);
        if (parts.isEmpty()) {
            out.drop(EMPTY, 0);
        }
        for (Document part : parts) {
            out.emit(part);
        }
    }
}

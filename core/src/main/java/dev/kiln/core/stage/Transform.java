package dev.kiln.core.stage;

import dev.kiln.core.Document;

/** A stage that rewrites each document into exactly one document (cleaners, normalizers). */
public interface Transform extends Stage {

    /** Returns the rewritten document (same id unless the transform documents otherwise). */
    Document apply(Document doc);

    @Override
    default void process(Document doc, StageOutput out) {
        out.emit(apply(doc));
    }
}

package dev.kiln.core.stage;

import dev.kiln.core.Document;

/** A stage that keeps or drops whole documents (Lucene's {@code FilteringTokenFilter.accept()}, datatrove's {@code filter()}). */
public interface Filter extends Stage {

    /** Decides whether {@code doc} is kept; a drop names its reason and the measured value. */
    Decision test(Document doc);

    @Override
    default void process(Document doc, StageOutput out) {
        if (test(doc) instanceof Decision.Drop(String reason, double value)) {
            out.drop(reason, value);
        } else {
            out.emit(doc);
        }
    }
}

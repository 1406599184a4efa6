package dev.kiln.core.stage;

import dev.kiln.core.Document;

/**
 * Where a {@link Stage} sends its result for one input document: any number of documents to the next
 * stage, or one drop with a reason. Implemented by the runner, which does all counting.
 */
public interface StageOutput {

    /** Passes a document on to the next stage (or the writer). */
    void emit(Document doc);

    /**
     * Drops the input document.
     *
     * @param reason non-blank reason code
     * @param value the measured value that failed, or NaN
     */
    void drop(String reason, double value);
}

package dev.kiln.core.stage;

import java.util.Objects;

/**
 * What a {@link Filter} decided about one document: keep it, or drop it for a named reason.
 *
 * <p>A drop always carries a reason code (the reference's ids such as {@code C6_entropy}, or short
 * snake_case names such as {@code too_few_words}) and the measured value that failed the test, so users
 * can audit thresholds from the rejects file. Use {@link Double#NaN} when there is no single number.
 */
public sealed interface Decision permits Decision.Keep, Decision.Drop {

    /** The shared keep decision. */
    Keep KEEP = new Keep();

    static Decision keep() {
        return KEEP;
    }

    static Drop drop(String reason, double value) {
        return new Drop(reason, value);
    }

    static Drop drop(String reason) {
        return new Drop(reason, Double.NaN);
    }

    /** Keep the document. */
    record Keep() implements Decision {
    }

    /**
     * Drop the document.
     *
     * @param reason non-blank reason code, counted in the run statistics
     * @param value the measured value that failed, or NaN
     */
    record Drop(String reason, double value) implements Decision {
        public Drop {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a drop needs a reason code");
            }
        }
    }
}

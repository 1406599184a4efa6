package dev.kiln.core.pipeline;

/**
 * A progress snapshot, delivered about once a second to a {@link Listener}.
 *
 * @param docsRead documents read from the source
 * @param docsWritten documents that left the pipeline
 * @param bytesRead input bytes consumed (compressed bytes for compressed files)
 * @param totalBytes total input bytes, or -1 when unknown
 * @param charsRead characters of text read
 * @param elapsedNanos time since the run started
 */
public record Progress(long docsRead, long docsWritten, long bytesRead, long totalBytes, long charsRead, long elapsedNanos) {

    /** Receives progress snapshots; called from the runner's output thread. */
    @FunctionalInterface
    public interface Listener {
        void onProgress(Progress p);

        /** Called once with the final snapshot. */
        default void onFinish(Progress p) {
        }

        Listener NONE = p -> { };
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    public double docsPerSecond() {
        return elapsedNanos == 0 ? 0 : docsRead / seconds();
    }

    public double megabytesPerSecond() {
        return elapsedNanos == 0 ? 0 : bytesRead / 1e6 / seconds();
    }

    /** Fraction done in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
        return totalBytes <= 0 ? -1 : Math.min(1.0, (double) bytesRead / totalBytes);
    }

    /** Estimated seconds left, or -1 when unknown. */
    public double etaSeconds() {
        double f = fraction();
        return f <= 0 ? -1 : seconds() * (1 - f) / f;
    }
}

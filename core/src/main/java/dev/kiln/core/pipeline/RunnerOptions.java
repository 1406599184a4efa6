package dev.kiln.core.pipeline;

import dev.kiln.core.config.ConfigException;

/**
 * How the runner executes a pipeline. Output never depends on these values: any thread count gives the
 * same bytes.
 *
 * @param threads worker threads for the parallel stages (0 = one per available core)
 * @param batchDocs maximum documents per work unit
 * @param batchChars maximum characters per work unit (a larger single document is a unit of its own)
 * @param inFlightPerThread work units allowed in flight per worker; bounds memory
 *        ({@code threads * inFlightPerThread * batchChars} characters at most, plus one oversized document)
 * @param progressIntervalMillis how often the progress listener is called
 */
public record RunnerOptions(int threads, int batchDocs, int batchChars, int inFlightPerThread, long progressIntervalMillis) {

    public static final RunnerOptions DEFAULT = new RunnerOptions(0, 256, 4 << 20, 4, 1000);

    public RunnerOptions {
        ConfigException.checkRange("threads", threads, 0, 4096);
        ConfigException.checkRange("batch_docs", batchDocs, 1, 1 << 20);
        ConfigException.checkRange("batch_chars", batchChars, 1, Integer.MAX_VALUE);
        ConfigException.checkRange("in_flight_per_thread", inFlightPerThread, 1, 1024);
        ConfigException.checkRange("progress_interval_millis", progressIntervalMillis, 1, 3_600_000);
    }

    public RunnerOptions withThreads(int n) {
        return new RunnerOptions(n, batchDocs, batchChars, inFlightPerThread, progressIntervalMillis);
    }

    /** The worker count actually used. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}

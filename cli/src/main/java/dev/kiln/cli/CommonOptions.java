package dev.kiln.cli;

import dev.kiln.core.pipeline.RunnerOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every document command shares (a picocli mixin). */
public final class CommonOptions {

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads; 0 = one per core (default). Output is identical for any value.")
    public int threads;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1337", description = "Random seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--strict", description = "Stop at the first bad input record instead of skipping and counting it.")
    public boolean strict;

    @Option(names = "--allow-empty",
            description = "Go on when an input gives nothing but bad records (a binary file named .jsonl, a Parquet file "
                    + "without the text column); by default that fails the run (exit 1).")
    public boolean allowEmpty;

    @Option(names = "--meta", paramLabel = "FILE",
            description = "Where to write the run's metadata JSON (default: <output>.meta.json).")
    public Path meta;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary table.")
    public boolean quiet;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file giving defaults for any option (key = option name in snake_case, optionally under the verb).")
    public Path config;

    /** Runner options from {@link #threads}. */
    public RunnerOptions runner() {
        return RunnerOptions.DEFAULT.withThreads(threads);
    }
}

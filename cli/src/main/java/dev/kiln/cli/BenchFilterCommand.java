package dev.kiln.cli;

import dev.kiln.core.Document;
import dev.kiln.core.stage.StageRegistry;
import dev.kiln.filters.FilterBenchmark;
import dev.kiln.filters.Profile;
import dev.kiln.filters.Profiles;
import dev.kiln.filters.SourceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiln bench filter}: the whole reference C4 chain (C1..C6 then G0..G5) on one core over
 * {@code ../shared/corpora/web.jsonl.gz} (or the bundled sample), in MB of text per CPU-second and
 * documents per CPU-second, with the decisions per reason. See docs/benchmarks/filters.md.
 */
@Command(name = "filter", mixinStandardHelpOptions = true,
        description = "Filter throughput on one core (MB/CPU-s, docs/CPU-s) of a profile; see docs/benchmarks/filters.md.")
final class BenchFilterCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "FILE",
            description = "Documents (default: ../shared/corpora/web.jsonl.gz if it exists, else sample/web.jsonl.gz).")
    Path input;

    @Option(names = "--source", paramLabel = "NAME", defaultValue = "c4", description = "c4, wikipedia or gutenberg (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = "reference", description = "Profile to measure (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed passes after one warm-up, fastest kept (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws Exception {
        Path in = input != null ? input : Files.exists(BenchReadCommand.SHARED) ? BenchReadCommand.SHARED : BenchReadCommand.SAMPLE;
        Profile p = Profiles.load(profile, SourceKind.of(source));
        List<Document> docs = FilterBenchmark.load(in);
        System.out.println("kiln bench filter --input " + in + " --source " + source + " --profile " + profile + " --repeat " + repeat);
        System.out.println("stages: " + p.stages().stream().map(s -> s.name()).toList());
        FilterBenchmark.Result r = FilterBenchmark.run(docs, p.build(StageRegistry.load()), repeat);
        System.out.printf(Locale.ROOT, "%,d docs, %.2f MB of text: %.3f CPU-s (%.3f s wall), %.1f MB/CPU-s, %,.0f docs/CPU-s (one core)%n",
                r.docs(), r.bytes() / 1e6, r.cpuSeconds(), r.wallSeconds(), r.mbPerCpuSecond(), r.docsPerCpuSecond());
        for (Map.Entry<String, Long> e : r.decisions().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-24s %,8d%n", e.getKey(), e.getValue());
        }
        return 0;
    }
}

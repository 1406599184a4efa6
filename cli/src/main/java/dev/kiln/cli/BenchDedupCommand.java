package dev.kiln.cli;

import dev.kiln.core.io.AtomicFile;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.bench.DedupBench;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln bench dedup}: signature and whole-dedup throughput, peak heap and the LSH S-curve ({@link DedupBench}). */
@Command(name = "dedup", mixinStandardHelpOptions = true,
        description = "Benchmark dedup: signatures and whole dedup (docs/s, MB/s, peak heap) on a corpus replicated with perturbations.")
final class BenchDedupCommand implements Callable<Integer> {

    @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "sample/web.jsonl.gz",
            description = "Real corpus to replicate (default: ${DEFAULT-VALUE}; the figures in docs use ../shared/corpora/web.jsonl.gz).")
    Path corpus;

    @Option(names = "--docs", paramLabel = "N", defaultValue = "200000", description = "Documents after replication (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Threads; 0 = one per core (default).")
    int threads;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "2g", description = "Dedup memory budget (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the generated corpus (default: the system temporary folder).")
    Path work;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1337", description = "Perturbation seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the Markdown report here.")
    Path report;

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "kiln-bench-dedup");
        DedupBench bench = new DedupBench(corpus, docs, threads, DedupConfig.parseBytes(memory), dir, seed);
        String md = bench.run(System.err::println);
        System.out.println(md);
        if (report != null) {
            AtomicFile.write(report, md.getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }
}

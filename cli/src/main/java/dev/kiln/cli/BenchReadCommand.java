package dev.kiln.cli;

import static dev.kiln.core.util.FileTrees.deleteTree;
import dev.kiln.core.io.ReadBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kiln bench read}: read throughput (MB/s of text, docs/s) of JSONL.gz, JSONL.zst, Parquet and
 * Arrow made from one input, plus the runner with no stages on JSONL.zst ({@link ReadBenchmark}).
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Read throughput per format (MB/s of text, docs/s) and of the runner with no stages; see docs/benchmarks/io.md.")
final class BenchReadCommand implements Callable<Integer> {

    static final Path SHARED = Path.of("..", "shared", "corpora", "web.jsonl.gz");
    static final Path SAMPLE = Path.of("sample", "web.jsonl.gz");

    @Option(names = "--input", paramLabel = "FILE",
            description = "Documents to measure with (default: ../shared/corpora/web.jsonl.gz if it exists, else sample/web.jsonl.gz).")
    Path input;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed passes per format, best kept (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads for the second runner line; 0 = one per core (default).")
    int threads;

    @Override
    public Integer call() throws Exception {
        Path in = input != null ? input : Files.exists(SHARED) ? SHARED : SAMPLE;
        Path work = Files.createTempDirectory("kiln-bench-read");
        try {
            System.out.println("kiln bench read --input " + in + " --repeat " + repeat + " ("
                    + Runtime.getRuntime().availableProcessors() + " cores visible)");
            ReadBenchmark.run(in, work, repeat, threads, System.out::println);
        } finally {
            deleteTree(work);
        }
        return 0;
    }
}

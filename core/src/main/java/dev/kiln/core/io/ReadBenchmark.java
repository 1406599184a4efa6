package dev.kiln.core.io;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSink;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Read throughput of every input format on the same documents ({@code kiln bench read}): the input is
 * loaded once, written as JSONL.gz, JSONL.zst, Parquet (zstd) and Arrow IPC (zstd) by kiln's writers,
 * then, after {@link #WARMUP_PASSES} untimed passes over every file, each is read back whole
 * {@code repeats} times, round-robin across formats, and the best pass is kept. Last, the pipeline runner with no stages moves the JSONL.zst file on one worker thread (the
 * per-core figure of the target, ≥ 150 MB/s of text) and on the default thread count.
 *
 * <p>MB/s counts UTF-8 bytes of document text (not file bytes), 10^6 bytes per MB, so formats compare on
 * the work they deliver. Each line gives wall-clock MB/s and MB per CPU-second: the reader lines count the
 * reading thread's CPU time (zstd/gzip decompression included, GC threads not), the runner lines the
 * whole process's (reader, workers, GC, JIT). On a shared, loaded machine the CPU-second figure is the
 * per-core throughput; wall-clock figures then mostly measure the load.
 */
public final class ReadBenchmark {

    /** Untimed passes over every format before timing. */
    public static final int WARMUP_PASSES = 2;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Formats measured, by output file name. */
    public static final List<String> FILES = List.of("bench.jsonl.gz", "bench.jsonl.zst", "bench.parquet", "bench.arrow");

    /**
     * One measured line.
     *
     * @param what format or runner configuration
     * @param fileBytes size of the file read
     * @param docs documents per pass
     * @param textBytes UTF-8 bytes of text per pass
     * @param seconds best pass
     * @param writeSeconds time kiln's writer took to produce the file, cold JIT (NaN for runner lines); not
     *        printed, since a single cold pass says little
     */
    public record Row(String what, long fileBytes, long docs, long textBytes, double seconds, double cpuSeconds,
                      double writeSeconds) {

        public double megabytesPerSecond() {
            return textBytes / 1e6 / seconds;
        }

        /** Megabytes of text per CPU-second: the per-core figure, robust to a loaded machine. */
        public double megabytesPerCpuSecond() {
            return textBytes / 1e6 / cpuSeconds;
        }

        public double docsPerSecond() {
            return docs / seconds;
        }

        /** One aligned line of the report. */
        public String line() {
            return String.format(Locale.ROOT, "%-30s %8.1f MB %8.1f MB/s %8.1f MB/cpu-s %,10.0f docs/s", what,
                    fileBytes / 1e6, megabytesPerSecond(), megabytesPerCpuSecond(), docsPerSecond());
        }
    }

    /** Header for {@link Row#line()}. */
    public static final String HEADER = String.format(Locale.ROOT, "%-30s %8s %13s %16s %17s", "what", "file",
            "wall", "per CPU-second", "documents");

    private ReadBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param input any readable input (e.g. {@code web.jsonl.gz})
     * @param work an empty directory for the generated files
     * @param repeats timed passes per format (best kept)
     * @param threads thread count for the second runner line (0 = one per core)
     * @param log progress lines
     */
    public static List<Row> run(Path input, Path work, int repeats, int threads, Consumer<String> log) throws IOException {
        if (repeats < 1 || repeats > 100) {
            throw new IllegalArgumentException("repeats must be in [1, 100]: " + repeats);
        }
        List<Document> docs = new ArrayList<>();
        try (DocumentReader r = Formats.reader(input, ReadOptions.DEFAULT, BadRecords.lenient())) {
            Document d;
            while ((d = r.next()) != null) {
                docs.add(d);
            }
        }
        long textBytes = 0;
        for (Document d : docs) {
            textBytes += d.text().getBytes(StandardCharsets.UTF_8).length;
        }
        log.accept(String.format(Locale.ROOT, "input %s: %,d documents, %.1f MB of text; best of %d round-robin passes after " + WARMUP_PASSES + " warm-up passes",
                input, docs.size(), textBytes / 1e6, repeats));

        // write every format, then warm up on all of them before timing any, so the JIT state is the same for each
        List<Path> files = new ArrayList<>();
        List<Double> writeSeconds = new ArrayList<>();
        for (String name : FILES) {
            Path f = work.resolve(name);
            long t0 = System.nanoTime();
            try (DocumentWriter w = Formats.writer(f)) {
                for (Document d : docs) {
                    w.write(d);
                }
                w.commit();
            }
            writeSeconds.add((System.nanoTime() - t0) / 1e9);
            files.add(f);
        }
        Path zst = work.resolve("bench.jsonl.zst");
        int[] threadCounts = threads == 1 ? new int[] {1} : new int[] {1, threads};
        for (int w = 0; w < WARMUP_PASSES; w++) {
            for (Path f : files) {
                check(f, readAll(f), docs.size());
            }
            runner(zst, 1);
        }
        // timed passes round-robin over the formats, so a burst of load on the shared machine hits all alike
        int k = files.size() + threadCounts.length;
        double[] best = new double[k];
        double[] bestCpu = new double[k];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        java.util.Arrays.fill(bestCpu, Double.MAX_VALUE);
        for (int pass = 0; pass < repeats; pass++) {
            for (int i = 0; i < files.size(); i++) {
                long s = System.nanoTime();
                long c = THREADS.getCurrentThreadCpuTime();
                long n = readAll(files.get(i));
                best[i] = Math.min(best[i], (System.nanoTime() - s) / 1e9);
                bestCpu[i] = Math.min(bestCpu[i], (THREADS.getCurrentThreadCpuTime() - c) / 1e9);
                check(files.get(i), n, docs.size());
            }
            for (int j = 0; j < threadCounts.length; j++) {
                long c = processCpuNanos();
                double sec = runner(zst, threadCounts[j]);
                int i = files.size() + j;
                best[i] = Math.min(best[i], sec);
                bestCpu[i] = Math.min(bestCpu[i], (processCpuNanos() - c) / 1e9);
            }
        }
        log.accept(HEADER);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Row row;
            if (i < files.size()) {
                row = new Row(FILES.get(i).substring("bench.".length()), Files.size(files.get(i)), docs.size(), textBytes,
                        best[i], bestCpu[i], writeSeconds.get(i));
            } else {
                int t = RunnerOptions.DEFAULT.withThreads(threadCounts[i - files.size()]).effectiveThreads();
                row = new Row("runner, no stages, " + t + " thread" + (t == 1 ? "" : "s"), Files.size(zst), docs.size(),
                        textBytes, best[i], bestCpu[i], Double.NaN);
            }
            log.accept(row.line());
            rows.add(row);
        }
        return rows;
    }

    /** CPU time of the whole process (all threads, GC and JIT included). */
    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime();
    }

    /** Runs the runner with no stages over {@code zst}; returns its wall seconds. */
    private static double runner(Path zst, int threads) throws IOException {
        try (FileSource src = FileSource.of(List.of(zst), ReadOptions.DEFAULT, BadRecords.lenient())) {
            RunStats st = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(threads))
                    .run(src, Pipeline.of(), DocumentSink.DISCARD, null, Progress.Listener.NONE);
            return st.seconds();
        }
    }

    private static void check(Path f, long read, long written) {
        if (read != written) {
            throw new IllegalStateException(f + ": read " + read + " documents, wrote " + written);
        }
    }

    private static long readAll(Path f) throws IOException {
        long n = 0;
        try (DocumentReader r = Formats.reader(f, ReadOptions.DEFAULT, BadRecords.lenient())) {
            while (r.next() != null) {
                n++;
            }
        }
        return n;
    }
}

package dev.kiln.filters;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentReader;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.stage.Stage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures a filter profile on one core: documents are read into memory first, then the stages run over
 * them in the calling thread, timed in CPU seconds of that thread (so the figure does not depend on how
 * loaded the machine is) and in wall seconds. Reports MB of UTF-8 text per CPU-second, documents per
 * CPU-second and the decisions per reason (which must equal the reference's).
 */
public final class FilterBenchmark {

    private FilterBenchmark() {
    }

    /**
     * One timed pass.
     *
     * @param docs documents judged
     * @param bytes UTF-8 bytes of their text
     * @param cpuSeconds CPU time of the measuring thread
     * @param wallSeconds elapsed time
     * @param decisions documents per decision ("keep" or reason), sorted
     */
    public record Result(long docs, long bytes, double cpuSeconds, double wallSeconds, Map<String, Long> decisions) {

        public double mbPerCpuSecond() {
            return bytes / 1e6 / cpuSeconds;
        }

        public double docsPerCpuSecond() {
            return docs / cpuSeconds;
        }

        public double mbPerWallSecond() {
            return bytes / 1e6 / wallSeconds;
        }
    }

    /** Reads every document of {@code input} (any supported format); bad records are skipped. */
    public static List<Document> load(Path input) throws IOException {
        List<Document> docs = new ArrayList<>();
        try (DocumentReader r = Formats.reader(input, ReadOptions.DEFAULT, BadRecords.lenient())) {
            Document d;
            while ((d = r.next()) != null) {
                docs.add(d);
            }
        }
        return docs;
    }

    /** Runs {@code stages} over {@code docs} {@code repeat} times after one warm-up pass; returns the fastest pass. */
    public static Result run(List<Document> docs, List<Stage> stages, int repeat) {
        StageChain chain = new StageChain(stages);
        long bytes = 0;
        for (Document d : docs) {
            bytes += d.text().getBytes(StandardCharsets.UTF_8).length;
        }
        pass(docs, chain); // warm-up: JIT compilation
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Result best = null;
        for (int i = 0; i < Math.max(1, repeat); i++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            Map<String, Long> decisions = pass(docs, chain);
            double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            Result r = new Result(docs.size(), bytes, cpu, wall, decisions);
            if (best == null || r.cpuSeconds() < best.cpuSeconds()) {
                best = r;
            }
        }
        return best;
    }

    private static Map<String, Long> pass(List<Document> docs, StageChain chain) {
        Map<String, Long> decisions = new TreeMap<>();
        for (Document d : docs) {
            decisions.merge(chain.run(d).decision(), 1L, Long::sum);
        }
        return decisions;
    }
}

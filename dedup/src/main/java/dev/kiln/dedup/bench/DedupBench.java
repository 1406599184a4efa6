package dev.kiln.dedup.bench;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.FileSource;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.DedupResult;
import dev.kiln.dedup.Deduplicator;
import dev.kiln.dedup.MinHasher;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The dedup benchmark behind {@code kiln bench dedup}: replicates a real corpus with perturbations to a
 * target size (about 1 copy in 8 is a planted near-duplicate of its original: 1 % scattered edits, a 3 %
 * edited span, appended boilerplate or reflowed whitespace; the other copies have half their words
 * replaced, so they are new documents to the deduplicator), then measures (1) signatures alone in memory,
 * on one thread (per-core figure, CPU time) and on all threads, (2) the whole two-pass dedup from the
 * JSONL file to the kept JSONL file, with peak heap, and (3) the S-curve. Prints a Markdown report.
 *
 * @param corpus the real corpus to replicate (JSONL)
 * @param docs target number of documents (at least the corpus size)
 * @param threads threads (0 = one per core)
 * @param memory dedup memory budget in bytes
 * @param work folder for the generated corpus and outputs (deleted at the end)
 * @param seed perturbation seed
 */
public record DedupBench(Path corpus, int docs, int threads, long memory, Path work, long seed) {

    /** Exact Jaccard similarity of each planted near-duplicate to its original, by ordinal. */
    private static final java.util.Map<Integer, Float> exactJ = new java.util.HashMap<>();

    /** Runs the benchmark and returns the Markdown report. */
    public String run(Consumer<String> log) throws IOException {
        exactJ.clear();
        DedupConfig config = DedupConfig.defaults().withThreads(threads).withMemory(memory).withTempDir(work);
        int nThreads = config.effectiveThreads();
        StringBuilder md = new StringBuilder();
        List<Document> base = read(corpus);
        log.accept(String.format(Locale.ROOT, "bench: %,d documents in %s; generating %,d", base.size(), corpus, docs));
        Files.createDirectories(work);
        Path input = work.resolve("bench-corpus.jsonl");
        Path output = work.resolve("bench-kept.jsonl");
        int planted = generate(base, input);
        long inputBytes = Files.size(input);

        // 1. signatures alone, in memory
        List<String> sample = new ArrayList<>();
        long sampleBytes = 0;
        try (FileSource src = FileSource.of(List.of(input), ReadOptions.DEFAULT, BadRecords.lenient())) {
            Document d;
            while (sample.size() < Math.min(docs, 30_000) && (d = src.next()) != null) {
                sample.add(d.text());
                sampleBytes += d.text().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        MinHasher hasher = MinHasher.create(config.minhash());
        signAll(hasher, sample.subList(0, Math.min(2000, sample.size())), 1); // warm-up
        ThreadMXBean tmx = ManagementFactory.getThreadMXBean();
        long cpu0 = tmx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        signAll(hasher, sample, 1);
        double oneWall = (System.nanoTime() - w0) / 1e9;
        double oneCpu = (tmx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        long w1 = System.nanoTime();
        signAll(hasher, sample, nThreads);
        double allWall = (System.nanoTime() - w1) / 1e9;

        // 2. the whole dedup
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long pcpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Deduplicator dedup = Deduplicator.create(config, log);
        long found = 0;
        long kept;
        java.util.Map<String, Object> stats;
        double pass1;
        double pass2;
        long[] plantedByKind = new long[4];
        long[] foundByKind = new long[4];
        long[] above = new long[4];      // planted with exact J >= 0.9
        long[] foundAbove = new long[4];
        long[] below = new long[4];      // planted with exact J < 0.8
        long[] foundBelow = new long[4];
        double pass1Cpu;
        try (DedupResult r = clusterFile(dedup, input)) {
            pass1 = (System.nanoTime() - t0) / 1e9;
            pass1Cpu = (os.getProcessCpuTime() - pcpu0) / 1e9;
            for (int i = 0; i < r.docsIn(); i++) {
                if (plantedAt(i, base.size())) {
                    int k = kindOf(i, base.size());
                    plantedByKind[k]++;
                    boolean hit = r.keeperOf(i) == r.keeperOf(i % base.size());
                    float j = exactJ.get(i);
                    if (hit) {
                        found++;
                        foundByKind[k]++;
                    }
                    if (j >= 0.9f) {
                        above[k]++;
                        foundAbove[k] += hit ? 1 : 0;
                    } else if (j < 0.8f) {
                        below[k]++;
                        foundBelow[k] += hit ? 1 : 0;
                    }
                }
            }
            long t2 = System.nanoTime();
            try (FileSource src = FileSource.of(List.of(input), ReadOptions.DEFAULT, BadRecords.lenient());
                 DocumentWriter w = Formats.writer(output)) {
                kept = r.writeKept(src, w::write);
                w.commit();
            }
            pass2 = (System.nanoTime() - t2) / 1e9;
            stats = r.stats();
        }
        double whole = (System.nanoTime() - t0) / 1e9;
        double processCpu = (os.getProcessCpuTime() - pcpu0) / 1e9;
        long peakHeap = 0;
        for (MemoryPoolMXBean p : heap) {
            peakHeap += p.getPeakUsage().getUsed();
        }
        double s1 = sampleBytes / 1e6;
        md.append(String.format(Locale.ROOT, "Corpus: %s replicated with perturbations to %,d documents (%.1f MB JSONL, %,d planted near-duplicates); "
                + "%d threads; memory budget %d MiB; %s.%n%n", corpus.getFileName(), docs, inputBytes / 1e6, planted, nThreads, memory >> 20,
                config.lsh().describe(config.threshold())));
        md.append("| measurement | docs | seconds | docs/s | MB/s | docs per CPU-second |\n|---|---|---|---|---|---|\n");
        md.append(row("signatures, 1 thread (in memory)", sample.size(), oneWall, s1, oneCpu));
        md.append(row("signatures, " + nThreads + " threads (in memory)", sample.size(), allWall, s1, Double.NaN));
        md.append(row("whole dedup pass 1 + clustering", docs, pass1, inputBytes / 1e6, pass1Cpu));
        md.append(row("whole dedup, both passes (file to file)", docs, whole, inputBytes / 1e6, processCpu));
        md.append(String.format(Locale.ROOT, "%nPass 2 (re-read and write kept): %.1f s. Peak heap during the dedup: %,d MiB. Kept %,d of %,d; "
                + "planted near-duplicates found: %,d of %,d (%.1f %%).%n", pass2, peakHeap >> 20, kept, docs, found, planted,
                100.0 * found / Math.max(1, planted)));
        String[] kinds = {"1 % scattered word edits", "3 % edited span", "appended boilerplate", "reflowed whitespace"};
        md.append("\n| planted kind | planted | found | recall | with exact J >= 0.9: found | with exact J < 0.8: merged |\n"
                + "|---|---|---|---|---|---|\n");
        for (int k = 0; k < 4; k++) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f %% | %,d of %,d (%.1f %%) | %,d of %,d |%n", kinds[k],
                    plantedByKind[k], foundByKind[k], 100.0 * foundByKind[k] / Math.max(1, plantedByKind[k]),
                    foundAbove[k], above[k], 100.0 * foundAbove[k] / Math.max(1, above[k]), foundBelow[k], below[k]));
        }
        long liveAfterGc = 0;
        for (MemoryPoolMXBean p : heap) {
            if (p.getCollectionUsage() != null) {
                liveAfterGc = Math.max(liveAfterGc, p.getCollectionUsage().getUsed());
            }
        }
        md.append(String.format(Locale.ROOT, "%nMax heap (-Xmx): %,d MiB; old generation after the last GC: %,d MiB. "
                + "CPU-seconds are process CPU time (all threads, GC and JIT included); wall-clock figures depend on the machine's load.%n",
                Runtime.getRuntime().maxMemory() >> 20, liveAfterGc >> 20));
        md.append("\nDedup statistics: ").append(stats).append("\n\n");
        md.append(SCurve.table(SCurve.measure(hasher, config.lsh(), config.threshold(), 400,
                new double[] {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0}, 500, seed)));
        Files.deleteIfExists(input);
        Files.deleteIfExists(output);
        return md.toString();
    }

    private static String row(String what, long n, double sec, double mb, double cpu) {
        return String.format(Locale.ROOT, "| %s | %,d | %.2f | %,.0f | %.1f | %s |%n", what, n, sec, n / sec, mb / sec,
                Double.isNaN(cpu) ? "" : String.format(Locale.ROOT, "%,.0f", n / cpu));
    }

    private boolean plantedAt(int i, int baseSize) {
        return i >= baseSize && kindOf(i, baseSize) < 4;
    }

    /** Deterministic per-position choice: 0..3 a planted near-duplicate kind, otherwise a new document. */
    private int kindOf(int i, int baseSize) {
        long h = i * 0x9e3779b97f4a7c15L + seed;
        h ^= h >>> 31;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 29;
        return (int) Math.floorMod(h, 32L);
    }

    private int generate(List<Document> base, Path input) throws IOException {
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < Math.min(200, base.size()); i++) {
            vocab.append(base.get(i).text()).append(' ');
        }
        Perturber p = Perturber.of(vocab.toString());
        SplittableRandom rnd = new SplittableRandom(seed);
        int planted = 0;
        dev.kiln.dedup.Shingler shingler = dev.kiln.dedup.Shingler.create(DedupConfig.defaults().minhash());
        try (DocumentWriter w = Formats.writer(input)) {
            for (int i = 0; i < docs; i++) {
                Document o = base.get(i % base.size());
                String text;
                if (i < base.size()) {
                    text = o.text();
                } else {
                    int k = kindOf(i, base.size());
                    text = switch (k) {
                        case 0 -> p.editScattered(o.text(), 0.01, rnd);
                        case 1 -> p.editSpan(o.text(), 0.03, rnd);
                        case 2 -> p.appendBoilerplate(o.text(), rnd);
                        case 3 -> p.reflow(o.text(), rnd);
                        default -> p.editScattered(o.text(), 0.5, rnd);
                    };
                    if (k < 4) {
                        planted++;
                        exactJ.put(i, (float) exactJaccard(shingler, o.text(), text));
                    }
                }
                w.write(new Document("bench-" + i, text, o.source(), java.util.Map.of()));
            }
            w.commit();
        }
        return planted;
    }

    static double exactJaccard(dev.kiln.dedup.Shingler s, String a, String b) {
        long[] x = java.util.Arrays.stream(s.shingles(a)).sorted().distinct().toArray();
        long[] y = java.util.Arrays.stream(s.shingles(b)).sorted().distinct().toArray();
        int i = 0;
        int j = 0;
        int inter = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                inter++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = x.length + y.length - inter;
        return union == 0 ? 1 : inter / (double) union;
    }

    private static DedupResult clusterFile(Deduplicator d, Path input) throws IOException {
        try (FileSource src = FileSource.of(List.of(input), ReadOptions.DEFAULT, BadRecords.lenient())) {
            return d.cluster(src);
        }
    }

    private static List<Document> read(Path p) throws IOException {
        List<Document> out = new ArrayList<>();
        try (FileSource src = FileSource.of(List.of(p), ReadOptions.DEFAULT, BadRecords.lenient())) {
            Document d;
            while ((d = src.next()) != null) {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(p + ": no documents to benchmark with");
        }
        return out;
    }

    private static void signAll(MinHasher h, List<String> texts, int threads) throws IOException {
        if (threads <= 1) {
            long sink = 0;
            for (String t : texts) {
                sink += h.sign(t).value(0);
            }
            if (sink == 42) {
                System.out.print("");
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int s = 0; s < threads; s++) {
                int from = texts.size() * s / threads;
                int to = texts.size() * (s + 1) / threads;
                fs.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        h.sign(texts.get(i));
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            pool.shutdownNow();
        }
    }
}

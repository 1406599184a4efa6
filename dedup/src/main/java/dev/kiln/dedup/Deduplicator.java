package dev.kiln.dedup;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.OrderedParallelMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whole-corpus deduplication, pass 1 and clustering: reads every document once, computes its exact key,
 * MinHash signature and band keys in parallel ({@link OrderedParallelMap}: results applied in input order,
 * so any thread count gives the same result), removes exact duplicates, sorts the band records under the memory budget, verifies
 * every LSH candidate pair by its estimated Jaccard over the full signature, and joins verified pairs by
 * union-find. The returned {@link DedupResult} says which documents to keep, writes the cluster report,
 * and runs pass 2 over the same input.
 *
 * <p>Run it over the whole mix (all sources, train and validation together) before splitting, so no
 * near-duplicate crosses the split.
 *
 * <p>Why verification uses the signature and not exact shingle sets: the signatures are already stored
 * (in memory or a mapped file), while exact Jaccard would need the texts of both documents at random
 * positions of a multi-gigabyte input. With 128 permutations the estimate's standard error is 0.03 at
 * J = 0.85, so a weak pair (J 0.7) passes the 0.85 check with probability about 10^-4; what verification
 * is for, stopping chains of weak LSH matches from gluing unrelated documents, is met.
 */
public final class Deduplicator {

    private static final int BATCH_DOCS = 256;
    private static final long BATCH_CHARS = 1L << 20;

    private final DedupConfig config;
    private final MinHasher hasher;
    private final Consumer<String> log;

    private Deduplicator(DedupConfig config, Consumer<String> log) {
        this.config = config;
        this.hasher = MinHasher.create(config.minhash());
        this.log = log;
    }

    /** A deduplicator for {@code config} that logs its plan and phases to {@code log}. */
    public static Deduplicator create(DedupConfig config, Consumer<String> log) {
        return new Deduplicator(config, log);
    }

    public DedupConfig config() {
        return config;
    }

    /**
     * What the parallel part computes for one document: without a signature ({@code sig} null, {@code text}
     * kept) when {@link SeenKeys} says it is probably an exact duplicate.
     */
    private record Computed(long k1, long k2, long[] sig, long[] bandKeys, boolean empty, int length, String id, String text) {
    }

    /** Probable exact duplicates, for the workers to skip their signatures. */
    private final SeenKeys seen = new SeenKeys();

    /** The workers' hints, for tests that make them wrong. */
    SeenKeys hints() {
        return seen;
    }

    /**
     * Pass 1 and clustering over {@code source} (read to its end, not closed).
     *
     * @throws IOException from the source or the temporary files
     */
    public DedupResult cluster(DocumentSource source) throws IOException {
        LshParams lsh = config.lsh();
        log.accept(String.format(java.util.Locale.ROOT, "dedup: %s, threshold %.2f, keep %s, exact %s",
                config.minhash().id(), config.threshold(), config.keep(), config.exact()));
        log.accept("dedup: " + lsh.describe(config.threshold()));
        Path base = config.tempDir() == null ? Path.of(System.getProperty("java.io.tmpdir")) : config.tempDir();
        Files.createDirectories(base);
        Path tmp = Files.createTempDirectory(base, "kiln-dedup-");
        long t0 = System.nanoTime();
        DedupStats stats = new DedupStats();
        BandRecords bands = new BandRecords(tmp, config.id(), config.memoryBytes() / 2, config.mergeFanIn());
        SignatureStore sigs = new SignatureStore(tmp, config.minhash().numPerm(), config.memoryBytes() / 4);
        IdStore ids = new IdStore(tmp);
        boolean ok = false;
        try {
            int[] lengths = new int[1024];
            java.util.BitSet noShingles = new java.util.BitSet();
            IntPairs exactPairs = new IntPairs();
            Hash128Map exactMap = new Hash128Map(1 << 16);
            int threads = config.effectiveThreads();
            int[] count = {0};
            int[][] lengthsRef = {lengths};
            OrderedParallelMap.run("kiln-dedup-sign", threads, Math.max(1, threads) * 4, () -> nextBatch(source), this::compute,
                    c -> {
                        for (Computed d : c) {
                            if (count[0] == Integer.MAX_VALUE - 1) {
                                throw new IOException("dedup handles at most " + (Integer.MAX_VALUE - 1) + " documents per run");
                            }
                            int i = count[0]++;
                            ids.add(d.id());
                            if (i == lengthsRef[0].length) {
                                lengthsRef[0] = Arrays.copyOf(lengthsRef[0], lengthsRef[0].length * 2);
                            }
                            lengthsRef[0][i] = d.length();
                            stats.chars += d.length();
                            int prev = config.exact() ? exactMap.putIfAbsent(d.k1(), d.k2(), i) : -1;
                            if (prev >= 0) {
                                // an exact duplicate: no band records, and its first occurrence's signature
                                exactPairs.add(i, prev);
                                sigs.addSameAs(prev);
                                stats.noShingles += noShingles.get(prev) ? 1 : 0;
                                continue;
                            }
                            if (d.sig() == null) {
                                d = complete(d);   // the hint was wrong: the first occurrence after all
                            }
                            sigs.add(d.sig());
                            if (d.empty()) {
                                stats.noShingles++;
                                noShingles.set(i);
                            } else {
                                for (long k : d.bandKeys()) {
                                    bands.add(k, i);
                                }
                            }
                        }
                    });
            lengths = lengthsRef[0];
            int n = count[0];
            sigs.finish();
            ids.finish();
            stats.docsIn = n;
            stats.exactDuplicates = exactPairs.size();
            stats.bandRecords = bands.total();
            stats.signatureNanos = System.nanoTime() - t0;
            log.accept(String.format(java.util.Locale.ROOT, "dedup: pass 1 read %,d documents (%,d exact duplicates) in %.1f s; %,d band records",
                    n, exactPairs.size(), stats.signatureNanos / 1e9, bands.total()));

            long t1 = System.nanoTime();
            UnionFind uf = new UnionFind(n);
            for (int p = 0; p < exactPairs.size(); p++) {
                uf.union(exactPairs.a(p), exactPairs.b(p));
            }
            link(bands, sigs, uf, stats);
            stats.bandRuns = bands.runsWritten();
            stats.signaturesSpilled = sigs.spilled();
            stats.clusterNanos = System.nanoTime() - t1;
            DedupResult result = DedupResult.build(config, n, uf, Arrays.copyOf(lengths, n), ids, sigs, stats);
            log.accept(String.format(java.util.Locale.ROOT, "dedup: %,d candidate pairs, %,d verified, %,d rejected; %,d clusters, "
                    + "%,d documents removed; clustering %.1f s (%d run files)", stats.candidatePairs, stats.verifiedPairs,
                    stats.rejectedPairs, stats.clusters, stats.removed, stats.clusterNanos / 1e9, stats.bandRuns));
            ok = true;
            return result.withTemp(tmp);
        } finally {
            bands.close();
            if (!ok) {
                sigs.close();
                ids.close();
                deleteQuietly(tmp);
            }
        }
    }

    private void link(BandRecords bands, SignatureStore sigs, UnionFind uf, DedupStats stats) throws IOException {
        int need = config.agreementsNeeded();
        LongSet rejected = new LongSet();
        int[] group = new int[64];
        int m = 0;
        long key = 0;
        try (BandRecords.Cursor c = bands.sorted()) {
            boolean more = c.next();
            while (more) {
                key = c.key();
                m = 0;
                do {
                    if (m == group.length) {
                        group = Arrays.copyOf(group, m * 2);
                    }
                    group[m++] = c.doc();
                    more = c.next();
                } while (more && c.key() == key);
                if (m < 2) {
                    continue;
                }
                stats.buckets++;
                stats.largestBucket = Math.max(stats.largestBucket, m);
                for (int p = 1; p < m; p++) {
                    for (int q = Math.max(0, p - DedupConfig.BUCKET_WINDOW); q < p; q++) {
                        int a = group[q];
                        int b = group[p];
                        stats.bucketPairs++;
                        if (a == b || uf.find(a) == uf.find(b)) {
                            continue;
                        }
                        long pair = (long) a << 32 | b;
                        if (rejected.contains(pair)) {
                            continue;
                        }
                        stats.candidatePairs++;
                        if (sigs.agreements(a, b) >= need) {
                            stats.verifiedPairs++;
                            uf.union(a, b);
                        } else {
                            stats.rejectedPairs++;
                            rejected.add(pair);
                        }
                    }
                }
            }
        }
    }

    /** The exact key, signature and band keys of each document of {@code batch} (runs on a worker). */
    private Computed[] compute(List<Document> batch) {
        Computed[] out = new Computed[batch.size()];
        computeRange(batch, out, 0, batch.size());
        return out;
    }

    /** The next batch of at most {@value #BATCH_DOCS} documents or {@value #BATCH_CHARS} characters, null at the end. */
    private static List<Document> nextBatch(DocumentSource source) throws IOException {
        List<Document> batch = new ArrayList<>();
        long chars = 0;
        Document d;
        try {
            while (batch.size() < BATCH_DOCS && chars < BATCH_CHARS && (d = source.next()) != null) {
                batch.add(d);
                chars += d.text().length();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return batch.isEmpty() ? null : batch;
    }

    private void computeRange(List<Document> batch, Computed[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            Document d = batch.get(i);
            String text = d.text();
            if (config.exact()) {
                long[] k = TextKey.of(text);
                if (seen.seenBefore(k[0], k[1])) {
                    out[i] = new Computed(k[0], k[1], null, null, false, text.length(), d.id(), text);
                    continue;
                }
                out[i] = withSignature(k[0], k[1], text, d.id());
            } else {
                out[i] = withSignature(0, 0, text, d.id());
            }
        }
    }

    /** A document the workers skipped as a probable exact duplicate, with its signature computed now. */
    private Computed complete(Computed d) {
        return withSignature(d.k1(), d.k2(), d.text(), d.id());
    }

    private Computed withSignature(long k1, long k2, String text, String id) {
        LshParams lsh = config.lsh();
        Signature s = hasher.sign(text);
        long[] v = s.values();
        long[] bk = new long[s.isEmpty() ? 0 : lsh.bands()];
        for (int b = 0; b < bk.length; b++) {
            bk[b] = lsh.bandKey(v, 0, b);
        }
        return new Computed(k1, k2, v, bk, s.isEmpty(), text.length(), id, null);
    }

    /** The exact key, signature and band keys of one text, as pass 1 computes them (thread-safe). */
    public DocumentKeys keysOf(String text) {
        long[] k = config.exact() ? TextKey.of(text) : new long[2];
        Computed c = withSignature(k[0], k[1], text, null);
        return new DocumentKeys(c.k1(), c.k2(), c.sig(), c.bandKeys(), c.empty());
    }

    static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort cleanup of temporary files
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** A growable list of int pairs. */
    static final class IntPairs {
        private int[] v = new int[64];
        private int n;

        void add(int a, int b) {
            if (2 * n + 2 > v.length) {
                v = Arrays.copyOf(v, v.length * 2);
            }
            v[2 * n] = a;
            v[2 * n + 1] = b;
            n++;
        }

        int size() {
            return n;
        }

        int a(int i) {
            return v[2 * i];
        }

        int b(int i) {
            return v[2 * i + 1];
        }
    }
}

package dev.kiln.dedup;

import dev.kiln.core.config.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of a whole-corpus dedup run (exact + MinHash-LSH near duplicates).
 *
 * @param minhash shingles and permutations ({@link MinHashConfig#DEFAULT}: word 5-grams, 128 permutations)
 * @param threshold Jaccard similarity at or above which two documents are duplicates; default {@value #DEFAULT_THRESHOLD}
 * @param lsh bands x rows; {@link LshParams#optimal(double, int)} for the threshold by default
 * @param keep which member of a cluster is kept; {@link KeepRule#FIRST} by default
 * @param exact also remove exact duplicates (normalised text, 128-bit hash) before LSH; default true
 * @param memoryBytes heap budget for the LSH records and signatures; past it they spill to disk.
 *        Default {@value #DEFAULT_MEMORY} bytes (2 GiB), at least 64 KiB. Per-document bookkeeping (about
 *        60 bytes per document: ids' offsets, lengths, union-find, exact-hash table) comes on top.
 * @param threads threads for the signature pass (0 = one per core); results never depend on it
 * @param tempDir where run files go (null = the system temporary directory)
 * @param mergeFanIn most run files merged at once ({@value #DEFAULT_FAN_IN}); bounds open files
 */
public record DedupConfig(MinHashConfig minhash, double threshold, LshParams lsh, KeepRule keep, boolean exact,
                          long memoryBytes, int threads, Path tempDir, int mergeFanIn) {

    public static final double DEFAULT_THRESHOLD = 0.85;
    public static final long DEFAULT_MEMORY = 2L << 30;
    public static final int DEFAULT_FAN_IN = 64;
    /** Each band bucket pairs a member with at most this many earlier members (bounds work on huge buckets). */
    public static final int BUCKET_WINDOW = 32;

    public DedupConfig {
        Objects.requireNonNull(minhash, "minhash");
        Objects.requireNonNull(keep, "keep");
        ConfigException.checkRange("threshold", threshold, 0.01, 1.0);
        if (lsh == null) {
            lsh = LshParams.optimal(threshold, minhash.numPerm());
        }
        if (lsh.hashesUsed() > minhash.numPerm()) {
            throw new ConfigException("bands x rows = " + lsh.bands() + " x " + lsh.rows() + " = " + lsh.hashesUsed()
                    + " needs more hashes than num_perm " + minhash.numPerm());
        }
        ConfigException.checkRange("memory", memoryBytes, 64L << 10, Long.MAX_VALUE);
        ConfigException.checkRange("threads", threads, 0, 4096);
        ConfigException.checkRange("merge_fan_in", mergeFanIn, 2, 4096);
    }

    /** All defaults. */
    public static DedupConfig defaults() {
        return new DedupConfig(MinHashConfig.DEFAULT, DEFAULT_THRESHOLD, null, KeepRule.FIRST, true, DEFAULT_MEMORY, 0, null, DEFAULT_FAN_IN);
    }

    /** With another MinHash config; bands x rows are re-derived. */
    public DedupConfig withMinHash(MinHashConfig m) {
        return new DedupConfig(m, threshold, null, keep, exact, memoryBytes, threads, tempDir, mergeFanIn);
    }

    /** With another threshold; bands x rows are re-derived. */
    public DedupConfig withThreshold(double t) {
        return new DedupConfig(minhash, t, null, keep, exact, memoryBytes, threads, tempDir, mergeFanIn);
    }

    public DedupConfig withLsh(LshParams p) {
        return new DedupConfig(minhash, threshold, p, keep, exact, memoryBytes, threads, tempDir, mergeFanIn);
    }

    public DedupConfig withKeep(KeepRule k) {
        return new DedupConfig(minhash, threshold, lsh, k, exact, memoryBytes, threads, tempDir, mergeFanIn);
    }

    public DedupConfig withExact(boolean e) {
        return new DedupConfig(minhash, threshold, lsh, keep, e, memoryBytes, threads, tempDir, mergeFanIn);
    }

    public DedupConfig withMemory(long bytes) {
        return new DedupConfig(minhash, threshold, lsh, keep, exact, bytes, threads, tempDir, mergeFanIn);
    }

    public DedupConfig withThreads(int n) {
        return new DedupConfig(minhash, threshold, lsh, keep, exact, memoryBytes, n, tempDir, mergeFanIn);
    }

    public DedupConfig withTempDir(Path dir) {
        return new DedupConfig(minhash, threshold, lsh, keep, exact, memoryBytes, threads, dir, mergeFanIn);
    }

    public DedupConfig withMergeFanIn(int f) {
        return new DedupConfig(minhash, threshold, lsh, keep, exact, memoryBytes, threads, tempDir, f);
    }

    /**
     * Parses a memory size such as {@code 2g}, {@code 512m}, {@code 256MB}, {@code 64k} or a plain number of
     * bytes (binary units: 1k = 1024).
     */
    public static long parseBytes(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        if (t.endsWith("ib")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        long mult = 1;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'k' -> mult = 1L << 10;
                case 'm' -> mult = 1L << 20;
                case 'g' -> mult = 1L << 30;
                case 't' -> mult = 1L << 40;
                default -> mult = 1;
            }
        }
        String num = mult == 1 ? t : t.substring(0, t.length() - 1);
        try {
            double v = Double.parseDouble(num);
            if (v < 0 || Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return (long) (v * mult);
        } catch (NumberFormatException e) {
            throw new ConfigException("memory must be a size such as 2g, 512m or 1048576: " + s);
        }
    }

    /** Threads actually used. */
    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Agreeing permutations needed for a verified pair: {@code ceil(threshold * numPerm)}. */
    public int agreementsNeeded() {
        return (int) Math.ceil(threshold * minhash.numPerm() - 1e-9);
    }

    /** Identifies everything that changes the clusters (not memory, threads or paths), for intermediate files. */
    public long id() {
        String s = minhash.id() + "|" + threshold + "|" + lsh + "|" + keep + "|" + exact;
        return org.apache.datasketches.hash.MurmurHash3.hash(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1)[0];
    }

    /** The settings that decide the result, for the run's metadata. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shingling", minhash.shingling().name().toLowerCase(java.util.Locale.ROOT));
        m.put("ngram", minhash.ngram());
        m.put("num_perm", minhash.numPerm());
        m.put("seed", minhash.seed());
        m.put("threshold", threshold);
        m.put("bands", lsh.bands());
        m.put("rows", lsh.rows());
        m.put("keep", keep.name().toLowerCase(java.util.Locale.ROOT));
        m.put("exact", exact);
        m.put("memory_bytes", memoryBytes);
        m.put("verification", "estimated Jaccard over all " + minhash.numPerm() + " permutations >= threshold");
        return m;
    }
}

package dev.kiln.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counters of one dedup run; {@link #toMap()} goes into the run's metadata. Public so another engine (kiln's
 * Spark job) reports the same keys. Every counter but three describes the result and is the same for any
 * engine; {@code candidate_pairs}, {@code verified_pairs} and {@code false_candidates_rejected} count the
 * verification work done, which depends on the order pairs are visited in (a pair already joined through
 * others is never checked), like {@code band_run_files}, {@code signatures_spilled} and the timings.
 */
public final class DedupStats {

    /** The keys of {@link #toMap()} that describe work done rather than the result (see the class comment). */
    public static final java.util.Set<String> WORK_KEYS = java.util.Set.of("candidate_pairs", "verified_pairs",
            "false_candidates_rejected", "band_run_files", "signatures_spilled", "signature_pass_seconds", "cluster_seconds");

    public long docsIn;
    public long chars;
    public long exactDuplicates;
    public long noShingles;
    public long bandRecords;
    public long buckets;
    public long largestBucket;
    public long bucketPairs;
    public long candidatePairs;
    public long verifiedPairs;
    public long rejectedPairs;
    public long clusters;
    public long largestCluster;
    public long clusteredDocs;
    public long removed;
    public int bandRuns;
    public boolean signaturesSpilled;
    public long signatureNanos;
    public long clusterNanos;

    /** The counters under their metadata names. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("docs_in", docsIn);
        m.put("docs_kept", docsIn - removed);
        m.put("docs_removed", removed);
        m.put("exact_duplicates", exactDuplicates);
        m.put("near_duplicates", removed - exactDuplicates);
        m.put("clusters", clusters);
        m.put("largest_cluster", largestCluster);
        m.put("docs_in_clusters", clusteredDocs);
        m.put("docs_without_shingles", noShingles);
        m.put("band_records", bandRecords);
        m.put("lsh_buckets_shared", buckets);
        m.put("largest_bucket", largestBucket);
        m.put("lsh_bucket_pairs", bucketPairs);
        m.put("candidate_pairs", candidatePairs);
        m.put("verified_pairs", verifiedPairs);
        m.put("false_candidates_rejected", rejectedPairs);
        m.put("band_run_files", bandRuns);
        m.put("signatures_spilled", signaturesSpilled);
        m.put("signature_pass_seconds", Math.round(signatureNanos / 1e6) / 1e3);
        m.put("cluster_seconds", Math.round(clusterNanos / 1e6) / 1e3);
        return m;
    }
}

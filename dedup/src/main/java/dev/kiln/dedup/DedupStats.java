package dev.kiln.dedup;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counters of one dedup run; {@link #toMap()} goes into the run's metadata. */
final class DedupStats {
    long docsIn;
    long chars;
    long exactDuplicates;
    long noShingles;
    long bandRecords;
    long buckets;
    long largestBucket;
    long bucketPairs;
    long candidatePairs;
    long verifiedPairs;
    long rejectedPairs;
    long clusters;
    long largestCluster;
    long clusteredDocs;
    long removed;
    int bandRuns;
    boolean signaturesSpilled;
    long signatureNanos;
    long clusterNanos;

    Map<String, Object> toMap() {
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

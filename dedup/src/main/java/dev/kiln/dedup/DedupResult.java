package dev.kiln.dedup;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSink;
import dev.kiln.core.pipeline.DocumentSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of {@link Deduplicator#cluster}: which documents (by input ordinal) are kept, the clusters,
 * and the statistics. {@link #writeKept} is pass 2 (re-reads the same input and passes on the kept
 * documents in order); {@link #writeReport} writes the cluster report. Holds temporary files until
 * {@link #close()}.
 *
 * <p>Cluster report (JSONL, one line per cluster of two or more documents, clusters numbered from 0 in
 * order of their first member): {@code {"cluster": 3, "size": 2, "kept": "id-a", "members": [{"id": "id-a",
 * "similarity": 1.0, "kept": true}, {"id": "id-b", "similarity": 0.914, "kept": false}]}}, where
 * similarity is the estimated Jaccard similarity to the kept document.
 */
public final class DedupResult implements Closeable {

    private final DedupConfig config;
    private final int docs;
    private final BitSet removed;
    private final int[] keeperOf;      // per document: the kept member of its cluster
    private final int[] clusterStart;  // cluster c's members are members[clusterStart[c] .. clusterStart[c+1])
    private final int[] members;
    private final IdStore ids;
    private final SignatureStore sigs;
    private final DedupStats stats;
    private Path temp;

    private DedupResult(DedupConfig config, int docs, BitSet removed, int[] keeperOf, int[] clusterStart, int[] members,
                        IdStore ids, SignatureStore sigs, DedupStats stats) {
        this.config = config;
        this.docs = docs;
        this.removed = removed;
        this.keeperOf = keeperOf;
        this.clusterStart = clusterStart;
        this.members = members;
        this.ids = ids;
        this.sigs = sigs;
        this.stats = stats;
    }

    static DedupResult build(DedupConfig config, int n, UnionFind uf, int[] lengths, IdStore ids, SignatureStore sigs,
                             DedupStats stats) {
        int[] root = new int[n];
        int[] keeper = new int[n];           // indexed by root
        java.util.Arrays.fill(keeper, -1);
        int[] clusterOfRoot = new int[n];    // indexed by root: cluster number, or -1
        java.util.Arrays.fill(clusterOfRoot, -1);
        int clusters = 0;
        int clustered = 0;
        for (int i = 0; i < n; i++) {
            int r = uf.find(i);
            root[i] = r;
            if (keeper[r] < 0) {
                keeper[r] = i;
            } else if (config.keep() == KeepRule.LONGEST && lengths[i] > lengths[keeper[r]]) {
                keeper[r] = i;
            }
            if (uf.sizeOf(r) > 1) {
                clustered++;
                if (clusterOfRoot[r] < 0) {
                    clusterOfRoot[r] = clusters++;
                }
            }
        }
        int[] start = new int[clusters + 1];
        for (int i = 0; i < n; i++) {
            int c = clusterOfRoot[root[i]];
            if (c >= 0) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < clusters; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = java.util.Arrays.copyOf(start, clusters);
        int[] members = new int[clustered];
        BitSet removed = new BitSet(n);
        long largest = 0;
        for (int i = 0; i < n; i++) {
            int r = root[i];
            int c = clusterOfRoot[r];
            if (c >= 0) {
                members[fill[c]++] = i;
                largest = Math.max(largest, uf.sizeOf(r));
            }
            int k = keeper[r];
            if (k != i) {
                removed.set(i);
            }
            root[i] = k; // reuse as keeperOf
        }
        stats.clusters = clusters;
        stats.largestCluster = largest;
        stats.clusteredDocs = clustered;
        stats.removed = removed.cardinality();
        return new DedupResult(config, n, removed, root, start, members, ids, sigs, stats);
    }

    DedupResult withTemp(Path dir) {
        this.temp = dir;
        return this;
    }

    /** Documents read in pass 1. */
    public long docsIn() {
        return docs;
    }

    /** Documents kept. */
    public long docsKept() {
        return docs - removed.cardinality();
    }

    /** True if the document with input ordinal {@code ordinal} (0-based, in read order) is kept. */
    public boolean isKept(long ordinal) {
        if (ordinal < 0 || ordinal >= docs) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " outside [0, " + docs + ")");
        }
        return !removed.get((int) ordinal);
    }

    /** Number of clusters (of two or more documents). */
    public int clusterCount() {
        return clusterStart.length - 1;
    }

    /** Input ordinals of cluster {@code c}'s members, ascending. */
    public int[] clusterMembers(int c) {
        return java.util.Arrays.copyOfRange(members, clusterStart[c], clusterStart[c + 1]);
    }

    /** The ordinal of the kept member of the cluster holding {@code ordinal} (itself if not in a cluster). */
    public int keeperOf(int ordinal) {
        return keeperOf[ordinal];
    }

    /** Estimated Jaccard similarity of two documents by ordinal. */
    public double estimatedSimilarity(int a, int b) {
        return sigs.agreements(a, b) / (double) config.minhash().numPerm();
    }

    /** The id of document {@code ordinal}. */
    public String id(int ordinal) {
        return ids.get(ordinal);
    }

    /** Statistics for the run's metadata: the config, then the counts. */
    public Map<String, Object> stats() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", config.toMap());
        m.putAll(stats.toMap());
        return m;
    }

    /**
     * Pass 2: reads {@code source} (the same input as pass 1, in the same order) and passes the kept
     * documents to {@code sink} in order.
     *
     * @return documents passed on
     * @throws IOException if the source holds a different number of documents than pass 1 read
     */
    public long writeKept(DocumentSource source, DocumentSink sink) throws IOException {
        long i = 0;
        long kept = 0;
        Document d;
        while ((d = source.next()) != null) {
            if (i >= docs) {
                throw new IOException("pass 2 read more documents than pass 1 (" + docs + "). HINT: the input changed during dedup");
            }
            if (!removed.get((int) i)) {
                sink.accept(d);
                kept++;
            }
            i++;
        }
        if (i != docs) {
            throw new IOException("pass 2 read " + i + " documents, pass 1 read " + docs + ". HINT: the input changed during dedup");
        }
        return kept;
    }

    /** Writes the cluster report to {@code path} ({@link ClusterReport}), atomically. Returns the number of clusters. */
    public long writeReport(Path path) throws IOException {
        Iterator<List<ClusterReport.Member>> clusters = new Iterator<>() {
            private int c;

            @Override
            public boolean hasNext() {
                return c < clusterCount();
            }

            @Override
            public List<ClusterReport.Member> next() {
                int k = keeperOf[members[clusterStart[c]]];
                List<ClusterReport.Member> out = new ArrayList<>(clusterStart[c + 1] - clusterStart[c]);
                for (int p = clusterStart[c]; p < clusterStart[c + 1]; p++) {
                    int m = members[p];
                    out.add(new ClusterReport.Member(ids.get(m), estimatedSimilarity(m, k), m == k));
                }
                c++;
                return out;
            }
        };
        return ClusterReport.write(path, clusters);
    }

    /** Deletes the temporary files. */
    @Override
    public void close() throws IOException {
        sigs.close();
        ids.close();
        if (temp != null) {
            Deduplicator.deleteQuietly(temp);
        }
    }
}

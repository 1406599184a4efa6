package dev.kiln.spark;

import dev.kiln.core.Document;
import dev.kiln.core.io.DocumentWriter;
import dev.kiln.core.io.Formats;
import dev.kiln.dedup.ClusterReport;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.DedupStats;
import dev.kiln.dedup.Deduplicator;
import dev.kiln.dedup.DocumentKeys;
import dev.kiln.dedup.KeepRule;
import dev.kiln.dedup.Signature;
import dev.kiln.prepare.DedupStep;
import dev.kiln.prepare.PrepareConfig;
import dev.kiln.prepare.PrepareEngine;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.steps.StepExecutor;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Step 2 of {@code kiln prepare} on Spark: the local {@link Deduplicator}'s result, computed with Spark's
 * primitives. Executors compute each document's exact key, signature and band keys with
 * {@link Deduplicator#keysOf}; exact duplicates join the first document with their key
 * ({@code reduceByKey(min)}); band records are range-shuffled by bucket and sorted by (bucket, ordinal), and
 * each bucket is walked with the local run's window of {@value DedupConfig#BUCKET_WINDOW} earlier members,
 * streaming, so a giant bucket costs no memory; candidate pairs are verified over the full signatures with
 * the local threshold; components are found by iterative min-label propagation; the keep rule is the local
 * one. The clusters, kept documents and report are therefore the local run's, whatever the partitioning.
 */
final class SparkDedup {

    /** One document's keys, where it is (unit, position in the unit). */
    record Signed(int unit, int local, String id, int length, DocumentKeys keys) implements Serializable {
    }

    /** A clustered document for the report. */
    record Member(int label, int ordinal, String id, double similarity, boolean kept) implements Serializable {
    }

    private final JavaSparkContext sc;
    private final PrepareEngine.Context ctx;
    private final Consumer<String> log;
    private final OutputFolder folder;

    SparkDedup(JavaSparkContext sc, PrepareEngine.Context ctx, OutputFolder folder) {
        this.sc = sc;
        this.ctx = ctx;
        this.log = ctx.log();
        this.folder = folder;
    }

    PrepareEngine.DedupOutcome run(List<List<Path>> cleaned, List<List<Path>> targets) throws IOException {
        PrepareConfig cfg = ctx.cfg();
        DedupConfig dc = DedupStep.config(cfg, ctx.steps().work());
        String cfgJson = OnExecutor.json(cfg);
        String work = ctx.steps().work().toString();
        OutputFolder folder = this.folder;
        List<Tuple2<Integer, String>> units = new ArrayList<>();
        List<String> unitTargets = new ArrayList<>();
        for (int s = 0; s < cleaned.size(); s++) {
            for (int u = 0; u < cleaned.get(s).size(); u++) {
                units.add(new Tuple2<>(units.size(), cleaned.get(s).get(u).toString()));
                unitTargets.add(targets.get(s).get(u).toString());
            }
        }
        int slices = Math.max(1, units.size());
        int parts = Math.max(1, sc.defaultParallelism() * 2);
        log.accept("dedup (spark): " + dc.lsh().describe(dc.threshold()));
        long t0 = System.nanoTime();
        DedupStats st = new DedupStats();

        // pass 1: keys of every document, on the executors
        JavaRDD<Signed> signed = sc.parallelize(units, slices).flatMap(u -> sign(cfgJson, work, folder, u._1(), u._2()))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        Map<Integer, Long> perUnit = SparkErrors.call(() -> signed.map(Signed::unit).countByValue());
        long[] offset = new long[units.size() + 1];
        for (int u = 0; u < units.size(); u++) {
            offset[u + 1] = offset[u] + perUnit.getOrDefault(u, 0L);
        }
        long total = offset[units.size()];
        if (total >= Integer.MAX_VALUE - 1) {
            throw new IOException("dedup handles at most " + (Integer.MAX_VALUE - 1) + " documents per run");
        }
        int n = (int) total;
        Broadcast<long[]> offsets = sc.broadcast(offset);
        JavaPairRDD<Integer, Signed> byOrd = signed.mapToPair(d -> new Tuple2<>((int) (offsets.value()[d.unit()] + d.local()), d))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        st.docsIn = n;
        st.noShingles = SparkErrors.call(() -> byOrd.filter(t -> t._2().keys().empty()).count());

        // exact duplicates: every later document with a key joins the first one with it
        boolean exact = dc.exact();
        JavaPairRDD<Tuple2<Long, Long>, Tuple2<Integer, long[]>> byKey = byOrd.mapToPair(t -> new Tuple2<>(
                exact ? new Tuple2<>(t._2().keys().exact1(), t._2().keys().exact2()) : new Tuple2<>((long) t._1(), -1L),
                new Tuple2<>(t._1(), t._2().keys().bandKeys())));
        JavaPairRDD<Tuple2<Long, Long>, Integer> reps = byKey.mapValues(Tuple2::_1).reduceByKey(Math::min);
        JavaRDD<Tuple2<Tuple2<Integer, long[]>, Integer>> withRep = byKey.join(reps).values().persist(StorageLevel.MEMORY_AND_DISK_SER());
        JavaPairRDD<Integer, Integer> exactEdges = withRep.filter(r -> !r._1()._1().equals(r._2()))
                .mapToPair(r -> new Tuple2<>(r._1()._1(), r._2()));
        st.exactDuplicates = SparkErrors.call(exactEdges::count);

        // band records of first occurrences with shingles, sorted by (bucket key unsigned, ordinal) within bucket partitions
        JavaPairRDD<Tuple2<Long, Integer>, Integer> bands = withRep.filter(r -> r._1()._1().equals(r._2()))
                .flatMapToPair(r -> {
                    List<Tuple2<Tuple2<Long, Integer>, Integer>> out = new ArrayList<>(r._1()._2().length);
                    for (long k : r._1()._2()) {
                        out.add(new Tuple2<>(new Tuple2<>(k, r._2()), r._2()));
                    }
                    return out.iterator();
                })
                .repartitionAndSortWithinPartitions(new BucketPartitioner(parts), new BandOrder())
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        st.bandRecords = SparkErrors.call(bands::count);
        long[] bucketStats = SparkErrors.call(() -> bands.mapPartitions(it -> List.of(BucketWalk.stats(it)).iterator())
                .reduce(SparkDedup::addStats));
        st.buckets = bucketStats[0];
        st.largestBucket = bucketStats[1];
        st.bucketPairs = bucketStats[2];
        st.signatureNanos = System.nanoTime() - t0;
        log.accept(String.format(Locale.ROOT, "dedup (spark): pass 1 read %,d documents (%,d exact duplicates) in %.1f s; %,d band records",
                n, st.exactDuplicates, st.signatureNanos / 1e9, st.bandRecords));

        // candidate pairs, verified over the full signatures
        long t1 = System.nanoTime();
        int need = dc.agreementsNeeded();
        JavaRDD<Long> candidates = bands.mapPartitions(BucketWalk::pairs).distinct(parts).persist(StorageLevel.MEMORY_AND_DISK_SER());
        st.candidatePairs = SparkErrors.call(candidates::count);
        // only documents of a candidate or exact pair need their signature again: a semi-join, so the
        // verification and report joins shuffle those signatures, not the whole corpus's
        BitSet involvedSet = SparkErrors.call(() -> candidates.mapPartitions(SparkDedup::endsOfPairs)
                .union(exactEdges.mapPartitions(SparkDedup::endsOfEdges)).treeReduce(SparkDedup::or));
        Broadcast<BitSet> involved = sc.broadcast(involvedSet);
        JavaPairRDD<Integer, Signed> needed = byOrd.filter(t -> involved.value().get(t._1())).persist(StorageLevel.MEMORY_AND_DISK_SER());
        JavaPairRDD<Integer, long[]> sigs = needed.mapValues(d -> d.keys().signature());
        JavaPairRDD<Integer, Integer> verified = candidates.mapToPair(p -> new Tuple2<>((int) (p >>> 32), (int) (long) p))
                .join(sigs).mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())))
                .join(sigs).filter(t -> Signature.agreements(t._2()._1()._2(), t._2()._2()) >= need)
                .mapToPair(t -> new Tuple2<>(t._2()._1()._1(), t._1())).persist(StorageLevel.MEMORY_AND_DISK_SER());
        st.verifiedPairs = SparkErrors.call(verified::count);
        st.rejectedPairs = st.candidatePairs - st.verifiedPairs;

        // connected components by min-label propagation over exact and verified edges
        JavaPairRDD<Integer, Integer> adjacent = exactEdges.union(verified)
                .flatMapToPair(e -> List.of(e, new Tuple2<>(e._2(), e._1())).iterator())
                .distinct(parts).persist(StorageLevel.MEMORY_AND_DISK_SER());
        JavaPairRDD<Integer, Integer> labels = adjacent.keys().distinct(parts).mapToPair(v -> new Tuple2<>(v, v))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        int rounds = 0;
        while (true) {
            JavaPairRDD<Integer, Integer> current = labels;
            JavaPairRDD<Integer, Integer> next = adjacent.join(current).mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()))
                    .union(current).reduceByKey(Math::min, parts).persist(StorageLevel.MEMORY_AND_DISK_SER());
            long changed = SparkErrors.call(() -> next.join(current).filter(t -> !t._2()._1().equals(t._2()._2())).count());
            current.unpersist(false);
            labels = next;
            rounds++;
            if (changed == 0) {
                break;
            }
        }

        // the keeper of each component by the local keep rule, and each member's similarity to it
        boolean longest = dc.keep() == KeepRule.LONGEST;
        JavaPairRDD<Integer, Tuple2<Integer, Signed>> members = labels.join(needed)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), new Tuple2<>(t._1(), t._2()._2())));
        JavaPairRDD<Integer, Tuple2<Integer, Integer>> keepers = members.mapValues(m -> new Tuple2<>(m._1(), m._2().length()))
                .reduceByKey((a, b) -> better(a, b, longest) ? a : b);
        JavaPairRDD<Integer, long[]> keeperSig = keepers.mapToPair(k -> new Tuple2<>(k._2()._1(), k._1())).join(sigs)
                .mapToPair(t -> new Tuple2<>(t._2()._1(), t._2()._2()));
        int numPerm = dc.minhash().numPerm();
        List<Member> clustered = SparkErrors.call(() -> members.join(keepers.mapValues(Tuple2::_1)).join(keeperSig)
                .map(t -> {
                    int label = t._1();
                    Tuple2<Integer, Signed> m = t._2()._1()._1();
                    int keeper = t._2()._1()._2();
                    double sim = Signature.agreements(m._2().keys().signature(), t._2()._2()) / (double) numPerm;
                    return new Member(label, m._1(), m._2().id(), sim, m._1() == keeper);
                }).collect());
        List<Member> sorted = new ArrayList<>(clustered);
        sorted.sort(Comparator.comparingInt(Member::label).thenComparingInt(Member::ordinal));
        BitSet removed = new BitSet(n);
        List<List<ClusterReport.Member>> clusters = new ArrayList<>();
        for (int i = 0; i < sorted.size(); ) {
            int label = sorted.get(i).label();
            List<ClusterReport.Member> c = new ArrayList<>();
            for (; i < sorted.size() && sorted.get(i).label() == label; i++) {
                Member m = sorted.get(i);
                c.add(new ClusterReport.Member(m.id(), m.similarity(), m.kept()));
                if (!m.kept()) {
                    removed.set(m.ordinal());
                }
            }
            clusters.add(c);
            st.largestCluster = Math.max(st.largestCluster, c.size());
        }
        st.clusters = clusters.size();
        st.clusteredDocs = sorted.size();
        st.removed = removed.cardinality();
        st.clusterNanos = System.nanoTime() - t1;
        log.accept(String.format(Locale.ROOT, "dedup (spark): %,d candidate pairs, %,d verified; %,d clusters, %,d documents removed; "
                + "%d label rounds, clustering %.1f s", st.candidatePairs, st.verifiedPairs, st.clusters, st.removed, rounds, st.clusterNanos / 1e9));

        // pass 2: each unit's kept documents, written by its own task and committed once
        Broadcast<BitSet> gone = sc.broadcast(removed);
        List<Tuple2<Integer, String>> writes = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            writes.add(new Tuple2<>(u, units.get(u)._2() + "\u0000" + unitTargets.get(u)));
        }
        List<Tuple2<Long, String>> written = SparkErrors.call(() -> sc.parallelize(writes, slices)
                .map(w -> keep(folder, w._2(), offsets.value()[w._1()], gone.value())).collect());
        folder.commit(written.stream().map(Tuple2::_2).toList(), "dedup", StepExecutor.WORK + "/dedup");
        ClusterReport.write(ctx.out().resolve(DedupStep.REPORT), clusters.iterator());
        signed.unpersist(false);
        byOrd.unpersist(false);
        needed.unpersist(false);
        withRep.unpersist(false);
        bands.unpersist(false);
        candidates.unpersist(false);
        verified.unpersist(false);
        adjacent.unpersist(false);
        labels.unpersist(false);

        List<List<Long>> kept = new ArrayList<>();
        for (int s = 0, u = 0; s < cleaned.size(); s++) {
            List<Long> k = new ArrayList<>();
            for (int i = 0; i < cleaned.get(s).size(); i++, u++) {
                k.add(written.get(u)._1());
            }
            kept.add(k);
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("config", dc.toMap());
        stats.putAll(st.toMap());
        return new PrepareEngine.DedupOutcome(stats, kept);
    }

    /** True if candidate keeper {@code a} (ordinal, length) wins over {@code b}: the first, or the longest with ties to the first. */
    private static boolean better(Tuple2<Integer, Integer> a, Tuple2<Integer, Integer> b, boolean longest) {
        if (longest && !a._2().equals(b._2())) {
            return a._2() > b._2();
        }
        return a._1() < b._1();
    }

    private static Iterator<BitSet> endsOfPairs(Iterator<Long> pairs) {
        BitSet b = new BitSet();
        while (pairs.hasNext()) {
            long p = pairs.next();
            b.set((int) (p >>> 32));
            b.set((int) p);
        }
        return List.of(b).iterator();
    }

    private static Iterator<BitSet> endsOfEdges(Iterator<Tuple2<Integer, Integer>> edges) {
        BitSet b = new BitSet();
        while (edges.hasNext()) {
            Tuple2<Integer, Integer> e = edges.next();
            b.set(e._1());
            b.set(e._2());
        }
        return List.of(b).iterator();
    }

    private static BitSet or(BitSet a, BitSet b) {
        BitSet c = (BitSet) a.clone();
        c.or(b);
        return c;
    }

    private static long[] addStats(long[] a, long[] b) {
        return new long[] {a[0] + b[0], Math.max(a[1], b[1]), a[2] + b[2]};
    }

    private static Iterator<Signed> sign(String cfgJson, String work, OutputFolder folder, int unit, String file) throws IOException {
        PrepareConfig cfg = OnExecutor.config(cfgJson);
        Deduplicator d = Deduplicator.create(DedupStep.config(cfg, Path.of(work)), s -> { });
        List<Signed> out = new ArrayList<>();
        try (OutputFolder.TaskFiles t = folder.task(); DocumentSource src = SparkEngine.read(t.read(file))) {
            Document doc;
            int i = 0;
            while ((doc = src.next()) != null) {
                out.add(new Signed(unit, i++, doc.id(), doc.text().length(), d.keysOf(doc.text())));
            }
        }
        return out.iterator();
    }

    /** Writes the kept documents of one unit ({@code "cleaned\0target"}) into this attempt's folder; returns (kept, attempt). */
    private static Tuple2<Long, String> keep(OutputFolder folder, String files, long first, BitSet removed) throws IOException {
        String[] f = files.split("\u0000", 2);
        long kept = 0;
        long ordinal = first;
        try (OutputFolder.TaskFiles t = folder.task()) {
            Path cleaned = t.read(f[0]);
            t.attempt("dedup");
            try (DocumentSource in = SparkEngine.read(cleaned); DocumentWriter w = Formats.writer(t.inside(f[1]))) {
                Document d;
                while ((d = in.next()) != null) {
                    if (!removed.get((int) ordinal++)) {
                        w.write(d);
                        kept++;
                    }
                }
                w.commit();
            }
            return new Tuple2<>(kept, t.done());
        }
    }

    /** Band records go to partitions by bucket key alone, so one bucket is never split. */
    static final class BucketPartitioner extends Partitioner {
        private final int parts;

        BucketPartitioner(int parts) {
            this.parts = parts;
        }

        @Override
        public int numPartitions() {
            return parts;
        }

        @Override
        public int getPartition(Object key) {
            long k = ((Tuple2<?, ?>) key)._1() instanceof Long l ? l : 0L;
            return (int) Long.remainderUnsigned(k ^ (k >>> 29), parts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BucketPartitioner p && p.parts == parts;
        }

        @Override
        public int hashCode() {
            return parts;
        }
    }

    /** The local band records' order: bucket key as an unsigned number, then ordinal. */
    static final class BandOrder implements Comparator<Tuple2<Long, Integer>>, Serializable {
        @Override
        public int compare(Tuple2<Long, Integer> a, Tuple2<Long, Integer> b) {
            int c = Long.compareUnsigned(a._1(), b._1());
            return c != 0 ? c : Integer.compare(a._2(), b._2());
        }
    }
}

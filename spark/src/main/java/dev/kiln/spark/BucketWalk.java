package dev.kiln.spark;

import dev.kiln.dedup.DedupConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import scala.Tuple2;

/**
 * Walks band records sorted by (bucket, ordinal) as the local deduplicator does: each member of a bucket is
 * paired with the {@value DedupConfig#BUCKET_WINDOW} members before it, keeping only that window in memory,
 * so a bucket of any size streams.
 */
final class BucketWalk {

    private BucketWalk() {
    }

    /** Buckets shared by two or more records, the largest bucket and the window pairs (the local counters). */
    static long[] stats(Iterator<Tuple2<Tuple2<Long, Integer>, Integer>> it) {
        long[] s = new long[3];
        walk(it, (a, b) -> s[2]++, m -> {
            if (m >= 2) {
                s[0]++;
                s[1] = Math.max(s[1], m);
            }
        });
        return s;
    }

    /** The distinct-ordinal window pairs, each as {@code a << 32 | b} with a before b. */
    static Iterator<Long> pairs(Iterator<Tuple2<Tuple2<Long, Integer>, Integer>> it) {
        List<Long> out = new ArrayList<>();
        walk(it, (a, b) -> {
            if (a != b) {
                out.add((long) a << 32 | b);
            }
        }, m -> { });
        return out.iterator();
    }

    private interface PairSink {
        void pair(int a, int b);
    }

    private static void walk(Iterator<Tuple2<Tuple2<Long, Integer>, Integer>> it, PairSink pairs, java.util.function.LongConsumer groupEnd) {
        int w = DedupConfig.BUCKET_WINDOW;
        int[] window = new int[w];
        long key = 0;
        long m = 0;
        boolean any = false;
        while (it.hasNext()) {
            Tuple2<Long, Integer> r = it.next()._1();
            if (!any || r._1() != key) {
                if (any) {
                    groupEnd.accept(m);
                }
                key = r._1();
                m = 0;
                any = true;
            }
            int doc = r._2();
            long from = Math.max(0, m - w);
            for (long q = from; q < m; q++) {
                pairs.pair(window[(int) (q % w)], doc);
            }
            window[(int) (m % w)] = doc;
            m++;
        }
        if (any) {
            groupEnd.accept(m);
        }
    }
}

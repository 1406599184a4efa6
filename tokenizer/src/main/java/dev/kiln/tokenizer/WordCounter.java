package dev.kiln.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Counts words of a stream of texts on several threads: the caller's thread hands batches of texts to
 * workers, each worker counts into its own map, and the maps are summed at the end. Sums do not depend
 * on which worker saw which text, so the result is the same for any thread count.
 *
 * <p><b>NOTE:</b> this is a parallel reduction, not an ordered map, so it does not use
 * {@link dev.kiln.core.pipeline.OrderedParallelMap}: a map per batch merged on the calling thread in input
 * order would make that thread sum every batch's words (the bottleneck) and hold a map per batch in
 * flight, where one map per worker, merged once at the end, needs neither.
 */
final class WordCounter {

    /** A stream of texts; null at the end. */
    interface TextStream {
        String next() throws java.io.IOException;
    }

    private static final int BATCH_CHARS = 1 << 18;
    private static final List<String> END = List.of();

    private final Pretokenizer pre;
    private final int threads;

    WordCounter(Pretokenizer pre, int threads) {
        this.pre = pre;
        this.threads = threads;
    }

    /**
     * Counts the words of every text (word → {count}) and returns the map; the texts counted are added
     * to {@code texts}' own accounting by the caller.
     */
    Map<String, long[]> count(TextStream texts) throws java.io.IOException {
        if (threads == 1) {
            Map<String, long[]> into = new HashMap<>();
            for (String t = texts.next(); t != null; t = texts.next()) {
                countOne(t, into);
            }
            return into;
        }
        BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(threads);
        List<Future<Map<String, long[]>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kiln-wordcount");
            t.setDaemon(true);
            return t;
        })) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    Map<String, long[]> local = new HashMap<>();
                    for (List<String> batch = queue.take(); batch != END; batch = queue.take()) {
                        for (String t : batch) {
                            countOne(t, local);
                        }
                    }
                    return local;
                }));
            }
            try {
                List<String> batch = new ArrayList<>();
                long chars = 0;
                for (String t = texts.next(); t != null; t = texts.next()) {
                    batch.add(t);
                    chars += t.length();
                    if (chars >= BATCH_CHARS) {
                        put(queue, batch, results);
                        batch = new ArrayList<>();
                        chars = 0;
                    }
                }
                if (!batch.isEmpty()) {
                    put(queue, batch, results);
                }
            } finally {
                for (int i = 0; i < threads; i++) {
                    put(queue, END, results);
                }
            }
            List<Map<String, long[]>> maps = new ArrayList<>();
            for (Future<Map<String, long[]>> f : results) {
                maps.add(get(f));
            }
            maps.sort((a, b) -> Integer.compare(b.size(), a.size()));
            Map<String, long[]> into = maps.get(0);
            for (int i = 1; i < maps.size(); i++) {
                merge(maps.get(i), into);
                maps.set(i, null);
            }
            return into;
        }
    }

    /** Counts one text's words into {@code into} on the caller's thread. */
    void countOneInto(String text, Map<String, long[]> into) {
        countOne(text, into);
    }

    private void countOne(String text, Map<String, long[]> into) {
        pre.words(text, w -> {
            long[] c = into.get(w);
            if (c == null) {
                into.put(w, new long[] {1});
            } else {
                c[0]++;
            }
        });
    }

    private static void put(BlockingQueue<List<String>> q, List<String> batch, List<Future<Map<String, long[]>>> workers) {
        try {
            while (!q.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                for (Future<Map<String, long[]>> f : workers) {
                    if (f.isDone()) {
                        get(f); // rethrows a worker's failure instead of blocking forever
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting words", e);
        }
    }

    private static Map<String, long[]> get(Future<Map<String, long[]>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting words", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("word counting failed: " + e.getCause(), e.getCause());
        }
    }

    static void merge(Map<String, long[]> from, Map<String, long[]> into) {
        from.forEach((w, c) -> {
            long[] d = into.get(w);
            if (d == null) {
                into.put(w, c);
            } else {
                d[0] += c[0];
            }
        });
    }
}

package dev.kiln.spark;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.TaskEndReason;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of a Spark step of one task per unit, as one line at most every {@link #EVERY_NANOS}: units done of
 * all, per cent, elapsed time and ETA, counted from Spark's own task-end events on the driver. Failed
 * attempts are not counted (their retry is).
 */
final class TaskProgress {

    static final long EVERY_NANOS = 10_000_000_000L;

    private TaskProgress() {
    }

    /** Runs {@code action} (a Spark action of {@code tasks} tasks) and reports its progress to {@code log} as {@code label}. */
    static <T> T track(JavaSparkContext sc, String label, int tasks, Consumer<String> log, Callable<T> action) throws IOException {
        return track(sc, label, tasks, log, action, EVERY_NANOS);
    }

    /** As {@link #track(JavaSparkContext, String, int, Consumer, Callable)}, a line at most every {@code everyNanos}. */
    static <T> T track(JavaSparkContext sc, String label, int tasks, Consumer<String> log, Callable<T> action, long everyNanos)
            throws IOException {
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        long[] last = {t0};
        SparkListener l = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                TaskEndReason r = e.reason();
                if (r != Success$.MODULE$) {
                    return;
                }
                int d = done.incrementAndGet();
                long now = System.nanoTime();
                synchronized (last) {
                    if (d < tasks && now - last[0] >= everyNanos) {
                        last[0] = now;
                        double s = (now - t0) / 1e9;
                        log.accept(String.format(Locale.ROOT, "spark: %s %,d/%,d units (%d %%), %.0f s, ETA %.0f s", label, d, tasks,
                                100L * d / tasks, s, s / d * (tasks - d)));
                    }
                }
            }
        };
        sc.sc().addSparkListener(l);
        try {
            return SparkErrors.call(action);
        } finally {
            sc.sc().removeSparkListener(l);
        }
    }
}

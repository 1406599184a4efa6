package dev.kiln.core.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Maps a stream of items on N threads and delivers the results in input order on the calling thread: the
 * one "parallel, but the output does not depend on the thread count" loop of kiln (dedup signatures,
 * tokenizer encoding). The caller pulls items from a {@link Source}, at most {@code maxInFlight} of them
 * are mapped or waiting to be delivered at any time (backpressure: a slow item or a slow sink stops the
 * reading, so memory stays bounded), and each result goes to the {@link Sink} as soon as every earlier
 * one has.
 *
 * <p>One pool per call, of named daemon threads, shut down when the call returns or fails; with
 * {@code threads <= 1} items are mapped inline and no thread is started. A failure of the mapper is
 * rethrown on the calling thread as itself (a {@code RuntimeException}, {@code Error} or
 * {@code IOException}; anything else wrapped with it as cause): that of the earliest failing item in
 * input order, so the error too is the same for any thread count.
 */
public final class OrderedParallelMap {

    /** The items: {@code null} at the end. */
    @FunctionalInterface
    public interface Source<I> {
        I next() throws IOException;
    }

    /** One item's work; runs on a worker thread, so it must be thread-safe. */
    @FunctionalInterface
    public interface Mapper<I, O> {
        O apply(I item) throws Exception;
    }

    /** Receives the results in input order, on the calling thread. */
    @FunctionalInterface
    public interface Sink<O> {
        void accept(O result) throws IOException;
    }

    private OrderedParallelMap() {
    }

    /**
     * Maps every item of {@code source} with {@code mapper} on {@code threads} threads named
     * {@code name-N} and hands the results to {@code sink} in input order.
     *
     * @param maxInFlight items read but not yet delivered, at most (at least 1)
     * @throws IOException from the source, the sink or the mapper
     */
    public static <I, O> void run(String name, int threads, int maxInFlight, Source<? extends I> source,
                                  Mapper<? super I, ? extends O> mapper, Sink<? super O> sink) throws IOException {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1: " + maxInFlight);
        }
        if (threads <= 1) {
            for (I item = source.next(); item != null; item = source.next()) {
                sink.accept(applyInline(mapper, item));
            }
            return;
        }
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + ids.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<? extends O>> pending = new ArrayDeque<>(maxInFlight);
        try {
            for (I item = source.next(); item != null; item = source.next()) {
                I it = item;
                pending.add(pool.submit(() -> mapper.apply(it)));
                while (pending.size() >= maxInFlight || !pending.isEmpty() && pending.peek().isDone()) {
                    sink.accept(await(pending.poll()));
                }
            }
            while (!pending.isEmpty()) {
                sink.accept(await(pending.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <I, O> O applyInline(Mapper<? super I, ? extends O> mapper, I item) throws IOException {
        try {
            return mapper.apply(item);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static <O> O await(Future<? extends O> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(String.valueOf(c.getMessage()), c);
        }
    }
}

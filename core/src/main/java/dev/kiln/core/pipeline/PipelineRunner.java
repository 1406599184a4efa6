package dev.kiln.core.pipeline;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageOutput;
import dev.kiln.core.util.IntList;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Streams documents from a source through a {@link Pipeline} to a sink, in parallel, with bounded memory
 * and deterministic output.
 *
 * <p>One reader thread cuts the input into numbered work units (at most {@code batchDocs} documents or
 * {@code batchChars} characters); worker threads run the parallel stages on whole units; the calling
 * thread puts finished units back in input order, runs the ordered stages, and hands documents to the
 * sink. A semaphore limits the units in flight, so a slow sink slows the reader (back-pressure) and memory
 * stays bounded. Because units are re-ordered and every stage sees each document independently, the
 * output is identical for 1 thread or 64.
 *
 * <p>The runner owns all counting: per stage documents and characters in and out, drops per reason and
 * time; the source's bytes and bad records are added by the caller ({@link RunStats}).
 *
 * <p><b>NOTE:</b> this loop is not {@link OrderedParallelMap}, on purpose: each worker owns a stage chain
 * with its own per-stage counters and reject buffers (merged once at the end, so nothing is shared per
 * document), the calling thread must wake on a timer to report progress while no unit finishes, and the
 * reader runs on its own thread so that parsing overlaps the ordered stages and the sink. The other
 * ordered maps of kiln (dedup signatures, tokenizer encoding) have none of these needs and use
 * {@code OrderedParallelMap}.
 */
public final class PipelineRunner {

    private final RunnerOptions options;

    public PipelineRunner(RunnerOptions options) {
        this.options = options;
    }

    /** A rejected document: what was dropped, by which stage, why, and the measured value. */
    public record Reject(Document doc, String stage, String reason, double value) {

        /** The document with {@code reason}, {@code value} and {@code stage} added to its metadata (rejects files). */
        public Document asDocument() {
            Document d = doc.withMeta("reason", reason);
            d = d.withMeta("value", Double.isNaN(value) ? null : value);
            return d.withMeta("stage", stage);
        }
    }

    /** Receives rejects in input order (from the runner's output thread). */
    @FunctionalInterface
    public interface RejectSink {
        void accept(Reject reject) throws IOException;
    }

    private static final class Unit {
        final long seq;
        final List<Document> docs;
        List<Document> out;
        IntList outOrigins;
        List<Reject> rejects;
        IntList rejectOrigins;

        Unit(long seq, List<Document> docs) {
            this.seq = seq;
            this.docs = docs;
        }
    }

    private static final Unit END = new Unit(-1, List.of());

    /**
     * Runs the pipeline to completion.
     *
     * @param source where documents come from (closed by the caller)
     * @param pipeline the stages
     * @param sink receives kept documents in input order
     * @param rejects receives dropped documents in input order, or null to only count them
     * @param listener progress snapshots
     * @return the statistics of the run
     * @throws IOException from the source or the sink; the run stops at the first one
     */
    public RunStats run(DocumentSource source, Pipeline pipeline, DocumentSink sink, RejectSink rejects,
                        Progress.Listener listener) throws IOException {
        List<Stage> stages = pipeline.stages();
        int split = pipeline.firstOrdered();
        int threads = options.effectiveThreads();
        long start = System.nanoTime();

        BlockingQueue<Unit> todo = new ArrayBlockingQueue<>(threads * options.inFlightPerThread() + threads + 1);
        BlockingQueue<Unit> done = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(threads * options.inFlightPerThread());
        Failure failure = new Failure();
        Counters counters = new Counters();
        boolean keepRejects = rejects != null;

        List<Chain> workerChains = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Chain chain = new Chain(stages, 0, split, keepRejects);
            workerChains.add(chain);
            Thread t = Thread.ofPlatform().name("kiln-worker-" + w).daemon().unstarted(() -> {
                try {
                    Unit u;
                    while ((u = todo.take()) != END) {
                        chain.runUnit(u);
                        done.put(u);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.set(e);
                    done.offer(END);
                }
            });
            workers.add(t);
        }
        Thread reader = Thread.ofPlatform().name("kiln-reader").daemon().unstarted(() -> {
            long seq = 0;
            try {
                while (true) {
                    List<Document> batch = new ArrayList<>();
                    long chars = 0;
                    Document d;
                    while (batch.size() < options.batchDocs() && chars < options.batchChars() && (d = source.next()) != null) {
                        batch.add(d);
                        chars += d.text().length();
                    }
                    if (batch.isEmpty()) {
                        break;
                    }
                    counters.read(batch.size(), chars);
                    inFlight.acquire();
                    todo.put(new Unit(seq++, batch));
                    if (batch.size() < options.batchDocs() && chars < options.batchChars()) {
                        break;
                    }
                }
                counters.units = seq;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                counters.units = seq;
            } catch (Throwable e) {
                failure.set(e);
                counters.units = seq;
            } finally {
                counters.readerDone = true;
                for (int i = 0; i < threads; i++) {
                    todo.offer(END);
                }
                done.offer(END);
            }
        });

        workers.forEach(Thread::start);
        reader.start();

        Chain ordered = new Chain(stages, split, stages.size(), keepRejects);
        PriorityQueue<Unit> pending = new PriorityQueue<>((a, b) -> Long.compare(a.seq, b.seq));
        long next = 0;
        long lastProgress = System.nanoTime();
        long written = 0;
        try {
            while (true) {
                if (failure.get() != null) {
                    break;
                }
                if (counters.readerDone && next == counters.units) {
                    break;
                }
                Unit u = done.poll(options.progressIntervalMillis(), TimeUnit.MILLISECONDS);
                if (u != null && u != END) {
                    pending.add(u);
                }
                while (!pending.isEmpty() && pending.peek().seq == next) {
                    Unit ready = pending.poll();
                    List<Document> finals = ordered.runDocs(ready.out, ready.outOrigins);
                    for (Document d : finals) {
                        sink.accept(d);
                        written++;
                    }
                    if (keepRejects) {
                        // rejects in input order: by originating input document, parallel stages first
                        List<Reject> later = ordered.takeRejects();
                        IntList laterOrigins = ordered.takeRejectOrigins();
                        int i = 0;
                        int j = 0;
                        while (i < ready.rejects.size() || j < later.size()) {
                            boolean takeFirst = j >= later.size()
                                    || i < ready.rejects.size() && ready.rejectOrigins.get(i) <= laterOrigins.get(j);
                            rejects.accept(takeFirst ? ready.rejects.get(i++) : later.get(j++));
                        }
                    }
                    inFlight.release();
                    next++;
                }
                long now = System.nanoTime();
                if (now - lastProgress >= options.progressIntervalMillis() * 1_000_000L) {
                    lastProgress = now;
                    listener.onProgress(counters.snapshot(written, source, now - start));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("pipeline interrupted");
        } finally {
            reader.interrupt();
            workers.forEach(Thread::interrupt);
        }
        Throwable f = failure.get();
        if (f != null) {
            if (f instanceof IOException io) {
                throw io;
            }
            if (f instanceof RuntimeException re) {
                throw re;
            }
            if (f instanceof Error err) {
                throw err;
            }
            throw new IOException(f);
        }
        try {
            reader.join();
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }

        List<StageStats> merged = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageStats s = new StageStats(stages.get(i).name());
            if (i < split) {
                for (Chain c : workerChains) {
                    s.add(c.stats[i]);
                }
            } else {
                s.add(ordered.stats[i - split]);
            }
            merged.add(s);
        }
        long elapsed = System.nanoTime() - start;
        Progress last = counters.snapshot(written, source, elapsed);
        listener.onFinish(last);
        return new RunStats(threads, counters.docsRead, counters.charsRead, source.bytesRead(), written,
                merged, elapsed);
    }

    /** The stages [from, to) with one reusable output object and one stats object per stage. */
    private static final class Chain {
        final Stage[] stages;
        final StageStats[] stats;
        final Out[] outs;
        final boolean keepRejects;
        List<Document> sinkList;
        IntList sinkOrigins;
        int origin;
        List<Reject> rejects = new ArrayList<>();
        IntList rejectOrigins = new IntList();

        Chain(List<Stage> all, int from, int to, boolean keepRejects) {
            int n = to - from;
            this.stages = all.subList(from, to).toArray(new Stage[0]);
            this.stats = new StageStats[n];
            this.outs = new Out[n];
            this.keepRejects = keepRejects;
            for (int i = 0; i < n; i++) {
                stats[i] = new StageStats(stages[i].name());
                outs[i] = new Out(this, i);
            }
        }

        void runUnit(Unit u) {
            u.outOrigins = new IntList();
            u.out = runDocs(u.docs, null, u.outOrigins);
            u.rejects = takeRejects();
            u.rejectOrigins = takeRejectOrigins();
        }

        /** Runs docs through the chain; origins[i] (or i when null) is the input index of docs[i]. */
        List<Document> runDocs(List<Document> docs, IntList origins) {
            return runDocs(docs, origins, null);
        }

        private List<Document> runDocs(List<Document> docs, IntList origins, IntList outOrigins) {
            List<Document> out = new ArrayList<>(docs.size());
            sinkList = out;
            sinkOrigins = outOrigins;
            for (int i = 0; i < docs.size(); i++) {
                origin = origins == null ? i : origins.get(i);
                push(docs.get(i), 0);
            }
            sinkList = null;
            sinkOrigins = null;
            return out;
        }

        List<Reject> takeRejects() {
            if (rejects.isEmpty()) {
                return List.of();
            }
            List<Reject> r = rejects;
            rejects = new ArrayList<>();
            return r;
        }

        IntList takeRejectOrigins() {
            IntList r = rejectOrigins;
            rejectOrigins = new IntList();
            return r;
        }

        void reject(Reject r) {
            rejects.add(r);
            rejectOrigins.add(origin);
        }

        /** Runs stage i on doc (and recursively what it emits); returns the nanoseconds spent, inclusive. */
        long push(Document doc, int i) {
            if (i == stages.length) {
                sinkList.add(doc);
                if (sinkOrigins != null) {
                    sinkOrigins.add(origin);
                }
                return 0;
            }
            StageStats s = stats[i];
            s.docsIn++;
            s.charsIn += doc.text().length();
            Out o = outs[i];
            Document saved = o.current;
            int savedResults = o.results;
            long savedChild = o.childNanos;
            o.current = doc;
            o.results = 0;
            o.childNanos = 0;
            long t0 = System.nanoTime();
            try {
                stages[i].process(doc, o);
            } catch (RuntimeException e) {
                if (o.results == 0) {
                    o.results = 1;
                    String reason = "error:" + e.getClass().getSimpleName();
                    s.drop(reason);
                    if (keepRejects) {
                        reject(new Reject(doc, s.name(), reason, Double.NaN));
                    }
                    System.err.println("WARN stage " + s.name() + " failed on document " + doc.id() + ": " + e);
                } else {
                    throw e;
                }
            }
            long total = System.nanoTime() - t0;
            if (o.results == 0) {
                s.drop("stage_emitted_nothing");
            }
            s.nanos += total - o.childNanos;
            o.current = saved;
            o.results = savedResults;
            o.childNanos = savedChild;
            return total;
        }
    }

    private static final class Out implements StageOutput {
        final Chain chain;
        final int index;
        Document current;
        int results;
        long childNanos;

        Out(Chain chain, int index) {
            this.chain = chain;
            this.index = index;
        }

        @Override
        public void emit(Document doc) {
            results++;
            StageStats s = chain.stats[index];
            s.docsOut++;
            s.charsOut += doc.text().length();
            childNanos += chain.push(doc, index + 1);
        }

        @Override
        public void drop(String reason, double value) {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("stage " + chain.stats[index].name() + " dropped a document without a reason");
            }
            results++;
            chain.stats[index].drop(reason);
            if (chain.keepRejects) {
                chain.reject(new Reject(current, chain.stats[index].name(), reason, value));
            }
        }
    }

    private static final class Counters {
        volatile long docsRead;
        volatile long charsRead;
        volatile long units = Long.MAX_VALUE;
        volatile boolean readerDone;

        synchronized void read(int docs, long chars) {
            docsRead += docs;
            charsRead += chars;
        }

        Progress snapshot(long written, DocumentSource source, long elapsed) {
            return new Progress(docsRead, written, source.bytesRead(), source.totalBytes(), charsRead, elapsed);
        }
    }

    private static final class Failure {
        private volatile Throwable first;

        synchronized void set(Throwable t) {
            if (first == null) {
                first = t;
            }
        }

        Throwable get() {
            return first;
        }
    }
}

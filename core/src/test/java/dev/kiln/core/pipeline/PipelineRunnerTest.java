package dev.kiln.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.core.stage.OrderedStage;
import dev.kiln.core.stage.Splitter;
import dev.kiln.core.stage.StageOutput;
import dev.kiln.core.stage.Transform;
import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PipelineRunnerTest {

    static final List<Document> WEB = SampleCorpus.read("web.jsonl.gz", 1500);

    /** Drops short documents; its decision depends only on the document. */
    record MinChars(String name, int min) implements Filter {
        MinChars(int min) {
            this("min_chars", min);
        }

        public Decision test(Document d) {
            int n = d.codePoints();
            return n >= min ? Decision.keep() : Decision.drop("too_short", n);
        }
    }

    /** Upper-cases the text. */
    record Shout() implements Transform {
        public String name() {
            return "shout";
        }

        public Document apply(Document d) {
            return d.withText(d.text().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * Holds the first input document until a later one has passed, so with two or more workers the first
     * unit always finishes after a later one: the re-ordering is exercised every time, not by chance.
     */
    static final class HoldFirst implements Transform {
        final String firstId = WEB.getFirst().id();
        final CountDownLatch later = new CountDownLatch(1);
        final AtomicBoolean overtaken = new AtomicBoolean();

        public String name() {
            return "hold_first";
        }

        public Document apply(Document d) {
            if (d.id().equals(firstId)) {
                try {
                    overtaken.set(later.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                later.countDown();
            }
            return d;
        }
    }

    /** Splits at blank lines. */
    record Paragraphs() implements Splitter {
        public String name() {
            return "paragraphs";
        }

        public List<Document> split(Document d) {
            List<Document> out = new ArrayList<>();
            String[] parts = d.text().split("\n\n");
            for (int i = 0; i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    out.add(d.withId(d.id() + "#" + i).withText(parts[i]));
                }
            }
            return out;
        }
    }

    /** Keeps the first document with a given text (stateful: must run in order). */
    static final class FirstSeen implements OrderedStage {
        final Set<String> seen = new HashSet<>();

        public String name() {
            return "first_seen";
        }

        public void process(Document d, StageOutput out) {
            if (seen.add(d.text())) {
                out.emit(d);
            } else {
                out.drop("duplicate", Double.NaN);
            }
        }
    }

    static Pipeline pipeline() {
        return Pipeline.of(new MinChars(200), new Shout(), new Paragraphs(), new FirstSeen(), new MinChars("min_chars_after", 20));
    }

    record Out(List<Document> kept, List<PipelineRunner.Reject> rejects, RunStats stats) {
    }

    static Out run(int threads, int batchDocs, Pipeline p) throws IOException {
        List<Document> kept = new ArrayList<>();
        List<PipelineRunner.Reject> rejects = new ArrayList<>();
        RunnerOptions o = new RunnerOptions(threads, batchDocs, 1 << 20, 2, 10);
        RunStats s = new PipelineRunner(o).run(DocumentSource.of(WEB), p, kept::add, rejects::add, Progress.Listener.NONE);
        return new Out(kept, rejects, s);
    }

    static Pipeline pipeline(HoldFirst hold) {
        return Pipeline.of(hold, new MinChars(200), new Shout(), new Paragraphs(), new FirstSeen(), new MinChars("min_chars_after", 20));
    }

    @Test
    void outputIsIdenticalForAnyThreadCountAndBatchSize() throws IOException {
        Out one = run(1, 256, pipeline());
        assertTrue(one.kept().size() > 1000, "sample should keep many paragraphs: " + one.kept().size());
        for (int threads : new int[] {2, 3, 8}) {
            for (int batch : new int[] {1, 7, 256}) {
                HoldFirst hold = new HoldFirst();
                Out many = run(threads, batch, pipeline(hold));
                assertTrue(hold.overtaken.get(), "a later unit finished before the first at threads=" + threads + " batch=" + batch);
                assertEquals(one.kept(), many.kept(), "kept documents differ at threads=" + threads + " batch=" + batch);
                assertEquals(one.rejects(), many.rejects(), "rejects differ at threads=" + threads + " batch=" + batch);
                assertEquals(one.stats().stages().stream().map(StageStats::toMap).map(m -> {
                    m.remove("seconds");
                    return m;
                }).toList(), many.stats().stages().stream().skip(1).map(StageStats::toMap).map(m -> {
                    m.remove("seconds");
                    return m;
                }).toList());
            }
        }
    }

    @Test
    void countsEveryDocumentOnceAndDropsCarryReasonAndValue() throws IOException {
        Out r = run(2, 16, pipeline());
        RunStats s = r.stats();
        assertEquals(WEB.size(), s.docsRead());
        StageStats first = s.stage("min_chars");
        assertEquals(WEB.size(), first.docsIn());
        long shortDocs = WEB.stream().filter(d -> d.codePoints() < 200).count();
        assertEquals(shortDocs, first.dropped().get("too_short"));
        assertEquals(WEB.size() - shortDocs, first.docsOut());
        // every stage's input is the previous stage's output
        for (int i = 1; i < s.stages().size(); i++) {
            assertEquals(s.stages().get(i - 1).docsOut(), s.stages().get(i).docsIn(), s.stages().get(i).name());
        }
        StageStats last = s.stages().getLast();
        assertEquals(last.docsOut(), s.docsWritten());
        assertEquals(r.kept().size(), s.docsWritten());
        long dropped = s.stages().stream().mapToLong(StageStats::droppedTotal).sum();
        assertEquals(dropped, r.rejects().size());
        PipelineRunner.Reject rej = r.rejects().stream().filter(x -> x.stage().equals("min_chars")).findFirst().orElseThrow();
        assertEquals(rej.doc().codePoints(), (int) rej.value());
        assertEquals("too_short", rej.reason());
        Document asDoc = rej.asDocument();
        assertEquals("too_short", asDoc.metadata().get("reason"));
        assertTrue(s.stage("first_seen").dropped().getOrDefault("duplicate", 0L) > 0, "the sample has duplicate paragraphs");
    }

    @Test
    void aStageThatThrowsDropsTheDocumentWithAnErrorReason() throws IOException {
        Filter boom = new Filter() {
            public String name() {
                return "boom";
            }

            public Decision test(Document d) {
                if (d.text().contains("e")) {
                    return Decision.keep();
                }
                throw new IllegalStateException("no e in " + d.id());
            }
        };
        Out r = run(2, 8, Pipeline.of(boom));
        long noE = WEB.stream().filter(d -> !d.text().contains("e")).count();
        assertTrue(noE > 0);
        assertEquals(noE, r.stats().stage("boom").dropped().get("error:IllegalStateException"));
        assertEquals(WEB.size() - noE, r.kept().size());
    }

    @Test
    void sinkFailureStopsTheRunAndPropagates() {
        AtomicInteger n = new AtomicInteger();
        IOException e = assertThrows(IOException.class, () -> new PipelineRunner(new RunnerOptions(2, 4, 1 << 20, 2, 10))
                .run(DocumentSource.of(WEB), Pipeline.of(), d -> {
                    if (n.incrementAndGet() == 100) {
                        throw new IOException("disk full");
                    }
                }, null, Progress.Listener.NONE));
        assertEquals("disk full", e.getMessage());
    }

    @Test
    void sourceFailureStopsTheRunAndPropagates() {
        DocumentSource failing = new DocumentSource() {
            int i;

            public Document next() throws IOException {
                if (i == 500) {
                    throw new IOException("x.jsonl.gz:501: truncated");
                }
                return WEB.get(i++);
            }

            public long bytesRead() {
                return 0;
            }

            public long totalBytes() {
                return -1;
            }

            public void close() {
            }
        };
        IOException e = assertThrows(IOException.class, () -> new PipelineRunner(RunnerOptions.DEFAULT.withThreads(2))
                .run(failing, Pipeline.of(new Shout()), DocumentSink.DISCARD, null, Progress.Listener.NONE));
        assertTrue(e.getMessage().contains("truncated"));
    }

    @Test
    void backPressureBoundsUnitsInFlight() throws IOException {
        // a slow sink must stall the reader: at most threads*inFlight units may be read ahead
        AtomicInteger maxAhead = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        DocumentSource counting = new DocumentSource() {
            int i;

            public Document next() {
                if (i >= WEB.size()) {
                    return null;
                }
                maxAhead.accumulateAndGet(i - written.get(), Math::max);
                return WEB.get(i++);
            }

            public long bytesRead() {
                return i;
            }

            public long totalBytes() {
                return WEB.size();
            }

            public void close() {
            }
        };
        RunnerOptions o = new RunnerOptions(2, 10, 1 << 20, 2, 10);
        new PipelineRunner(o).run(counting, Pipeline.of(), d -> written.incrementAndGet(), null, Progress.Listener.NONE);
        // 2 threads * 2 units * 10 docs in flight, plus the unit being filled and the one being written
        assertTrue(maxAhead.get() <= 2 * 2 * 10 + 2 * 10, "read ahead " + maxAhead.get());
        assertEquals(WEB.size(), written.get());
    }

    @Test
    void progressIsReportedAndFinishCalledOnce() throws IOException {
        List<Progress> finals = new ArrayList<>();
        new PipelineRunner(new RunnerOptions(2, 8, 1 << 20, 2, 1)).run(DocumentSource.of(WEB), Pipeline.of(new Shout()),
                DocumentSink.DISCARD, null, new Progress.Listener() {
                    public void onProgress(Progress p) {
                        assertTrue(p.docsRead() <= WEB.size());
                    }

                    public void onFinish(Progress p) {
                        finals.add(p);
                    }
                });
        assertEquals(1, finals.size());
        assertEquals(WEB.size(), finals.getFirst().docsRead());
        assertEquals(WEB.size(), finals.getFirst().docsWritten());
    }

    @Test
    void statsSerializeWithDropReasons() throws IOException {
        Map<String, Object> m = run(1, 64, pipeline()).stats().toMap();
        assertEquals((long) WEB.size(), m.get("docs_read"));
        assertTrue(m.toString().contains("too_short"));
        assertTrue(run(1, 64, pipeline()).stats().summaryTable().contains("min_chars"));
    }

    @Test
    void duplicateStageNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Pipeline.of(new Shout(), new Shout()));
    }
}

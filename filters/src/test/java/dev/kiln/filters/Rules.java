package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test helper: runs one registered stage (built by name, as config does) on a text, both through
 * {@link StageChain} and through the production {@link PipelineRunner} (workers, ordering, counting), and
 * fails unless the two agree on what was kept, the drop reason and the measured value.
 */
final class Rules {

    static final StageRegistry REGISTRY = StageRegistry.load();
    static final String PROSE = Samples.resource("text/prose.txt");
    static final String PROSE2 = Samples.resource("text/prose2.txt");

    private Rules() {
    }

    static StageChain.Result run(String stage, String text) {
        return run(stage, Map.of(), text);
    }

    static StageChain.Result run(String stage, Map<String, ?> params, String text) {
        Document doc = Document.of("t", text, "test");
        StageChain.Result chain = new StageChain(List.of(REGISTRY.create(stage, params))).run(doc);
        Stage st = REGISTRY.create(stage, params); // a fresh instance: ordered stages remember what they saw
        List<Document> kept = new ArrayList<>();
        List<PipelineRunner.Reject> rejects = new ArrayList<>();
        RunStats stats;
        try {
            stats = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(2)).run(DocumentSource.of(List.of(doc)), Pipeline.of(st),
                    kept::add, rejects::add, Progress.Listener.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(chain.kept().stream().map(Document::text).toList(), kept.stream().map(Document::text).toList(),
                stage + ": the runner keeps what the chain keeps");
        if (chain.dropped()) {
            assertEquals(1, rejects.size(), stage + ": one reject");
            assertEquals(chain.reason(), rejects.getFirst().reason(), stage + ": same reason in the runner");
            assertEquals(chain.value(), rejects.getFirst().value(), 0.0, stage + ": same measured value in the runner");
            assertEquals(1L, stats.stage(st.name()).dropped().get(chain.reason()), stage + ": the runner counts the drop");
        }
        return chain;
    }

    /** "keep" or the reason code. */
    static String decide(String stage, String text) {
        return run(stage, text).decision();
    }

    static String decide(String stage, Map<String, ?> params, String text) {
        return run(stage, params, text).decision();
    }

    /** The text after a transform or cleaner. */
    static String text(String stage, String text) {
        return run(stage, text).kept().getFirst().text();
    }

    static String repeat(String s, int n) {
        return s.repeat(n);
    }
}

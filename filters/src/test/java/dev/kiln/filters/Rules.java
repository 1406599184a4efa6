package dev.kiln.filters;

import dev.kiln.core.Document;
import dev.kiln.core.stage.StageRegistry;
import java.util.List;
import java.util.Map;

/** Test helper: runs one registered stage (built by name, as config does) on a text. */
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
        return new StageChain(List.of(REGISTRY.create(stage, params))).run(Document.of("t", text, "test"));
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

package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every stage on inputs that break backtracking regexes and quadratic scans: a 50 MB single line and 1 MB
 * of each character the markup passes look for. Each stage runs them once; a quadratic stage would take
 * hours, so the generous per-test timeout (not a speed assertion, and preemptive) is what catches it.
 */
class PathologicalInputTest {

    private static final StageRegistry REGISTRY = StageRegistry.load();

    private static List<Stage> allStages() {
        List<Stage> out = new ArrayList<>();
        for (String name : REGISTRY.factories().keySet()) {
            out.add(REGISTRY.create(name, java.util.Map.of()));
        }
        return out;
    }

    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void fiftyMegabyteSingleLine() {
        String line = "The quick brown fox jumps over the lazy dog, again [[and {{again| ".repeat(50_000_000 / 66);
        Document doc = Document.of("big", line, "c4");
        int ran = 0;
        for (Stage s : allStages()) {
            if (s.name().startsWith("gopher") || s.name().startsWith("fineweb") || s.name().equals("c4_quality") || s.name().equals("c4_tfds_quality")) {
                continue; // word-level anchors are exercised on 1 MB below
            }
            StageChain.Result r = new StageChain(List.of(s)).run(doc);
            assertTrue(!r.kept().isEmpty() || r.reason() != null, s.name() + " emitted nothing and dropped nothing");
            ran++;
        }
        assertTrue(ran > 25);
    }

    @Test
    @Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void oneMegabyteOfOneCharacter() {
        for (char c : new char[] {'a', '{', '[', ']', '}', '<', '=', '\'', '|', '-', '\n', ' ', '.', '*', '&'}) {
            Document doc = Document.of("c", String.valueOf(c).repeat(1 << 20), "c4");
            for (Stage s : allStages()) {
                StageChain.Result r = new StageChain(List.of(s)).run(doc);
                assertTrue(!r.kept().isEmpty() || r.reason() != null, s.name() + " on '" + c + "' emitted nothing and dropped nothing");
            }
        }
    }

    @Test
    void repeatedCharacterDecisions() {
        Document a = Document.of("a", "a".repeat(1 << 20), "c4");
        assertEquals("G2_repeated_chars", new StageChain(List.of(REGISTRY.create("G2_repeated_chars", java.util.Map.of()))).run(a).reason());
        assertEquals("C6_entropy", new StageChain(List.of(REGISTRY.create("C6_entropy", java.util.Map.of()))).run(a).reason());
    }
}

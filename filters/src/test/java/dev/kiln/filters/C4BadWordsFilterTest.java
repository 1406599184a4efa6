package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.StageRegistry;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.filters.quality.C4BadWordsFilter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class C4BadWordsFilterTest {

    static final C4BadWordsFilter FILTER = new C4BadWordsFilter(0, 0);

    @Test
    void dropsRealPagesWithAListedWordAndKeepsCleanProse() {
        List<Document> web = SampleCorpus.read("web.jsonl.gz", 1500);
        // the TFDS rule, written as TFDS writes it, decides independently which sample pages must go
        String alternation = String.join("|", C4BadWordsFilter.words().stream().map(Pattern::quote).toList());
        Pattern tfds = Pattern.compile("(?:\\W|^)(" + alternation + ")(?:\\W|$)", Pattern.UNICODE_CHARACTER_CLASS);
        int dropped = 0;
        for (Document d : web) {
            boolean expectDrop = tfds.matcher(d.text().toLowerCase(Locale.ROOT)).find();
            Decision got = FILTER.test(d);
            assertEquals(expectDrop, got instanceof Decision.Drop, d.id() + ": " + got);
            if (got instanceof Decision.Drop drop) {
                assertEquals(C4BadWordsFilter.REASON, drop.reason());
                assertTrue(drop.value() >= 1);
                dropped++;
            }
        }
        assertTrue(dropped > 5 && dropped < 1500 / 2, "the web sample has some offensive pages: " + dropped);
    }

    @Test
    void matchesWholeWordsOnlyAndIgnoresCase() {
        assertInstanceOf(Decision.Keep.class, FILTER.test(Document.of("a", "The class assessment was passed by the assistant.", "c4")));
        assertInstanceOf(Decision.Drop.class, FILTER.test(Document.of("b", "What an ASSHOLE move.", "c4")));
    }

    @Test
    void keepFractionKeepsAStableShare() {
        C4BadWordsFilter all = new C4BadWordsFilter(1, 0);
        assertInstanceOf(Decision.Keep.class, all.test(Document.of("b", "What an asshole move.", "c4")));
        C4BadWordsFilter half = new C4BadWordsFilter(0.5, 7);
        int kept = 0;
        for (int i = 0; i < 1000; i++) {
            Document d = Document.of("doc-" + i, "What an asshole move.", "c4");
            boolean k = half.test(d) instanceof Decision.Keep;
            assertEquals(k, half.test(d) instanceof Decision.Keep, "stable per document");
            kept += k ? 1 : 0;
        }
        assertTrue(kept > 400 && kept < 600, "about half kept: " + kept);
        assertThrows(ConfigException.class, () -> new C4BadWordsFilter(1.5, 0));
    }

    @Test
    void isBuildableByNameAndInTheC4Profiles() {
        assertEquals(C4BadWordsFilter.NAME, StageRegistry.load().create("c4_badwords", Map.of("keep_fraction", 0.1)).name());
        assertTrue(Profiles.builtIn("c4", SourceKind.C4).stages().stream().anyMatch(s -> s.name().equals("c4_badwords")));
        assertTrue(Profiles.builtIn("c4_tfds", SourceKind.C4).stages().stream().anyMatch(s -> s.name().equals("c4_badwords")));
    }
}

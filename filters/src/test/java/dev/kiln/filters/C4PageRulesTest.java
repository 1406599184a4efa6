package dev.kiln.filters;

import static dev.kiln.filters.Rules.PROSE;
import static dev.kiln.filters.Rules.PROSE2;
import static dev.kiln.filters.Rules.decide;
import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.filters.quality.C4LangDetectFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * C4's two page rules outside {@code clean_page}: {@code c4_max_chars} (TFDS {@code is_valid_length}) and
 * {@code c4_langdetect} (TFDS {@code is_language}), on real English and non-English text: the UDHR
 * preambles in {@code langdetect/udhr-preambles.tsv} and the sample corpus's web pages (sources and
 * licences in the resources README and sample/README.md).
 */
class C4PageRulesTest {

    /** The UDHR preamble per langdetect language code, in file order. */
    private static final Map<String, String> UDHR = udhr();

    private static Map<String, String> udhr() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Samples.resource("langdetect/udhr-preambles.tsv").split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t");
                out.put(f[0], f[2]);
            }
        }
        return out;
    }

    // ---- c4_max_chars

    @Test
    void maxCharsCountsCodePointsLikePythonLen() {
        String a = "a".repeat(190_000);
        assertEquals("keep", decide("c4_max_chars", a));
        StageChain.Result over = run("c4_max_chars", a + "b");
        assertEquals("c4_max_chars", over.reason());
        assertEquals(190_001, over.value());

        // 100,000 astral emoji (2 UTF-16 chars each) + 90,000 'a': Python len() == 190,000, Java length() == 290,000
        String astral = "\uD83D\uDE00".repeat(100_000) + "a".repeat(90_000);
        assertEquals(290_000, astral.length());
        assertEquals("keep", decide("c4_max_chars", astral));
        StageChain.Result astralOver = run("c4_max_chars", astral + "\uD83D\uDE00");
        assertEquals("c4_max_chars", astralOver.reason());
        assertEquals(190_001, astralOver.value());

        assertEquals("keep", decide("c4_max_chars", Map.of("max_chars", 10), "0123456789"));
        assertEquals("c4_max_chars", decide("c4_max_chars", Map.of("max_chars", 10), "0123456789\uD83D\uDE00"));
        assertEquals("keep", decide("c4_max_chars", ""));
    }

    @Test
    void maxCharsValidation() {
        ConfigException e = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("c4_max_chars", Map.of("max_chars", -1)));
        assertEquals("c4_max_chars.max_chars must be in [0, 2147483647]: -1", e.getMessage());
    }

    // ---- c4_langdetect

    @Test
    void englishKeptOtherLanguagesDroppedWithLanguageAndProbability() {
        assertEquals(List.of("en", "fr", "de", "es", "ru", "it", "nl", "pl", "pt", "zh-cn", "ja"), List.copyOf(UDHR.keySet()));
        for (Map.Entry<String, String> e : UDHR.entrySet()) {
            StageChain.Result r = run("c4_langdetect", e.getValue());
            if (e.getKey().equals("en")) {
                assertFalse(r.dropped(), "English preamble dropped: " + r.reason());
            } else {
                assertEquals("c4_langdetect_lang_" + e.getKey().replace('-', '_'), r.reason());
                assertTrue(r.value() >= 0.99 && r.value() <= 1, e.getKey() + ": " + r.value());
            }
        }
        assertEquals("keep", decide("c4_langdetect", PROSE));
        assertEquals("keep", decide("c4_langdetect", PROSE2));
    }

    @Test
    void realWebPages() {
        Map<String, Document> web = new LinkedHashMap<>();
        for (Document d : SampleCorpus.read("web.jsonl.gz", 1500)) {
            web.put(d.id(), d);
        }
        // Debian Administrator's Handbook translations, a German spam mail, Serbian (Latin script) news
        Map<String, String> expected = Map.of("web.jsonl.gz:41", "c4_langdetect_lang_it", "web.jsonl.gz:517", "c4_langdetect_lang_ru",
                "web.jsonl.gz:527", "c4_langdetect_lang_es", "web.jsonl.gz:884", "c4_langdetect_lang_de",
                "web.jsonl.gz:1439", "c4_langdetect_lang_ja", "web.jsonl.gz:1162", "c4_langdetect_lang_hr",
                "web.jsonl.gz:665", "c4_langdetect_no_features");
        Stage s = Rules.REGISTRY.create("c4_langdetect", Map.of());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), new StageChain(List.of(s)).run(web.get(e.getKey())).decision(), e.getKey());
        }
        // most of the sample is English; the rest is other languages, lorem ipsum, junk and short fragments
        long kept = web.values().stream().filter(d -> !new StageChain(List.of(s)).run(d).dropped()).count();
        assertTrue(kept > 1300 && kept < 1500, "kept " + kept);
    }

    @Test
    void lowConfidenceAndParameters() {
        StageChain.Result r = run("c4_langdetect", "Improper Bostonian??"); // a real sample line (web.jsonl.gz:690)
        assertTrue(r.reason().startsWith("c4_langdetect_low_prob_"), r.reason());
        assertTrue(r.value() < 0.99, "" + r.value());
        assertEquals("keep", decide("c4_langdetect", Map.of("min_probability", 0.0), "Improper Bostonian, and proud of it."));

        assertEquals("keep", decide("c4_langdetect", Map.of("language", "fr"), UDHR.get("fr")));
        assertEquals("c4_langdetect_lang_en", decide("c4_langdetect", Map.of("language", "fr"), UDHR.get("en")));
        assertEquals("c4_langdetect_no_features", decide("c4_langdetect", "1234 5678 ---- |||| !!!"));
        assertEquals("c4_langdetect_no_features", decide("c4_langdetect", ""));
    }

    @Test
    void langdetectValidation() {
        ConfigException p = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("c4_langdetect", Map.of("min_probability", 1.5)));
        assertEquals("c4_langdetect.min_probability must be in [0, 1]: 1.5", p.getMessage());
        ConfigException l = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("c4_langdetect", Map.of("language", "english")));
        assertTrue(l.getMessage().startsWith("c4_langdetect.language must be one of [af, ar, bg,"), l.getMessage());
        assertTrue(l.getMessage().endsWith("zh-cn, zh-tw]: english"), l.getMessage());
        ConfigException u = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("c4_langdetect", Map.of("seed", 1)));
        assertEquals("Unknown parameters for stage 'c4_langdetect': [seed]", u.getMessage());
        ConfigException c = assertThrows(ConfigException.class, () -> new C4LangDetectFilter("xx", 0.99));
        assertTrue(c.getMessage().endsWith(": 'xx'"), c.getMessage());
        assertThrows(ConfigException.class, () -> new C4LangDetectFilter("en", Double.NaN));
        assertEquals(53, C4LangDetectFilter.languages().size());
    }

    @Test
    void sameDecisionEveryCall() {
        C4LangDetectFilter f = new C4LangDetectFilter("en", 0.99);
        for (String text : List.of(UDHR.get("fr"), "Improper Bostonian??", PROSE)) {
            Document d = Document.of("d", text, "c4");
            Decision first = f.test(d);
            for (int i = 0; i < 5; i++) {
                assertEquals(first, f.test(d)); // records: equal reason and bit-equal probability
            }
        }
    }

    @Test
    void deterministicAcrossThreadCounts() throws IOException {
        List<Document> docs = SampleCorpus.read("web.jsonl.gz", 600);
        List<String> one = runAll(docs, 1);
        List<String> four = runAll(docs, 4);
        assertEquals(600, one.size());
        assertEquals(one, four);
        assertTrue(one.stream().anyMatch(s -> s.contains("c4_langdetect_lang_")), "some pages are not English");
    }

    /** Every document's outcome through the parallel runner, in input order: "id keep" or "id reason value". */
    private static List<String> runAll(List<Document> docs, int threads) throws IOException {
        Pipeline p = Pipeline.of(Rules.REGISTRY.create("c4_langdetect", Map.of()));
        List<String> out = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        RunStats stats = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(threads)).run(DocumentSource.of(docs), p,
                d -> kept.add(d.id()), r -> dropped.add(r.doc().id() + " " + r.reason() + " " + Double.doubleToLongBits(r.value())),
                Progress.Listener.NONE);
        assertEquals(docs.size(), stats.docsRead());
        out.addAll(kept.stream().map(id -> id + " keep").toList());
        out.addAll(dropped);
        return out;
    }

    // ---- profiles

    @Test
    void c4ProfilesApplyBothRulesInTfdsOrder() {
        for (String profile : List.of("c4", "c4_tfds")) {
            List<String> names = Profiles.builtIn(profile, SourceKind.C4).stages().stream().map(StageSpec::name).toList();
            String quality = profile.equals("c4") ? "c4_quality" : "c4_tfds_quality";
            assertEquals(List.of("c4_max_chars", quality, "c4_badwords", "c4_langdetect"), names);
        }
        List<String> wiki = Profiles.builtIn("c4", SourceKind.WIKIPEDIA).stages().stream().map(StageSpec::name).toList();
        assertEquals(List.of("wikitext_clean", "c4_max_chars", "c4_quality", "c4_badwords", "c4_langdetect"), wiki);
    }
}

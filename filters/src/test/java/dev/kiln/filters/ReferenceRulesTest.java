package dev.kiln.filters;

import static dev.kiln.filters.Rules.PROSE;
import static dev.kiln.filters.Rules.decide;
import static dev.kiln.filters.Rules.run;
import static dev.kiln.filters.Rules.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every reference rule on real text: one document it keeps, one it drops, with the exact reason and value. */
class ReferenceRulesTest {

    @Test
    void g0Length() {
        assertEquals("keep", decide("G0_length", PROSE));
        StageChain.Result r = run("G0_length", PROSE.substring(0, 200));
        assertEquals("G0_length", r.reason());
        assertEquals(200, r.value());
        assertEquals("G0_length", decide("G0_length", PROSE.repeat(30)));
    }

    @Test
    void g1AndC1AlphaRatio() {
        assertEquals("keep", decide("G1_alpha_ratio", PROSE));
        assertEquals("keep", decide("C1_alpha_ratio", PROSE));
        String numeric = PROSE + " 1999-2001: 42, 17, 3.5%".repeat(60);
        assertEquals("G1_alpha_ratio", decide("G1_alpha_ratio", numeric));
        assertEquals("C1_alpha_ratio", decide("C1_alpha_ratio", numeric));
        // 'é' and CJK are letters (isalpha), counted per code point
        assertEquals("keep", decide("G1_alpha_ratio", "Café crème brûlée 𠀋𠀋 ".repeat(20)));
    }

    @Test
    void g2RepeatedCharsFiresOnAnyCharacterExceptNewline() {
        assertEquals("keep", decide("G2_repeated_chars", PROSE));
        StageChain.Result r = run("G2_repeated_chars", PROSE + " The population passed 1000000 in 1990.");
        assertEquals("G2_repeated_chars", r.reason());
        assertEquals(6, r.value());
        assertEquals("G2_repeated_chars", decide("G2_repeated_chars", PROSE + " Wait......"));
        assertEquals("keep", decide("G2_repeated_chars", PROSE + "\n\n\n\n\n\n\n\nEnd."));
        assertEquals("keep", decide("G2_repeated_chars", Map.of("max_repeated_chars", 0), PROSE + "!!!!!!!!"));
    }

    @Test
    void g3AsciiWeirdSymbolsCountsEveryNonAsciiCharacter() {
        assertEquals("keep", decide("G3_weird_symbols", PROSE));
        String curly = PROSE.replace("'", "\u2019").replace(". ", ".\u00A0");
        StageChain.Result r = run("G3_weird_symbols", curly);
        assertEquals("G3_weird_symbols", r.reason());
        assertTrue(r.value() > 0.01);
    }

    @Test
    void g4LineStructure() {
        assertEquals("keep", decide("G4_line_structure", PROSE));
        String shortLines = PROSE + "\nHome\nNews\nSport\nWeather\nContact us\n".repeat(10);
        assertEquals("G4_line_structure", decide("G4_line_structure", shortLines));
        String caps = PROSE.toUpperCase(java.util.Locale.ROOT);
        StageChain.Result r = run("G4_line_structure", caps);
        assertEquals("G4_line_structure", r.reason());
        assertEquals(1.0, r.value());
        assertEquals("keep", decide("G4_line_structure", "   \n\n  "));
    }

    @Test
    void g5BoilerplateIsCaseInsensitiveSubstring() {
        assertEquals("keep", decide("G5_boilerplate", PROSE));
        assertEquals("G5_boilerplate", decide("G5_boilerplate", PROSE + "\nWe Use Cookies to improve your experience."));
        assertEquals("G5_boilerplate", decide("G5_boilerplate", PROSE + " see our privacy policyholders"));
    }

    @Test
    void c2PunctSpam() {
        assertEquals("keep", decide("C2_punct_spam", PROSE));
        StageChain.Result r = run("C2_punct_spam", PROSE + "\n----\n");
        assertEquals("C2_punct_spam", r.reason());
        assertEquals(4, r.value());
        assertEquals("keep", decide("C2_punct_spam", PROSE + " '''''"));
        assertEquals("C2_punct_spam", decide("C2_punct_spam", PROSE + " ''''''"));
        assertEquals("C2_punct_spam", decide("C2_punct_spam", "a.b,c;d:e-f/g|h=i_j\\k\"l'm ".repeat(40)));
    }

    @Test
    void c3WebJunkCountsDistinctSubstrings() {
        assertEquals("keep", decide("C3_web_junk", PROSE + " Free shipping on all orders."));
        StageChain.Result r = run("C3_web_junk", PROSE + " The worshipping crowd filed past the checkout.");
        assertEquals("C3_web_junk", r.reason());
        assertEquals(2, r.value());
    }

    @Test
    void c4NavPatterns() {
        assertEquals("keep", decide("C4_nav_patterns", PROSE));
        String nav = PROSE + " After homework, read about the contract in terms of the FAQ.";
        assertEquals("C4_nav_patterns", decide("C4_nav_patterns", nav));
        StageChain.Result pipes = run("C4_nav_patterns", PROSE + " a | b | c".repeat(20));
        assertEquals("C4_nav_patterns", pipes.reason());
        assertTrue(pipes.value() > 0.005);
    }

    @Test
    void c5RejectsSingleParagraphDocuments() {
        assertEquals("keep", decide("C5_paragraph_quality", PROSE));
        String oneLine = PROSE.replace('\n', ' ');
        StageChain.Result r = run("C5_paragraph_quality", oneLine);
        assertEquals("C5_paragraph_quality", r.reason());
        assertEquals(1, r.value());
        assertEquals("keep", decide("C5_paragraph_quality", Map.of("min_paragraphs", 1, "min_avg_len", 100), oneLine));
        assertEquals("C5_paragraph_quality", decide("C5_paragraph_quality", "short\nlines\nonly"));
    }

    @Test
    void c6Entropy() {
        StageChain.Result keep = run("C6_entropy", PROSE);
        assertEquals("keep", keep.decision());
        StageChain.Result low = run("C6_entropy", "ha ".repeat(200));
        assertEquals("C6_entropy", low.reason());
        assertEquals(1.585, low.value(), 1e-3);
        StringBuilder cjk = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            cjk.appendCodePoint(0x4E00 + (i * 37) % 500);
        }
        assertEquals("C6_entropy", decide("C6_entropy", cjk.toString()));
    }

    @Test
    void w0DropsSectionsWhoseHeadingContainsAName() {
        String page = "Intro line.\n== History ==\nOld.\n== Footnotes ==\n1. a note\n== Water sources ==\nRivers.\n== Geography ==\nHills.";
        assertEquals("Intro line.\n== History ==\nOld.\n== Geography ==\nHills.", text("W0_strip_wiki_sections", page));
    }

    @Test
    void w3StripsMarkupTheReferenceWay() {
        String wiki = "{{Infobox|a=1}}'''Algeria''' is in [[Africa]] near [[Tunisia|its neighbour]].{{citation needed}}\n\n\n\nSee [note 1].";
        assertEquals("'''Algeria''' is in Africa near its neighbour.\n\nSee note 1.", text("W3_strip_wiki_markup", wiki));
        // a nested template leaves its tail behind, as the reference's regex does
        assertEquals("}} text", text("W3_strip_wiki_markup", "{{a|{{b}}}} text"));
    }

    @Test
    void w1ListHeavy() {
        assertEquals("keep", decide("W1_list_heavy", PROSE));
        String list = "Languages:\n* English\n* French\n- German\n1. Arabic\n2) Hindi\na. Urdu\n• Swahili";
        StageChain.Result r = run("W1_list_heavy", list);
        assertEquals("W1_list_heavy", r.reason());
        assertEquals(7.0 / 8, r.value(), 1e-9);
    }

    @Test
    void w2NeedsOneParagraphWithTwoSentences() {
        assertEquals("keep", decide("W2_short_paragraphs", PROSE));
        assertEquals("W2_short_paragraphs", decide("W2_short_paragraphs", "One sentence.\n\nAnother one!\n \nA third?"));
        assertEquals("keep", decide("W2_short_paragraphs", "Short.\n\nTwo here. And here?!"));
    }

    @Test
    void gut0CutsModernMarkers() {
        String book = "Header\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\nBody line.\nMore.\n*** END OF THE PROJECT GUTENBERG EBOOK X ***\nLicense";
        assertEquals("Body line.\nMore.", text("GUT0_strip_gutenberg_boilerplate", book));
        String old = "**Etext**\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*END*\n\nCHAPTER I\nText.";
        assertEquals("CHAPTER I\nText.", text("GUT0_strip_gutenberg_boilerplate", old));
    }

    @Test
    void gut1StripsTableOfContents() {
        String book = "Title\nCONTENTS\nCHAPTER I. The Start. 1\nII\n\nIt was a dark night and the wind blew.\nMore.";
        assertEquals("Title\nIt was a dark night and the wind blew.\nMore.", text("GUT1_strip_toc", book));
    }

    @Test
    void gut3UnwrapsAndBreaksOnCapitals() {
        String wrapped = "It was the best of times, it was the worst\nof times, it was the age of wis-\ndom. I said\nIt was.";
        assertEquals("It was the best of times, it was the worst of times, it was the age of wisdom. I said\nIt was.",
                text("GUT3_normalize_gutenberg", wrapped));
    }

    @Test
    void gut2PoetryHeavy() {
        assertEquals("keep", decide("GUT2_poetry_heavy", PROSE));
        String verse = "He zedjagged so uncomen wyde\nThet non coude pas on eyder syde;\nSo, to com saufly thruh, I been\nConstreynet for to doodge betwene.";
        assertEquals("GUT2_poetry_heavy", decide("GUT2_poetry_heavy", verse));
    }

    @Test
    void thresholdsAreValidatedWithKeyAndRange() {
        ConfigException e = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("G3_weird_symbols", Map.of("max_weird_ratio", 1.5)));
        assertEquals("G3_weird_symbols.max_weird_ratio must be in [0, 1]: 1.5", e.getMessage());
        ConfigException u = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("C6_entropy", Map.of("min_entropie", 3)));
        assertTrue(u.getMessage().contains("Unknown parameters") && u.getMessage().contains("min_entropie"), u.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new dev.kiln.filters.reference.EntropyFilter(5, 4));
    }

    @Test
    void everyRegisteredStageBuildsWithDefaults() {
        assertFalse(Rules.REGISTRY.factories().isEmpty());
        for (String name : Rules.REGISTRY.factories().keySet()) {
            assertEquals(name, Rules.REGISTRY.create(name, Map.of()).name(), name);
        }
        assertTrue(Rules.REGISTRY.factories().keySet().containsAll(java.util.List.of("G0_length", "C6_entropy",
                "W1_list_heavy", "GUT2_poetry_heavy", "gopher_quality", "fineweb_quality", "chunk", "wikitext_clean")));
    }
}

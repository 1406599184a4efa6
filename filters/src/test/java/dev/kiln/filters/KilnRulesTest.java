package dev.kiln.filters;

import static dev.kiln.filters.Rules.PROSE;
import static dev.kiln.filters.Rules.decide;
import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kiln's fixes of the reference's defects (reference-pipeline.md section 13), each next to the reference rule it replaces. */
class KilnRulesTest {

    @Test
    void weirdSymbolsIsUnicodeAware() {
        String french = "Le cœur a ses raisons que la raison ne connaît point. « C’est l’été », dit‑elle — 25 °C, 3 £.\n";
        assertEquals("G3_weird_symbols", decide("G3_weird_symbols", french.repeat(5)));
        assertEquals("keep", decide("weird_symbols", french.repeat(5)));
        assertEquals("keep", decide("weird_symbols", "日本語の文章は普通の文字です。".repeat(10)));
        StageChain.Result broken = run("weird_symbols", PROSE + "\uFFFD\u0001\uE000".repeat(20));
        assertEquals("weird_symbols", broken.reason());
        assertTrue(broken.value() > 0.01);
    }

    @Test
    void charRunIgnoresDigitsWhitespaceAndEllipses() {
        String text = PROSE + " It sold 1000000 copies...... and then    some…………";
        assertEquals("G2_repeated_chars", decide("G2_repeated_chars", text));
        assertEquals("keep", decide("char_run", text));
        StageChain.Result r = run("char_run", PROSE + " Wow!!!!!!!!!!");
        assertEquals("char_run", r.reason());
        assertEquals(8, r.value());
    }

    @Test
    void keywordsMatchWholeWords() {
        String text = PROSE + " The worshipping crowd read about the homework in terms of the FAQ at the checkout.";
        assertEquals("C3_web_junk", decide("C3_web_junk", text));
        assertEquals("keep", decide("web_junk", text));
        assertEquals("C4_nav_patterns", decide("C4_nav_patterns", text));
        assertEquals("keep", decide("C4_nav_patterns", Map.of("match", "words"), text));
        assertEquals("web_junk", decide("web_junk", PROSE + " Add to\ncart now, FREE  SHIPPING!"));
        assertEquals("boilerplate", decide("boilerplate", PROSE + " We\u00A0use cookies."));
        assertEquals("keep", decide("boilerplate", PROSE + " Our privacy-policyholders"));
    }

    @Test
    void singleLongParagraphPasses() {
        String oneLine = PROSE.replace('\n', ' ');
        assertEquals("C5_paragraph_quality", decide("C5_paragraph_quality", oneLine));
        assertEquals("keep", decide("paragraph_quality", oneLine));
        assertEquals("paragraph_quality", decide("paragraph_quality", "Too short.\nReally."));
    }

    @Test
    void headingsAreExemptFromShortLines() {
        String article = "Algeria\n\n" + String.join("\n\n", List.of(
                "History", PROSE.substring(0, 600).replace('\n', ' '),
                "Geography", PROSE.substring(600, 1200).replace('\n', ' '),
                "Economy", PROSE.substring(1200, 1800).replace('\n', ' ')));
        assertEquals("G4_line_structure", decide("G4_line_structure", article));
        assertEquals("keep", decide("line_structure", article));
        String menu = PROSE + "\nHome\nNews\nSport\nWeather\nContact us\n".repeat(10);
        assertEquals("line_structure", decide("line_structure", menu));
    }

    @Test
    void longFormSourcesAreChunkedBeforeLengthLimits() throws Exception {
        String book = "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n" + (PROSE + "\n\n").repeat(40)
                + "*** END OF THE PROJECT GUTENBERG EBOOK X ***\n";
        Document doc = Document.of("book", book, "gutenberg");
        StageChain reference = new StageChain(Profiles.builtIn("reference", SourceKind.GUTENBERG).build(Rules.REGISTRY));
        assertEquals("G0_length", reference.run(doc).decision());
        StageChain kiln = new StageChain(Profiles.builtIn("kiln", SourceKind.GUTENBERG).build(Rules.REGISTRY));
        StageChain.Result r = kiln.run(doc);
        assertTrue(r.kept().size() >= 15, "chunks kept: " + r.kept().size());
        for (Document chunk : r.kept()) {
            assertTrue(chunk.codePoints() <= 8000 + 500, "chunk " + chunk.id() + " " + chunk.codePoints());
            assertTrue(chunk.id().startsWith("book#"));
        }
    }
}

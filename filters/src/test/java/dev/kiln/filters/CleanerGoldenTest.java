package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Document;
import dev.kiln.filters.clean.GutenbergCleaner;
import dev.kiln.filters.clean.WikitextCleaner;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cleaner outputs on real wikitext and real Project Gutenberg books of {@code sample/} against golden files
 * in {@code src/test/resources/clean} (reviewed by hand when written), plus the rules they must always obey.
 */
class CleanerGoldenTest {

    private static final WikitextCleaner WIKI = new WikitextCleaner(WikitextCleaner.DEFAULT_REMOVED, false);
    private static final GutenbergCleaner BOOKS = new GutenbergCleaner(true, true);

    @ParameterizedTest
    @ValueSource(ints = {0, 67, 514})
    void wikitextMatchesGolden(int line) {
        String raw = Samples.jsonl("wiki.jsonl.gz", line + 1).get(line).get("text").asText();
        assertEquals(Samples.resource("clean/wiki-" + line + ".txt"), WIKI.clean(raw));
    }

    @Test
    void wikitextLeavesNoMarkupOnTheWholeSample() {
        Map<Integer, JsonNode> pages = Samples.jsonl("wiki.jsonl.gz", 1200);
        int redirects = 0;
        for (Map.Entry<Integer, JsonNode> e : pages.entrySet()) {
            String raw = e.getValue().get("text").asText();
            if (WikitextCleaner.isRedirect(raw)) {
                redirects++;
                continue;
            }
            String clean = WIKI.clean(raw);
            String where = "line " + e.getKey() + " (" + e.getValue().get("title").asText() + ")";
            for (String markup : List.of("{{", "}}", "[[", "]]", "<ref", "</ref", "{|", "|}", "<!--", "'''", "[http", "__TOC__", "Category:")) {
                assertFalse(clean.contains(markup), where + " still contains " + markup);
            }
            for (String section : List.of("\nReferences\n", "\nExternal links\n", "\nSee also\n")) {
                assertFalse(("\n" + clean + "\n").contains(section), where + " kept section " + section.strip());
            }
        }
        assertTrue(redirects >= 20, "redirects " + redirects);
    }

    @Test
    void wikitextRules() {
        String page = "{{Infobox|name={{lang|fr|Algérie}}}}'''Algeria''' ([[Arabic language|Arabic]]: ''al-Jazā'ir'')"
                + "<ref name=\"a\">{{cite web|url=x}}</ref> is a [[country]]<ref name=a/> in [[Africa]]s north. "
                + "See [http://example.org the site] or [http://example.org]. It had [3] tribes.<!-- hidden -->\n"
                + "{| class=\"wikitable\"\n|-\n| a || b\n|}\n[[File:Map.png|thumb|A [[map]] of it]]\n"
                + "== History ==\n* First item\n# Second item\n== See also ==\n* [[Morocco]]\n=== Sub ===\nStill removed.\n"
                + "== Economy ==\nOil &amp; gas.\n[[Category:Countries]]\n[[fr:Algérie]]";
        assertEquals("Algeria (Arabic: al-Jazā'ir) is a country in Africas north. See the site or. It had [3] tribes.\n\n"
                + "History\n\n- First item\n- Second item\n\nEconomy\n\nOil & gas.", WIKI.clean(page));
    }

    @Test
    void redirectsAreDroppedWithAReason() {
        StageChain.Result r = Rules.run("wikitext_clean", "#REDIRECT [[Acceptable use policy]]");
        assertEquals("redirect", r.reason());
        assertEquals("keep", Rules.decide("wikitext_clean", "'''AUP''' is short for acceptable use policy."));
    }

    @Test
    void titleIsPrependedWhenAsked() {
        Document d = new Document("1", "Body text.", "wikipedia", Map.of("title", "Algeria"));
        StageChain chain = new StageChain(List.of(new WikitextCleaner(WikitextCleaner.DEFAULT_REMOVED, true)));
        assertEquals("Algeria\n\nBody text.", chain.run(d).kept().getFirst().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bierce-devils-dictionary", "kjv-genesis", "scofield-reference-notes"})
    void gutenbergMatchesGolden(String book) {
        String raw = Samples.file(Samples.SAMPLE.resolve("gutenberg").resolve(book + ".txt"));
        String clean = BOOKS.clean(raw);
        assertTrue(clean.startsWith(Samples.resource("clean/" + book + ".head.txt")), book + " head differs");
        assertTrue(clean.endsWith(Samples.resource("clean/" + book + ".tail.txt")), book + " tail differs");
        String upper = clean.toUpperCase(Locale.ROOT);
        for (String marker : List.of("PROJECT GUTENBERG", "SMALL PRINT", "LICENSE NOTES", "\r", "\uFEFF")) {
            assertFalse(upper.contains(marker), book + " still contains " + marker.strip());
        }
    }

    @Test
    void gutenbergMarkerEras() {
        String body = "CHAPTER I\n\nIt was a bright cold day in April, and the clocks were striking thirteen. Winston\n"
                + "Smith, his chin nuzzled into his breast in an effort to escape the vile wind,\nslipped quickly through the doors.\n";
        String expected = "CHAPTER I\n\nIt was a bright cold day in April, and the clocks were striking thirteen. Winston "
                + "Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the doors.";
        List<String> books = List.of(
                "\uFEFFTitle\r\n*** START OF THE PROJECT GUTENBERG EBOOK 1984 ***\r\n" + body.replace("\n", "\r\n")
                        + "*** END OF THE PROJECT GUTENBERG EBOOK 1984 ***\r\nlicense",
                "Title\n*** START OF THIS PROJECT GUTENBERG EBOOK 1984 ***\n" + body
                        + "End of the Project Gutenberg EBook of 1984\n\n*** END OF THIS PROJECT GUTENBERG EBOOK 1984 ***\n",
                "**The Project Gutenberg Etext of 1984**\n*END*THE SMALL PRINT! FOR PUBLIC DOMAIN ETEXTS*Ver.04.29.93*END*\n"
                        + body + "\nEnd of the Project Gutenberg Etext of 1984\n",
                "Title\n*** START OF THE PROJECT GUTENBERG EBOOK 1984 ***\n" + body + "End of Project Gutenberg's 1984\n");
        for (String book : books) {
            assertEquals(expected, BOOKS.clean(book));
        }
    }

    @Test
    void gutenbergKeepsVerseListsAndStripsToc() {
        String book = "CONTENTS\n\n   I. Loomings\n  II. The Carpet-Bag\n\nI. Loomings\n\n"
                + "Call me Ishmael. Some years ago--never mind how long precisely--having\nlittle or no money in my purse, and nothing particular to interest me on\nshore, I thought I would sail about a little.\n\n"
                + "    The Assyrian came down like the wolf on the fold,\n    And his cohorts were gleaming in purple and gold;\n\n"
                + "1. first\n2. second";
        assertEquals("I. Loomings\n\nCall me Ishmael. Some years ago--never mind how long precisely--having little or no money in my purse, "
                + "and nothing particular to interest me on shore, I thought I would sail about a little.\n\n"
                + "    The Assyrian came down like the wolf on the fold,\n    And his cohorts were gleaming in purple and gold;\n\n"
                + "1. first\n2. second", BOOKS.clean(book));
    }
}

package dev.kiln.filters;

import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.filters.rules.ProseShareFilter;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The clean classes the {@code kiln} profile used to drop (issue #15, docs/benchmarks/filter-fidelity.md), each on
 * real pages of the tuning set ({@code fidelity/README.md}) and of the held-out set ({@code fidelity/HELDOUT.md}):
 * the stage that dropped it keeps it now, and junk of the same shape is still dropped, with the exact reason.
 */
class ProseRulesTest {

    static final Map<String, String> TUNING = FidelityRulesTest.SET;
    static final Map<String, String> HELD_OUT = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT);

    static String tuning(String id) {
        return Objects.requireNonNull(TUNING.get(id), id);
    }

    static String heldOut(String id) {
        return Objects.requireNonNull(HELD_OUT.get(id), id);
    }

    /** "keep" or the reason of the kiln profile for web pages. */
    static String kiln(String text) {
        return new StageChain(Profiles.builtIn("kiln", SourceKind.C4).build(Rules.REGISTRY)).run(Document.of("t", text, "c4")).decision();
    }

    @Test
    void manPagesAndApiDocsAreProseWhateverTheirLineLengths() {
        // fmt(1)'s DESCRIPTION: option lines of 40-60 characters, mean line length 67 < 100
        assertEquals("paragraph_quality", run("paragraph_quality", tuning("clean/man/8")).reason());
        assertEquals("keep", run(ProseShareFilter.NAME, tuning("clean/man/8")).decision());
        // Node.js zlib docs: one list item per line
        assertEquals("keep", run(ProseShareFilter.NAME, tuning("clean/nodejs-docs/15")).decision());
        // a held-out man page as man renders it: hard-wrapped at 80 columns and indented
        assertTrue(heldOut("clean/man/0").contains("\n       "), "rendered, not unwrapped");
        assertEquals("keep", kiln(heldOut("clean/man/0")));
    }

    @Test
    void linkListsAndCodeHaveNoProse() {
        // sample/web.jsonl.gz line 217: a page of FOLDOC links
        StageChain.Result links = run(ProseShareFilter.NAME, Samples.jsonl("web.jsonl.gz", 218).get(217).get("text").asText());
        assertEquals("prose_share", links.reason());
        assertTrue(links.value() < 0.1, "share " + links.value());
        assertEquals("prose_share", run(ProseShareFilter.NAME, tuning("code/css/0")).reason());
        assertEquals("prose_share", run(ProseShareFilter.NAME, heldOut("code/css/0")).reason());
    }

    @Test
    void commentaryWithVerseReferencesPassesTheAlphaRatio() {
        // Scofield's notes on I Samuel: digits and colons of "1 Samuel 22:9,11,20" bring letters to 0.65
        StageChain.Result old = run("alpha_ratio", Map.of("min_alpha_ratio", 0.70), tuning("clean/scofield/4"));
        assertEquals("alpha_ratio", old.reason());
        assertTrue(old.value() > 0.6 && old.value() < 0.7, "ratio " + old.value());
        assertEquals("keep", kiln(tuning("clean/scofield/4")));
        assertEquals("keep", kiln(heldOut("clean/scofield/0")));
        assertEquals("keep", kiln(heldOut("clean/kjv-nt/0")));
    }

    @Test
    void chapterHeadingsAboveANoteAreHeadings() {
        // "JOSHUA CHAPTER 10" lines directly above the notes, no blank lines (a web page's extracted text)
        String notes = tuning("clean/scofield/14");
        assertTrue(notes.contains("\nJOSHUA CHAPTER 10\n"));
        assertEquals("keep", run("line_structure", notes).decision());
        // Node.js zlib constants listed one per line: identifiers, not shouting
        assertEquals("keep", run("line_structure", tuning("clean/nodejs-docs/15")).decision());
        StageChain.Result shouting = run("line_structure", Rules.PROSE + "\nCLICK HERE NOW\nFREE OFFER TODAY\nACT NOW PLEASE\n".repeat(4));
        assertEquals("line_structure", shouting.reason());
    }

    @Test
    void pythonAndPhpSourcesAreCodeAndHimselfIsNotSelf() {
        StageChain.Result python = run("code_lines", tuning("code/python/27"));
        assertEquals("code_lines", python.reason());
        assertEquals("code_lines", run("code_lines", tuning("code/php/5")).reason());
        // "...the self-existent One" and "himself." are prose
        assertEquals("keep", run("code_lines", tuning("clean/scofield/35")).decision());
    }

    @Test
    void consentBannersAreCaughtByTheirVocabulary() {
        // klaro's strings ("Accept all", "Decline", "Imprint", "you can opt out") were dropped by line lengths before
        StageChain.Result klaro = run("policy_vocabulary", tuning("policy/cookie-klaro/1"));
        assertEquals("policy_vocabulary", klaro.reason());
        assertEquals("keep", run("policy_vocabulary", tuning("clean/debian-readme/23")).decision());
    }

    @Test
    void proseShareIsValidated() {
        ConfigException e = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create("prose_share", Map.of("min_prose_share", 1.5)));
        assertEquals("prose_share.min_prose_share must be in [0, 1]: 1.5", e.getMessage());
        assertEquals("min_prose_share must be in [0, 1]: -0.1",
                assertThrows(ConfigException.class, () -> new ProseShareFilter(-0.1)).getMessage());
    }
}

package dev.kiln.filters;

import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.config.ConfigException;
import dev.kiln.filters.rules.CodeLinesFilter;
import dev.kiln.filters.rules.ExclamationShareFilter;
import dev.kiln.filters.rules.FunctionWordsFilter;
import dev.kiln.filters.rules.PlaceholderTextFilter;
import dev.kiln.filters.rules.PolicyVocabularyFilter;
import dev.kiln.filters.rules.PunctShareFilter;
import dev.kiln.filters.rules.UnknownLanguageFilter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules of issue #15, each built by name with its default and run on one real page it keeps and one it
 * drops, from the fidelity set ({@code fidelity/README.md}).
 */
class FidelityRulesTest {

    static final Map<String, String> SET = FilterFidelityTest.texts(FilterFidelityTest.TUNING);

    /** The held-out set's pages: the defects below were found on it (docs/benchmarks/filter-fidelity.md). */
    static final Map<String, String> HELD = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT);

    /** The second held-out set's pages: the defects in the 2026-12-07 (second session) tests were found on it. */
    static final Map<String, String> HELD2 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_2);

    static String held2(String id) {
        return java.util.Objects.requireNonNull(HELD2.get(id), id);
    }

    /** The third held-out set's pages (a tuning set since its first run; docs/benchmarks/filter-fidelity.md). */
    static final Map<String, String> HELD3 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_3);

    static String held3(String id) {
        return java.util.Objects.requireNonNull(HELD3.get(id), id);
    }

    static String page(String id) {
        return java.util.Objects.requireNonNull(SET.get(id), id);
    }

    static String held(String id) {
        return java.util.Objects.requireNonNull(HELD.get(id), id);
    }

    /** The whole {@code kiln} profile's decision for one web page. */
    static String kiln(String text) throws java.io.IOException {
        return FilterFidelityTest.run("kiln", java.util.List.of(new FilterFidelityTest.Labelled("p", "clean", "web", text))).get("p");
    }

    @Test
    void placeholderTextDropsLoremIpsumAndKeepsProse() {
        StageChain.Result lorem = run(PlaceholderTextFilter.NAME, page("lorem/npm-lorem-ipsum/1"));
        assertEquals("placeholder_text", lorem.reason());
        assertTrue(lorem.value() > 0.6, "share " + lorem.value());
        assertEquals("keep", run(PlaceholderTextFilter.NAME, page("clean/bierce/0")).decision());
        // the Node.js URL docs share a few words with the generators' vocabulary ("integer", "class", "ante"...)
        assertEquals("keep", run(PlaceholderTextFilter.NAME, page("clean/nodejs-docs/21")).decision());
    }

    @Test
    void placeholderTextDropsTheCiceroPassagesGenerators() throws java.io.IOException {
        // Perl's Text::Lorem draws on De finibus 1.10.32-33 ("Sed ut perspiciatis..."), as faker does: none says "lorem ipsum"
        java.util.List<String> pages = new java.util.ArrayList<>();
        try (var in = FidelityRulesTest.class.getResourceAsStream("/fidelity/text-lorem.jsonl")) {
            for (String l : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                pages.add(dev.kiln.core.config.Configs.JSON.readTree(l).get("text").asText());
            }
        }
        assertEquals(20, pages.size());
        for (String p : pages) {
            StageChain.Result r = run(PlaceholderTextFilter.NAME, p);
            assertEquals("placeholder_text", r.reason(), p);
            assertTrue(r.value() >= PlaceholderTextFilter.DEFAULT_MIN_SHARE, "share " + r.value());
        }
    }

    @Test
    void codeLinesDropsStylesheetsAndKeepsDocsWithExamples() {
        StageChain.Result css = run(CodeLinesFilter.NAME, page("code/css/0"));
        assertEquals("code_lines", css.reason());
        assertTrue(css.value() > CodeLinesFilter.DEFAULT_MAX_SHARE, "share " + css.value());
        // Node.js Intl docs: prose with JavaScript examples (code-like lines hold about 0.17 of the characters)
        assertEquals("keep", run(CodeLinesFilter.NAME, page("clean/nodejs-docs/1")).decision());
        assertEquals("keep", run(CodeLinesFilter.NAME, page("clean/kjv/0")).decision());
    }

    @Test
    void policyVocabularyDropsLicencesAndKeepsReadmesWithANotice() {
        StageChain.Result licence = run(PolicyVocabularyFilter.NAME, page("policy/common-licenses/0"));
        assertEquals("policy_vocabulary", licence.reason());
        assertTrue(licence.value() > PolicyVocabularyFilter.DEFAULT_MAX_SHARE, "share " + licence.value());
        assertEquals("policy_vocabulary", run(PolicyVocabularyFilter.NAME, page("policy/cookie-tarteaucitron/0")).reason());
        // GNU MPFR's README opens with its copyright and licence notice, then describes the library
        assertEquals("keep", run(PolicyVocabularyFilter.NAME, page("clean/debian-readme/23")).decision());
        // Node.js docs on permissions and policies: technical words, not legal ones
        assertEquals("keep", run(PolicyVocabularyFilter.NAME, page("clean/nodejs-docs/3")).decision());
    }

    @Test
    void punctShareKeepsTheRuledPagesC2DropsAndDropsKeyValueDumps() throws java.io.IOException {
        // a README whose heading is ruled with "--------": the reference's C2 drops it for the run alone
        String readme = page("clean/debian-readme/13");
        assertEquals("C2_punct_spam", run("C2_punct_spam", readme).reason());
        assertEquals("keep", run(PunctShareFilter.NAME, readme).decision());
        assertEquals("keep", kiln(readme));
        assertEquals("keep", kiln(held("clean/debian-readme/12")));   // "-----" rules in a quoted e-mail
        // Node.js docs' process.env dump in JSON: quotes, colons and slashes are 0.25 of the characters
        StageChain.Result dump = run(PunctShareFilter.NAME, page("clean/nodejs-docs/24"));
        assertEquals("punct_share", dump.reason());
        assertTrue(dump.value() > 0.2, "ratio " + dump.value());
    }

    @Test
    void charRunIgnoresRulesBoxesTemplatesAndHexButNotFloods() throws java.io.IOException {
        assertEquals("keep", run("char_run", held("clean/man/8")).decision());          // mktemp: "XXXXXXXXXX"
        assertEquals("keep", run("char_run", page("clean/man/16")).decision());         // "0xFFFFFFFF is processors #0 through #31"
        assertEquals("keep", run("char_run", held("clean/jargon/21")).decision());      // a boxed C comment of '*'
        assertEquals("keep", run("char_run", page("clean/nodejs-docs/10")).decision()); // console.table's box drawing
        assertEquals("keep", run("char_run", held("clean/jargon/4")).decision());       // "XXXXXXXX.YYYYYYYY"
        assertEquals("keep", run("char_run", HELD10.get("clean/supercollider-help/5")).decision()); // "//////" rulers
        String prose = page("clean/bierce/0");
        for (String flood : new String[] {"JEEEEEEEESUS!", "NOOOOOOOOOO", "aaaaaaaaaaah", "aaaaaaaaaa", "!!!!!!!!!!", "zzzzzzzz9"}) {
            StageChain.Result r = run("char_run", prose + " " + flood);
            assertEquals("char_run", r.reason(), flood);
        }
        assertEquals("keep", run("char_run", prose + " 0x7fffffff and 0xdeadbeef00000000").decision());
    }

    @Test
    void codeLinesCountsCommentBlocksDocstringsAndPreprocessorLines() {
        // SQLite's header cut inside a "**" comment block, glibc-style headers, Python cut inside a docstring
        for (String id : new String[] {"code/c-header/7", "code/c-header/9", "code/c-header/11", "code/python/14", "code/python/17"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, held(id)).reason(), id);
        }
        // Jargon File entries: "{heavyweight};" is a cross-reference, not minified code
        for (String id : new String[] {"clean/jargon/9", "clean/jargon/11", "clean/jargon/15"}) {
            assertEquals("keep", run(CodeLinesFilter.NAME, held(id)).decision(), id);
        }
        // one line of each kind, alone on a page: code or not
        for (String code : new String[] {"#define SQLITE_OK 0", "# include <stdio.h>", "#endif", "#if defined(__GNUC__)",
                ".a{color:red;margin:0}", "DEFAULT_TIMEOUT = 30", "** The SQLite library is thread-safe", "the end of a comment */"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, code).reason(), code);
        }
        for (String prose : new String[] {"# Installation", "#includes are resolved first", "1 = one, 2 = two",
                "Opposite of {heavyweight}; usually found in {combining forms}.", "**Note:** this is bold in Markdown"}) {
            assertEquals("keep", run(CodeLinesFilter.NAME, prose).decision(), prose);
        }
    }

    @Test
    void codeLinesKeepsReleaseNotesWithOutlineBulletsAndQuotedStructs() {
        // GNU NEWS files in outline mode ("** Fixed ...", one line per paragraph) and GCC's notes quoting
        // "struct S { float a; int : 0; float b; }" inside a 3,000-character paragraph
        for (String id : new String[] {"clean/debian-news/2", "clean/debian-news/15", "clean/debian-news/23"}) {
            assertEquals("keep", run(CodeLinesFilter.NAME, held2(id)).decision(), id);
        }
        String bullet = "** libgnutls: Fixed invalid write when gnutls_realloc_zero() is called with new_size < old_size, "
                + "which corrupted the heap when it was called from the record layer.";
        assertEquals("keep", run(CodeLinesFilter.NAME, bullet).decision());
        String note = "Passing struct S { float a; int : 0; float b; } by value now follows the documented ABI on every target, "
                + "so code that relied on the old layout must be rebuilt.";
        assertEquals("keep", run(CodeLinesFilter.NAME, note).decision());
        // wrapped comment lines and minified code are still code
        for (String code : new String[] {"** Return the number of changes in the most recent call", " * @param {string} name the name",
                "function(a){var b=a.length;return b}(c)", ".a{gap:2rem;x:1}.b:hover"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, code).reason(), code);
        }
        for (String id : new String[] {"code/c-header/7", "code/c-header/9", "code/c-header/11"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, held(id)).reason(), id);
        }
    }

    @Test
    void codeLinesKeepsAnEMailQuotingBetweenTripleQuotes() {
        String mail = """
                On Sat, 24 Aug 2002, a list member wrote:
                > Ran across a site which claimed to explain the original meaning of an old text.

                In July 1999, I made the following comment in response to a similar claim:

                \"\"\"
                > The translations since cause problems at each successive remove

                We have the original language versions, though, so this is not an issue at all.
                It is based on our knowledge of the meaning of the word, not on successive translations,
                and most modern translations I have seen agree with each other on it.
                \"\"\"
                - from the list's archive of July 1999
                """;
        assertEquals("keep", run(CodeLinesFilter.NAME, mail).decision());
        // the same lines as an indented docstring under a def are source
        String source = "def explain():\n    \"\"\"\n" + mail.lines().filter(l -> !l.startsWith("\"")).map(l -> "    " + l).collect(Collectors.joining("\n")) + "\n    \"\"\"\n";
        assertEquals("code_lines", run(CodeLinesFilter.NAME, source).reason());
    }

    @Test
    void lineStructureSkipsMarkdownHeadingsAndShortCodeLines() {
        // Node.js module docs: "### `module.id`" headings and "* {string}" type lines; addon docs: short C++ and JSON lines
        for (String text : new String[] {held("clean/nodejs-docs/1"), held("clean/nodejs-docs/22"), page("clean/nodejs-docs/14"),
                page("clean/nodejs-docs/18")}) {
            assertEquals("keep", run("line_structure", text).decision());
        }
        // a navigation menu is still short lines
        String menu = String.join("\n", "Home", "About us", "Our Team", "Archives", "Log in", "Sign up", "Contact", "Careers",
                "A line of ordinary prose that runs on long enough to count as a long line here.");
        assertEquals("line_structure", run("line_structure", menu).reason());
    }

    @Test
    void lineStructureNeedsTwoShortOrCapitalisedLinesAndSkipsArticleLists() throws java.io.IOException {
        // a FOLDOC entry ending in one short "RSA FAQ." line (all capitals too) under two paragraphs
        String rsa = held2("clean/wikitext/3");
        assertEquals("keep", FilterFidelityTest.run("kiln", java.util.List.of(new FilterFidelityTest.Labelled("p", "clean", "wikitext", rsa))).get("p"));
        String two = "A line of ordinary prose that runs on long enough to count as a long line here.\n"
                + "Another line of ordinary prose that is long enough to count as long.\n";
        assertEquals("keep", run("line_structure", two + "RSA FAQ.\n").decision());
        assertEquals("line_structure", run("line_structure", two + "RSA FAQ.\nSee also\nContact us\n").reason());
        assertEquals("line_structure", run("line_structure", two + "CLICK HERE NOW\nFREE OFFER TODAY\n").reason());
        // the Factbook's provinces of Laos as the Wikipedia cleaner writes them ("- Bokeo"): kept by the wikipedia
        // profile, counted as short lines on the web, where a list of short items is a menu as often as not
        String laos = page("clean/wikitext/12");
        assertEquals("keep", FilterFidelityTest.run("kiln", java.util.List.of(new FilterFidelityTest.Labelled("p", "clean", "wikitext", laos))).get("p"));
        String provinces = two + "- Bokeo\n- Bolikhamxai\n- Champasak\n- Houaphan\n";
        assertEquals("keep", run("line_structure", Map.of("count_list_items", false), provinces).decision());
        assertEquals("line_structure", run("line_structure", provinces).reason());
    }

    @Test
    void lineStructureSkipsTheAttributionsOfQuotations() {
        // fortune-mod's files as a quotations page: a quote, then "-- Steven Wright"
        for (String id : new String[] {"clean/fortunes/1", "clean/fortunes/3", "clean/fortunes/4", "clean/fortunes/9", "clean/fortunes/11"}) {
            assertEquals("keep", run("line_structure", held3(id)).decision(), id);
        }
        String quote = "I have a rock garden. Last week three of them died, and I am not sure what I did wrong.\n";
        assertEquals("keep", run("line_structure", (quote + "-- Richard Diran\n").repeat(5)).decision());
        assertEquals("keep", run("line_structure", (quote + "\u2014 Richard Diran\n").repeat(5)).decision());
        // a select box's "-- Choose --" and bare short lines still count
        assertEquals("line_structure", run("line_structure", (quote + "-- Choose --\n").repeat(5)).reason());
        assertEquals("line_structure", run("line_structure", (quote + "Share this!\n").repeat(5)).reason());
    }

    @Test
    void unknownLanguageDropsRandomLatinWordsAndKeepsRealLanguages() {
        // faker's lorem (a general Latin dictionary, no "lorem ipsum" in it): no English words, no language langdetect can name
        int dropped = 0;
        for (int i = 0; i < 47; i++) {
            StageChain.Result r = run(UnknownLanguageFilter.NAME, held("lorem/faker/" + i));
            dropped += UnknownLanguageFilter.NAME.equals(r.reason()) ? 1 : 0;
        }
        assertTrue(dropped >= 45, "faker pages dropped: " + dropped);   // 45 of 47; langdetect names two as Italian (0.98) and Spanish (1.0)
        assertEquals("unknown_language", run(UnknownLanguageFilter.NAME, held("lorem/faker/1")).reason());
        // every clean English page is kept without asking langdetect, and the UDHR preamble in 11 languages is named and kept
        for (String id : HELD.keySet()) {
            if (id.startsWith("clean/")) {
                assertEquals("keep", run(UnknownLanguageFilter.NAME, held(id)).decision(), id);
            }
        }
        // the UDHR preamble in 11 languages: each named by langdetect; with languages [] all are kept, by default
        // (English only) the other ten are other_language, the measured value langdetect's probability
        for (String line : Samples.resource("langdetect/udhr-preambles.tsv").split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String lang = line.split("\t")[0];
                String text = line.split("\t")[2];
                assertEquals("keep", run(UnknownLanguageFilter.NAME, Map.of("languages", java.util.List.of()), text).decision(), lang);
                StageChain.Result r = run(UnknownLanguageFilter.NAME, text);
                // Polish's "i", "a" and "to" reach min_english_share, but none of its words is an English-only one
                boolean english = lang.equals("en");
                assertEquals(english ? "keep" : "other_language", english ? r.decision() : r.reason(), lang);
                if (!english) {
                    assertTrue(r.value() >= 0.9, lang + " " + r.value());
                    assertEquals("keep", run(UnknownLanguageFilter.NAME, Map.of("languages", java.util.List.of("en", lang)), text).decision(), lang);
                }
            }
        }
        assertThrows(ConfigException.class, () -> run(UnknownLanguageFilter.NAME, Map.of("languages", java.util.List.of("xx")), "text"));
    }

    @Test
    void unknownLanguageDoesNotTakeHungarianFillerForEnglish() {
        // hulipsum's filler: Hungarian's "a" and "is" make 0.12 to 0.15 of its words, English-only function words 0 to 0.005
        for (int i = 0; i < 10; i++) {
            StageChain.Result r = run(UnknownLanguageFilter.NAME, held12("lorem/hulipsum/" + i));
            assertEquals("other_language", r.reason(), "hulipsum " + i);
            assertTrue(r.value() >= 0.9, "hulipsum " + i + " " + r.value());
            // without the English-only check each would be taken as English and kept
            assertEquals("keep", run(UnknownLanguageFilter.NAME, Map.of("min_english_only_share", 0.0), held12("lorem/hulipsum/" + i)).decision());
        }
        // English pages low in English-only words stay English: a 49-word news brief (0.041), two NetHack spoilers
        for (String id : java.util.List.of("clean/nethack-spoilers/11", "clean/nethack-spoilers/1")) {
            assertEquals("keep", run(UnknownLanguageFilter.NAME, HELD7.get(id)).decision(), id);
        }
        assertEquals("keep", run(UnknownLanguageFilter.NAME, HELD6.get("clean/reuters-news/10")).decision());
    }

    @Test
    void unknownLanguageDropsEnglishWordsWithoutSentences() {
        // Data::Random's rand_words, one call a line: dictionary words, no function word; langdetect names them English
        int dropped = 0;
        for (int i = 0; i < 18; i++) {
            StageChain.Result r = run(UnknownLanguageFilter.NAME, held12("lorem/data-random-words/" + i));
            if (UnknownLanguageFilter.WORD_LIST.equals(r.reason())) {
                dropped++;
                assertTrue(r.value() < 0.01, i + " " + r.value());
            }
            assertEquals("keep", run(UnknownLanguageFilter.NAME, Map.of("min_named_english_share", 0.0), held12("lorem/data-random-words/" + i)).decision());
        }
        // the four wrapped in site chrome ("Skip to main content", "Back to top") reach 0.01 on the chrome's "to" and
        // "a"; line_structure and function_words drop those in the profile
        assertEquals(14, dropped, "dropped as word lists");
        // no clean page of the twelfth set is taken for a word list (a POV-Ray index of file names is unknown_language)
        for (String id : HELD12.keySet()) {
            if (id.startsWith("clean/")) {
                assertTrue(!UnknownLanguageFilter.WORD_LIST.equals(run(UnknownLanguageFilter.NAME, held12(id)).reason()), id);
            }
        }
    }

    /** The twelfth held-out set's pages (a tuning set since the thirteenth was built, 2026-12-07, eighth session). */
    static final Map<String, String> HELD12 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_12);

    static String held12(String id) {
        return java.util.Objects.requireNonNull(HELD12.get(id), id);
    }

    /** The fourth held-out set's pages (a tuning set since its first run). */
    static final Map<String, String> HELD4 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_4);

    static String held4(String id) {
        return java.util.Objects.requireNonNull(HELD4.get(id), id);
    }

    @Test
    void lineStructureDoesNotCountReferenceTermsOnLinesOfTheirOwn() {
        // the Bash manual's options ("-d offset" and "-c"), Django's settings (STATIC_ROOT), file trees (polls/, models.py)
        for (String id : new String[] {"clean/bash-manual/2", "clean/bash-manual/7", "clean/bash-manual/11", "clean/django-docs/26",
                "clean/django-docs/32", "clean/aptitude-manual/6"}) {
            assertEquals("keep", run("line_structure", held4(id)).decision(), id);
        }
        String prose = "A line of ordinary prose that runs on long enough to count as a long line here.\n";
        assertEquals("keep", run("line_structure", prose + "-c\n/dev/stdin\nSTATIC_ROOT\nglob@7.1.6\nrender()\n" + prose).decision());
        // a menu's words and image placeholders still count
        assertEquals("line_structure", run("line_structure", prose + "Home\nAbout us\nOur Team\nContact\nCareers\n" + prose).reason());
        assertEquals("line_structure", run("line_structure", prose + "[dot.gif]\n[logo.jpg]\n[spacer.gif]\n" + prose).reason());
    }

    @Test
    void codeLinesReadsShellAndMakeFiles() {
        // vimtutor and bashbug (heldout2), BSD make's mk files (heldout3): script comments, NAME=value, fi, .if/.endif
        assertEquals("code_lines", run(CodeLinesFilter.NAME, held2("code/shell/2")).reason());
        assertEquals("code_lines", run(CodeLinesFilter.NAME, held2("code/shell/11")).reason());
        assertEquals("code_lines", run(CodeLinesFilter.NAME, held3("code/makefile/6")).reason());
        for (String code : new String[] {"#!/bin/sh", "# we need a temp file for the copy", "#   You should have received a copy",
                "# Start Vim on a copy of the tutor file.", "TEMPDIR=$TMPDIR/bbug.$$", "META2DEPS ?= ${.PARSEDIR}/meta2deps.sh", "CFLAGS += -O2", "CFLAGS+=-O2",
                "fi", "if test \"$1\" = \"-g\"; then", "export PATH", ".endif", ".if !empty(SKIP_GENDIRDEPS)"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, code).reason(), code);
        }
        // Markdown headings, hashtags in prose, "E = mc2" and a sentence that starts with "Export" stay prose
        for (String prose : new String[] {"# Installation", "## Getting started", "Export the file before you close it.", ".NET is a platform"}) {
            assertEquals("keep", run(CodeLinesFilter.NAME, prose).decision(), prose);
        }
    }

    @Test
    void functionWordsDropsFillerOfRealWordsAndKeepsEveryCleanPage() {
        // hipster ipsum and corporate ipsum: English words, next to no function words in their sentences
        for (String id : new String[] {"lorem/npm-hipsum/1", "lorem/npm-hipsum/2", "lorem/npm-corporate/2", "lorem/npm-corporate/5"}) {
            StageChain.Result r = run(FunctionWordsFilter.NAME, held3(id));
            assertEquals(FunctionWordsFilter.NAME, r.reason(), id);
            assertTrue(r.value() < 0.12, id + " " + r.value());
        }
        // every clean page of the four labelled sets is kept by the rule on its own
        for (Map<String, String> set : java.util.List.of(SET, HELD, HELD2, HELD3)) {
            set.forEach((id, text) -> {
                if (id.startsWith("clean/")) {
                    assertEquals("keep", run(FunctionWordsFilter.NAME, text).decision(), id);
                }
            });
        }
        // too few sentence words to judge: kept; list lines and headings are not sentences
        String filler = "Banh mi Blue Bottle Portland vinyl letterpress butcher synth wolf moon kitsch readymade.\n";
        assertEquals("keep", run(FunctionWordsFilter.NAME, filler.repeat(7)).decision());   // 13 words a line: 91
        assertEquals(FunctionWordsFilter.NAME, run(FunctionWordsFilter.NAME, filler.repeat(8)).reason());   // 104
        assertEquals("keep", run(FunctionWordsFilter.NAME, filler.replace(".", "").repeat(20)).decision());
    }

    /** The fifth held-out set's pages (a tuning set since the chrome rule, 2026-12-07, fifth session). */
    static final Map<String, String> HELD5 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_5);

    @Test
    void lineStructureCountsOnlyChromeOnReferencePages() {
        // reference documentation made of short lines: zsh's redirections ("< word"), Apache's directive names
        // (ServerName), a debian/control and a file tree, the ABS guide's escapes ("\\n" / "means newline"), Debian's
        // release history (Apache 2.4.23), Bash's builtins, git's glossary terms (hook, index), Python's grammar
        // (| assert_stmt), pino's API index (* logger.trace()): each was dropped before the rule
        String[][] pages = {{"5", "clean/zsh-manual/12"}, {"5", "clean/apache-manual/12"}, {"5", "clean/debmake-doc/10"},
            {"5", "clean/abs-guide/5"}, {"4", "clean/debian-history/1"}, {"4", "clean/bash-manual/1"},
            {"3", "clean/git-user-manual/2"}, {"3", "clean/python-docs/35"}, {"3", "clean/npm-docs/15"}};
        for (String[] p : pages) {
            String text = p[0].equals("5") ? HELD5.get(p[1]) : p[0].equals("4") ? held4(p[1]) : held3(p[1]);
            assertEquals("keep", run("line_structure", text).decision(), p[1]);
        }
        // placeholder text under a shop's or a blog's chrome and a cookie banner's buttons are still dropped
        assertEquals("line_structure", run("line_structure", held4("lorem/npm-bobross/0")).reason());
        assertEquals("line_structure", run("line_structure", page("lorem/jinja2-lipsum/22")).reason());
        assertEquals("line_structure", run("line_structure", held2("policy/cookie-beyonk/0")).reason());
        // the same short lines as chrome or as terms: a chrome-like majority makes every short line count
        String prose = "A line of ordinary prose that runs on long enough to count as a long line here.\n";
        String terms = "ServerName\nApache 2.4.23\n";
        String chrome = "Home\nContact\nCart (0)\n";
        assertEquals("line_structure", run("line_structure", prose.repeat(10) + terms + chrome).reason());          // 5 of 15
        assertEquals("keep", run("line_structure", prose.repeat(10) + terms + "hook\n" + chrome).decision());      // 3 of 16
        assertEquals("keep", run("line_structure", prose + terms + "< word\nhook\nYours, etc.\nhead ref\n" + prose).decision());
        assertEquals("line_structure", run("line_structure", prose + "My account\n\u00a9 2024 Fern & Pine\n[dot.gif]\n" + prose).reason());
    }

    @Test
    void codeLinesReadsYamlMappings() {
        // RuboCop's configuration (indented "Enabled: true", "Naming/VariableName:" keys) is code; before, 0.16 of it was
        for (String id : new String[] {"code/yaml/0", "code/yaml/1", "code/yaml/4", "code/yaml/5"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, held3(id)).reason(), id);
        }
        String yaml = "Style/Example:\n  Description: 'An example.'\n  Enabled: true\n  VersionAdded: '0.9'\njobs:\n  build:\n";
        assertEquals("code_lines", run(CodeLinesFilter.NAME, yaml.repeat(4)).reason());
        // a document's "Example:", "Note: ...", an indented "Chapter one: ..." stay prose
        String doc = "Example:\nNote: the file is read once, so a second run starts from the start.\n  Chapter one: the voyage out\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, doc.repeat(4)).decision());
    }

    @Test
    void codeLinesReadsLuaCommentsAndContinuedLines() {
        // Penlight's text.lua (LuaDoc "---" blocks after "end") and a BSD make file's "VAR += \\" lists: before, 0.22 and
        // 0.54 of them were code, and only their short lines dropped them
        for (String id : new String[] {"code/lua/6", "code/lua/7", "code/makefile/5"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, held3(id)).reason(), id);
        }
        String lua = "local function f(s)\n  return s\nend\n-- Escape funny stuff in the string before it is quoted.\n-- It is a comment.\n";
        assertEquals("code_lines", run(CodeLinesFilter.NAME, lua.repeat(3)).reason());
        // a list under a paragraph written with "-- " bullets is prose, and so is a quotation's attribution
        String list = "The new members justifiably expect some things from their church family, and these are the ones:\n"
                + "-- Welcome into the fellowship\n-- Sincere Christian love and understanding\n-- Opportunities for study\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, list).decision());
        String quote = "I have a rock garden. Last week three of them died, and I am not sure what I did wrong.\n-- Richard Diran\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, quote.repeat(5)).decision());
    }

    @Test
    void codeLinesReadsIniAndLispCommentsAndTabbedHashComments() {
        // PHP's php.ini (";extension=bz2"), Guile's Scheme (";;; Commentary"), Squid's squid.conf ("#\tICAP log ..."):
        // kept before, at 0.00 to 0.33 of their characters code
        for (String[] p : new String[][] {{"6", "code/ini/0"}, {"6", "code/ini/2"}, {"6", "code/daemon-config/0"},
            {"4", "code/scheme/8"}, {"4", "code/scheme/9"}}) {
            String text = p[0].equals("6") ? HELD6.get(p[1]) : held4(p[1]);
            assertEquals("code_lines", run(CodeLinesFilter.NAME, text).reason(), p[1]);
        }
        // prose with semicolons inside its lines and a "#" heading stay prose
        String prose = "He came home late; the lamps were out, and the house was quiet as a church in the night.\n"
                + "# Installation\nRun the installer and follow the questions it asks, one at a time, until it is done.\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, prose.repeat(3)).decision());
    }

    @Test
    void codeLinesReadsTypeSignaturesOnSourceWidthLines() {
        // HUnit's Haddock-rendered source ("forall a. [a] -> [a] -> [a]", "runTestText :: PutText st -> Test -> IO ...")
        // and OCaml's cmdliner: kept before
        for (String id : new String[] {"code/haskell/3", "code/haskell/5", "code/haskell/6"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, HELD7.get(id)).reason(), id);
        }
        assertEquals("code_lines", run(CodeLinesFilter.NAME, HELD6.get("code/ocaml/1")).reason());
        // a paragraph's mathematics (FOLDOC: "A function f: A -> B is surjective ... if f A = B.") stays prose
        String maths = "A function f: A -> B is surjective or onto or a surjection if f A = B, so that f can return any value in B.\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, maths.repeat(4)).decision());
    }

    @Test
    void codeLinesReadsCommentBlocksMarkupAndJson() {
        // fail2ban's and HAProxy's configs (runs of '#' comments around settings), SWI-Prolog's '%' comments, Octave's
        // '%!' tests, CUPS's <Limit> blocks, an rsyslog JSON schema, Prosody's systemd unit, LilyPond's Scheme: kept before
        String[][] pages = {{"5", "code/server-config/1"}, {"5", "code/server-config/2"}, {"5", "code/server-config/4"},
            {"5", "code/prolog/4"}, {"7", "code/octave/9"}, {"6", "code/daemon-config/5"}, {"6", "code/json/2"},
            {"6", "code/systemd-unit/3"}, {"6", "code/lilypond/4"}};
        for (String[] p : pages) {
            String text = (p[0].equals("5") ? HELD5 : p[0].equals("6") ? HELD6 : HELD7).get(p[1]);
            assertEquals("code_lines", run(CodeLinesFilter.NAME, text).reason(), p[1]);
        }
        // a mail quoting a news story line by line behind '#' has no code besides: prose
        String story = "# PARIS (Reuters) - A provocative French novelist faced a Paris court on Tuesday for\n"
                + "# allegedly inciting hatred by calling a religion the stupidest one and its holy book\n#\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, "Robert Harley writes:\n\n" + story.repeat(6) + "\n- Gordon\n").decision());
        // the same comment block above settings is a config file's
        assertEquals("code_lines", run(CodeLinesFilter.NAME, story.repeat(3) + "port = 8080\nlogfile = /var/log/x.log\n").reason());
    }

    @Test
    void codeLinesReadsCommandsWithOptionsAndConfigurationDirectives() {
        // fish completions (complete -c cargo -n ... -l help -d '...'), OpenOCD's adapter configs (ftdi vid_pid
        // 0x0403 0x6010) and SpamAssassin's rule settings (add_header all Level _STARS(*)_): kept before
        for (String id : new String[] {"code/fish/0", "code/fish/1", "code/fish/3", "code/openocd-tcl/1", "code/spamassassin-rules/0"}) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, HELD10.get(id)).reason(), id);
        }
        // GCC 12's release notes: a paragraph naming -std=f95, -Wno-psabi and --enable-libstdcxx-allocator is prose
        assertEquals("keep", run(CodeLinesFilter.NAME, held2("clean/debian-news/23")).decision());
        // a manual's table of lone field names (pw_name, pw_uid) and an API reference's C prototypes stay prose
        String fields = "The password database entries are reported as a tuple-like object, whose attributes correspond to the members.\n"
                + "pw_name\nLogin name\npw_uid\nNumerical user ID\npw_dir\nUser home directory\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, fields.repeat(3)).decision());
        String api = "mod_slotmem_plain is a memory provider which provides for creation and access to a plain memory segment.\n"
                + "apr_status_t doall(ap_slotmem_instance_t *s, ap_slotmem_callback_fn_t *func, void *data)\n"
                + "apr_status_t create(ap_slotmem_instance_t **new, const char *name, apr_size_t item_size)\n"
                + "apr_status_t dptr(ap_slotmem_instance_t *s, unsigned int item_id, void **mem)\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, api.repeat(3)).decision());
        // the same field names as directives with arguments are a configuration file
        assertEquals("code_lines", run(CodeLinesFilter.NAME, "pw_name root\npw_uid 0\npw_dir /root\nlog_level debug\n").reason());
    }

    @Test
    void codeLinesReadsLispFormsAndCommentedOutSettings() {
        // Nyquist's init file ((load "misc.lsp" :verbose NIL)) and nano's sample nanorc ("## Use bold text." above
        // "# set boldtext"): kept before
        assertEquals("code_lines", run(CodeLinesFilter.NAME, HELD11.get("code/nyquist/1")).reason());
        assertEquals("code_lines", run(CodeLinesFilter.NAME, HELD11.get("code/nanorc/0")).reason());
        // a parenthetical aside on a line of its own, and a news story quoted behind '#', stay prose
        String aside = "The committee met twice in the spring and once in the autumn of that year.\n"
                + "(see the minutes of the meeting for the full list of members present at the time.)\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, aside.repeat(4)).decision());
        String story = "# PARIS (Reuters) - A provocative French novelist faced a Paris court on Tuesday for\n"
                + "# allegedly inciting hatred by calling a religion the stupidest one and its holy book\n#\n";
        String shortLine = "# The groups accuse the writer of insulting them in an interview with the literary\n# magazine Lire\n#\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, "Robert Harley writes:\n\n" + story.repeat(3) + shortLine + story.repeat(3)).decision());
    }

    @Test
    void codeLinesReadsVimScriptAndDeclarations() {
        // Vim plugins (taglist, cvsmenu): '" comment' lines, 'let s:x = ...' and a lone 'endfunction'; kept before
        for (String id : java.util.List.of("code/vim-script/0", "code/vim-script/2", "code/vim-script/3")) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, held12(id)).reason(), id);
        }
        assertEquals("code_lines", run(CodeLinesFilter.NAME, "let s:count = 0\nlocal n = 1\nendfunction\nendwhile\n").reason());
        // a quotation opened and closed on its line, a spaced quotation's reply, and "Let x = 5" in a proof stay prose
        String dialogue = "\"I never said that,\" she answered, and turned back to the window.\n"
                + "\" Then who did? \" asked her brother from the doorway of the kitchen.\n"
                + "Let x = 5 be the number of apples left in the basket after the first day.\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, dialogue.repeat(4)).decision());
    }

    @Test
    void codeLinesReadsCallStatements() {
        // extra-cmake-modules' find modules: set(...), endif(), if (NOT X) and a call's closing ")" on its own line
        for (String id : java.util.List.of("code/cmake/4", "code/cmake/7")) {
            assertEquals("code_lines", run(CodeLinesFilter.NAME, HELD5.get(id)).reason(), id);
        }
        assertEquals("code_lines", run(CodeLinesFilter.NAME, "set(GPB_MODULE_DIR ${CMAKE_CURRENT_LIST_DIR})\nif (NOT FOUND)\n"
                + "message(FATAL_ERROR \"not found\")\nendif()\n)\n").reason());
        // a manual page's references, a C definition's head and a parenthesised sentence stay prose
        String prose = "The commands below are described in their own manual pages, listed here for reference.\n"
                + "ls(1)\nmain(void)\nNote(see the section above for the options that apply here.)\n";
        assertEquals("keep", run(CodeLinesFilter.NAME, prose.repeat(3)).decision());
    }

    @Test
    void codeLinesReadsLuaBlocks() {
        // mpv's Lua scripts: "if x then", "for k, v in pairs(t) do", "function mp.add_hook(name, pri, cb)", then "end"
        assertEquals("code_lines", run(CodeLinesFilter.NAME, held12("code/lua-mpv/1")).reason());
        // the line-level cases, with wrapped prose that opens and closes with the same words: CodeLinesLuaTest
    }

    @Test
    void codeLinesReadsStarBulletsAsProseWithoutABlockComment() {
        // Grace's change list (" *  [ES] fixed Fourier transform DC-term amplitude"): dropped before
        assertEquals("keep", run(CodeLinesFilter.NAME, HELD11.get("clean/grace-docs/0")).decision());
        assertEquals("keep", run(CodeLinesFilter.NAME, HELD11.get("clean/grace-docs/1")).decision());
        // pages cut from inside a comment, with its blank " *" lines but no delimiter, are still source
        assertEquals("code_lines", run(CodeLinesFilter.NAME, held("code/c-header/18")).reason());
        assertEquals("code_lines", run(CodeLinesFilter.NAME, held3("code/typescript/13")).reason());
    }

    /** The eleventh held-out set's pages (a tuning set since the twelfth was built, 2026-12-07, seventh session). */
    static final Map<String, String> HELD11 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_11);

    /** The tenth held-out set's pages (a tuning set since the eleventh was built, 2026-12-07, seventh session). */
    static final Map<String, String> HELD10 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_10);

    /** The seventh held-out set's pages (a tuning set since its first run, 2026-12-07, third session). */
    static final Map<String, String> HELD7 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_7);

    /** The sixth held-out set's pages (a tuning set since its first run, 2026-12-07, fifth session). */
    static final Map<String, String> HELD6 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_6);

    /** The thirteenth held-out set's pages (a tuning set since the fourteenth was built, 2026-12-07, ninth session). */
    static final Map<String, String> HELD13 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_13);

    static String held13(String id) {
        return java.util.Objects.requireNonNull(HELD13.get(id), id);
    }

    @Test
    void policyVocabularyReadsACookieDeclarationsRetentionPeriods() {
        // the Open Cookie Database as a site's cookie table: "vuid (Analytics; set by Vimeo; retention: 2 years): ..."
        for (int i : new int[] {1, 3, 8, 9, 11, 18, 19}) {
            String text = held13("policy/cookie-declaration/" + i);
            StageChain.Result r = run(PolicyVocabularyFilter.NAME, text);
            assertEquals(PolicyVocabularyFilter.NAME, r.reason(), "declaration " + i);
            // without "retention" the same table falls under the threshold
            String without = text.replaceAll("(?i)\\bretention\\b", "kept");
            assertEquals("keep", run(PolicyVocabularyFilter.NAME, without).decision(), "declaration " + i);
        }
        // documentation that mentions log or data retention in passing is kept
        String prose = "The server rotates its logs daily. The retention period for old logs is set in the configuration "
                + "file, and the default keeps a week of them before the oldest are removed from the disk.\n";
        assertEquals("keep", run(PolicyVocabularyFilter.NAME, prose.repeat(4)).decision());
    }

    /** The fourteenth held-out set's pages (a tuning set since the fifteenth was built, 2026-12-08, tenth session). */
    static final Map<String, String> HELD14 = FilterFidelityTest.texts(FilterFidelityTest.HELD_OUT_14);

    @Test
    void lineStructureReadsTheCellsOfATableBetweenSentences() {
        // Peewee's quickstart (a table "Object / Corresponds to... / Model class / Database table"), simple-scan's
        // shortcut table, KJumpingCube's menu reference, a NEWS file's translation lists: each dropped before the rule
        for (String id : java.util.List.of("clean/peewee-docs/3", "clean/peewee-docs/4", "clean/simple-scan-help/0",
                "clean/kde-game-handbook/13", "clean/news-readme/2")) {
            assertEquals("keep", run("line_structure", java.util.Objects.requireNonNull(HELD14.get(id), id)).decision(), id);
        }
        String intro = "Press one of the following shortcut keys to rotate the page you have selected:\n";
        String table = "Command\nShortcut Key\nRotate Left\nCtrl Left\nRotate Right\nCtrl Right\n";
        String after = "Each new scanned page will use the previous rotation, so you only need to set it once.\n";
        assertEquals("keep", run("line_structure", intro + table + after).decision());
        // the same cells before the first sentence or after the last are the page's head or tail, and count
        assertEquals("line_structure", run("line_structure", table + intro + after).reason());
        assertEquals("line_structure", run("line_structure", intro + after + table).reason());
        // a key's [D] is a cell, an image's [dot.gif] a site's chrome
        assertEquals("keep", run("line_structure", intro + "[D]\nDelete\n[E]\nEdit\n[R]\nRotate\n" + after).decision());
        assertEquals("line_structure", run("line_structure", intro + "[D]\nDelete\n[dot.gif]\nEdit\n[R]\nRotate\n" + after).reason());
        // a line of 20 or more characters that does not end a sentence does not open the page's body
        assertEquals("line_structure", run("line_structure", "Free shipping on orders over $50\n" + table + after).reason());
        // a site's menu between two sentences still counts: its words are a site's (Home, Back to top), not a table's
        String menu = "Home\nOur Team\nBack to top\nCareers\nNewsletter\nRotate Left\n";
        assertEquals("line_structure", run("line_structure", intro + menu + after).reason());
        assertEquals("keep", run("line_structure", intro + menu.replace("Back to top", "Rolling Back").replace("Home\n", "House\n")
                .replace("Careers", "Career paths").replace("Newsletter", "Letters") + after).decision());
    }

    @Test
    void exclamationShareDropsHypeAndKeepsDialogue() {
        // faker's hacker phrases, every one exclaimed, kept by every other rule before
        for (int i : new int[] {1, 2, 4, 5, 7, 8}) {
            StageChain.Result r = run(ExclamationShareFilter.NAME, HELD11.get("lorem/faker-br-hacker/" + i));
            assertEquals(ExclamationShareFilter.NAME, r.reason(), "faker " + i);
            assertTrue(r.value() > 0.9, "share " + r.value());
        }
        // Wesnoth's campaign dialogue, the most exclaiming clean pages of the labelled sets (0.45 to 0.61)
        for (String id : java.util.List.of("clean/wesnoth-httt/9", "clean/wesnoth-tsg/2", "clean/wesnoth-httt/4")) {
            assertEquals("keep", run(ExclamationShareFilter.NAME, HELD7.get(id)).decision(), id);
        }
        assertEquals("keep", run(ExclamationShareFilter.NAME, held13("clean/wesnoth-dialogue/6")).decision());
        // a mortgage mail: "!!!" is one end, "?!" an exclamation; five ends are too few to judge
        String spam = "INTEREST RATES HAVE JUST BEEN CUT!!! Rates are down! Act now?! Fill out our quick form! "
                + "It takes a minute. Lower your payment today! ";
        StageChain.Result r = run(ExclamationShareFilter.NAME, spam);
        assertEquals(ExclamationShareFilter.NAME, r.reason());
        assertEquals(5.0 / 6, r.value(), 1e-9);
        assertEquals("keep", run(ExclamationShareFilter.NAME, "Yay! Thanks! Great! Wow! Cool!").decision());
        assertEquals("keep", run(ExclamationShareFilter.NAME, spam.replace("today!", "today.").replace("now?!", "now?")).decision());
    }

    @Test
    void thresholdsAreValidated() {
        Map<String, Function<Double, Object>> rules = Map.ofEntries(
                Map.entry("placeholder_text.min_placeholder_share", PlaceholderTextFilter::new),
                Map.entry("code_lines.max_code_share", CodeLinesFilter::new),
                Map.entry("policy_vocabulary.max_policy_share", PolicyVocabularyFilter::new),
                Map.entry("licence_text.max_licence_share", dev.kiln.filters.rules.LicenceTextFilter::new),
                Map.entry("punct_share.max_punct_ratio", PunctShareFilter::new),
                Map.entry("unknown_language.min_english_share", v -> new UnknownLanguageFilter(v, 0.03, 0.9, 0.01, java.util.List.of("en"))),
                Map.entry("unknown_language.min_english_only_share", v -> new UnknownLanguageFilter(0.08, v, 0.9, 0.01, java.util.List.of("en"))),
                Map.entry("unknown_language.min_language_probability", v -> new UnknownLanguageFilter(0.08, 0.03, v, 0.01, java.util.List.of("en"))),
                Map.entry("unknown_language.min_named_english_share", v -> new UnknownLanguageFilter(0.08, 0.03, 0.9, v, java.util.List.of("en"))),
                Map.entry("exclamation_share.max_exclamation_share", ExclamationShareFilter::new),
                Map.entry("function_words.min_function_share", FunctionWordsFilter::new));
        rules.forEach((key, ctor) -> {
            String[] stageAndParam = key.split("\\.");
            ConfigException e = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create(stageAndParam[0], Map.of(stageAndParam[1], 1.5)));
            assertEquals(key + " must be in [0, 1]: 1.5", e.getMessage());
            ConfigException direct = assertThrows(ConfigException.class, () -> ctor.apply(-0.1));
            assertEquals(stageAndParam[1] + " must be in [0, 1]: -0.1", direct.getMessage());
        });
    }
}

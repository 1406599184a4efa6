package dev.kiln.filters.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.filters.text.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scans of {@code prose_share} and the vocabulary rules decide as the definitions they
 * replace: the word regular expression over {@code \s+} tokens, and a lower-cased substring per word looked
 * up in a set. Checked line by line and text by text on the sample and on generated text full of the
 * characters where they could part (joiners, closers, digits, U+0130, the Kelvin sign, surrogate letters).
 */
class HandWrittenScansTest {

    // the definitions as they were written before the scans replaced them
    private static final Pattern WORD = Pattern.compile(
            "[(\"'“‘\\[`*_]*\\p{L}[\\p{L}\\p{N}]*(?:['’.\\-][\\p{L}\\p{N}]+)*[.,;:!?)\\]\"'”’`*_]*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static boolean proseByRegex(String line) {
        String[] tokens = SPACES.split(line);
        int words = 0;
        for (String tok : tokens) {
            words += WORD.matcher(tok).matches() ? 1 : 0;
        }
        return words >= ProseShareFilter.MIN_WORDS && words >= ProseShareFilter.MIN_WORD_SHARE * tokens.length;
    }

    private static double shareBySubstrings(String text, Set<String> vocabulary) {
        long words = 0;
        long hits = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            words++;
            if (i - start <= 20 && vocabulary.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                hits++;
            }
        }
        return words == 0 ? 0.0 : (double) hits / words;
    }

    private static List<String> texts() {
        List<String> out = new ArrayList<>();
        SampleCorpus.read("web.jsonl.gz", 1500).stream().map(Document::text).forEach(out::add);
        SampleCorpus.read("wiki.jsonl.gz", 400).stream().map(Document::text).forEach(out::add);
        String[] bits = {"word", "Word", "WORD", "it's", "don’t", "e.g.", "U.S.", "x-ray", "a-", "-a", "'quoted'", "“curly”", "(paren)", "[x]",
                "`code`", "*em*", "_u_", "end.", "end.)", "3rd", "1.5", "42", "ⅷ", "²", "é", "Straße", "\u0130stanbul", "\u212Aelvin", "𝒜bc",
                "\uD835", "ab\u0301c", " ", "  ", "\t", "\u00a0", "\u2003", "\u000b", "\f", "\r", "policy", "cookies", "lorem", "ipsum", "Dolor",
                "amet,", "GPL", "licence", "—", "...", "?!", "\"", "'", ".", "-", "’"};
        Random r = new Random(3);
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int p = r.nextInt(30); p > 0; p--) {
                sb.append(bits[r.nextInt(bits.length)]);
                if (r.nextInt(3) > 0) {
                    sb.append(r.nextInt(8) == 0 ? "\n" : " ");
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void proseLinesAreTheRegularExpressionsProseLines() {
        int lines = 0;
        int prose = 0;
        for (String t : texts()) {
            for (String raw : t.split("\n", -1)) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                boolean want = proseByRegex(line);
                assertEquals(want, ProseShareFilter.isProse(line), line);
                lines++;
                prose += want ? 1 : 0;
            }
        }
        assertTrue(lines > 20_000 && prose > 2_000 && prose < lines - 2_000, lines + " lines, " + prose + " prose");
    }

    @Test
    void vocabularySharesAreTheSubstringLookupsShares() {
        Set<String> vocabulary = Set.of("policy", "cookies", "lorem", "ipsum", "dolor", "amet", "gpl", "licence", "stra\u00dfe", "kelvin",
                "i\u0307stanbul", "word", "the", "and", "of");
        VocabularyShare.Vocabulary v = VocabularyShare.together(List.of(vocabulary)).get(0);
        int nonZero = 0;
        for (String t : texts()) {
            double want = shareBySubstrings(t, vocabulary);
            assertEquals(want, VocabularyShare.of(t, v), () -> t.length() > 200 ? t.substring(0, 200) : t);
            nonZero += want > 0 ? 1 : 0;
        }
        assertTrue(nonZero > 2000, "texts with vocabulary words: " + nonZero);
        // vocabularies scanned together (overlapping words), asked in either order, each text once under a new identity
        Set<String> other = Set.of("policy", "lorem", "kelvin", "x", "ray", "ipsum", "\u00e9t\u00e9", "dont");
        List<VocabularyShare.Vocabulary> both = VocabularyShare.together(List.of(vocabulary, other));
        int k = 0;
        for (String t : texts()) {
            String fresh = new String(t);
            boolean first = k++ % 2 == 0;
            assertEquals(shareBySubstrings(t, first ? vocabulary : other), VocabularyShare.of(fresh, both.get(first ? 0 : 1)));
            assertEquals(shareBySubstrings(t, first ? other : vocabulary), VocabularyShare.of(fresh, both.get(first ? 1 : 0)));
        }
        // kiln's own pair: the policy and placeholder vocabularies as their words give them
        for (String t : texts()) {
            assertEquals(shareBySubstrings(t, VocabularyShare.set(PolicyVocabularyFilter.WORDS)), VocabularyShare.of(t, PolicyVocabularyFilter.VOCABULARY));
            assertEquals(shareBySubstrings(t, VocabularyShare.set(PlaceholderTextFilter.WORDS)), VocabularyShare.of(t, PlaceholderTextFilter.VOCABULARY));
            assertEquals(shareBySubstrings(t, VocabularyShare.set(UnknownLanguageFilter.WORDS)), VocabularyShare.of(t, UnknownLanguageFilter.VOCABULARY));
        }
        assertEquals(1.0, VocabularyShare.of("\u212Aelvin \u0130stanbul Stra\u00dfe", v), "words lower-cased into the vocabulary by Locale.ROOT");
    }
    // line_structure's test as it was before the heading test went first and ASCII characters skipped Character's tables
    // (with the Markdown-heading and short-code-line exemptions added since, written the plain way)
    static String lineStructureBefore(String t, int shortLineChars, double maxShortRatio, double maxCapsRatio) {
        int lines = 0;
        int shortLines = 0;
        int chrome = 0;
        int runShort = 0;
        int runChrome = 0;
        boolean runSite = false;
        boolean body = false;
        int lettered = 0;
        int caps = 0;
        boolean prevBlank = true;
        int start = 0;
        while (start <= t.length()) {
            int end = t.indexOf('\n', start);
            if (end < 0) {
                end = t.length();
            }
            int a = PyText.stripStart(t, start, end);
            int b = PyText.stripEnd(t, a, end);
            if (b == a) {
                prevBlank = true;
                start = end + 1;
                continue;
            }
            int len = PyText.len(t, a, b);
            String stripped = t.substring(a, b);
            if ((prevBlank && nextBlank(t, end) || nextLineLen(t, end) >= 2 * len) && HeadingAwareLineStructureFilter.isHeadingLike(t, a, b, len)
                    || stripped.matches("#{1,6} .+") || len <= 80 && stripped.matches("(?s)(-- |\u2014|\u2015).*") && !stripped.endsWith("--") && stripped.length() > (stripped.startsWith("--") ? 3 : 0) || len < shortLineChars && CodeLinesFilter.codeLike(t.substring(start, b), stripped)) {
                prevBlank = false;
                start = end + 1;
                continue;
            }
            int letteredWords = 0;
            boolean inWord = false;
            boolean wordHasLetter = false;
            boolean allUpper = true;
            boolean anyLetter = false;
            for (int i = a; i <= b; ) {
                int cp = i < b ? t.codePointAt(i) : ' ';
                i += i < b ? Character.charCount(cp) : 1;
                if (Character.isWhitespace(cp)) {
                    letteredWords += inWord && wordHasLetter ? 1 : 0;
                    inWord = false;
                    wordHasLetter = false;
                } else {
                    inWord = true;
                    if (Character.isLetter(cp)) {
                        wordHasLetter = true;
                        anyLetter = true;
                        allUpper &= Character.isUpperCase(cp);
                    }
                }
            }
            prevBlank = false;
            if (!anyLetter) {
                start = end + 1;
                continue;
            }
            lines++;
            boolean term = stripped.chars().noneMatch(Character::isWhitespace) && stripped.matches("(?s).*[0-9\\-_./()@<>\\[\\]=:$%].*")
                    && !(stripped.matches("(?s)\\[.*\\.?.*\\]") && stripped.contains("."));
            if (len < shortLineChars && !term) {
                runShort++;
                String item = stripped.replaceFirst("^[-*\u2022] +", "");
                if (item.matches("(?s)\\[.*\\]") || !item.matches("(?s).*[.;]") && item.matches("(?s)[^\\p{L}]*[\\p{Lu}\\p{Lt}].*")
                        && !item.matches("(?s).*(\\p{Ll}\\p{Lu}|\\p{Nd}[.:]\\p{Nd}|[{}<>=;_/\\\\$#@|`\"]).*")) {
                    runChrome++;
                    List<String> words = java.util.Arrays.stream(stripped.toLowerCase(java.util.Locale.ROOT).split("\\P{L}+")).filter(w -> !w.isEmpty()).toList();
                    runSite |= stripped.matches("(?s)\\[.+\\..*\\]") || stripped.endsWith("--") || stripped.contains("\u00a9")
                            || words.stream().anyMatch(HeadingAwareLineStructureFilter.SITE_WORDS::contains) && words.stream().allMatch(
                                    w -> HeadingAwareLineStructureFilter.SITE_WORDS.contains(w) || HeadingAwareLineStructureFilter.GLUE_WORDS.contains(w));
                }
            } else if (len >= shortLineChars && stripped.matches("(?s).*[.!?:]")) {
                if (!body || runSite) {
                    shortLines += runShort;
                    chrome += runChrome;
                }
                body = true;
                runShort = 0;
                runChrome = 0;
                runSite = false;
            }
            if (letteredWords >= 2) {
                lettered++;
                caps += allUpper ? 1 : 0;
            }
            start = end + 1;
        }
        if (lines == 0) {
            return "keep";
        }
        shortLines += runShort;
        chrome += runChrome;
        shortLines = chrome * 2 > shortLines ? shortLines : chrome;   // reference documentation: only its chrome counts
        double shortRatio = (double) shortLines / lines;
        if (shortRatio > maxShortRatio && shortLines >= 2) {
            return "drop " + shortRatio;
        }
        double capsRatio = lettered == 0 ? 0.0 : (double) caps / lettered;
        return capsRatio > maxCapsRatio && caps >= 2 ? "drop " + capsRatio : "keep";
    }

    static int nextLineLen(String t, int end) {
        if (end >= t.length()) {
            return 0;
        }
        int next = t.indexOf('\n', end + 1);
        int e = next < 0 ? t.length() : next;
        int a = PyText.stripStart(t, end + 1, e);
        return PyText.len(t, a, PyText.stripEnd(t, a, e));
    }

    static boolean nextBlank(String t, int end) {
        if (end >= t.length()) {
            return true;
        }
        int next = t.indexOf('\n', end + 1);
        return PyText.stripStart(t, end + 1, next < 0 ? t.length() : next) == (next < 0 ? t.length() : next);
    }

    @Test
    void lineStructureDecidesAsBefore() {
        int drops = 0;
        List<String> texts = texts();
        String[] heads = {"EXODUS CHAPTER 26", "Chapter 1", "1. Intro", "HEADING", "Note:", "x", "\u00c9T\u00c9 CHAPTER", "ΣΟΦΙΑ ΤΟΥ",
                "A short title", "short line", "}", "});", "42", "-- Mark Twain", "-- Choose --", "-d offset", "-c", "/dev/stdin", "[dot.gif]", "[D]", "STATIC_ROOT", "-- " + "a long comment line that runs on past eighty characters, as Lua's and SQL's do", "\u2014 Anon", "-- ", "### `module.id`", "####### seven", "#no space", "* {string}", "x = 1;", "My account", "Cart (0)", "\u00a9 2024 Fern & Pine Co.", "ServerName", "Apache 2.4.23", "10:30 Open",
            "[logo.jpg]", "- Register", "* Default: null", "\u2022 Home", "Dear Sir,", "hook", "Yours, etc.", "\u00c9t\u00e9", "< word", "Got it!"};
        Random r = new Random(4);
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int p = r.nextInt(12); p > 0; p--) {
                int k = r.nextInt(4);
                sb.append(k == 0 ? heads[r.nextInt(heads.length)] : k == 1 ? "" : k == 2 ? "A line of ordinary prose that runs on long enough to matter here."
                        : "  \t ");
                sb.append('\n');
            }
            texts.add(sb.toString());
        }
        for (String t : texts) {
            for (int shortChars : new int[] {20, 40}) {
                String want = lineStructureBefore(t, shortChars, 0.5, 0.3);
                dev.kiln.core.stage.Decision d = new HeadingAwareLineStructureFilter(shortChars, 0.5, 0.3)
                        .test(Document.of("x", t, "c4"));
                String got = d instanceof dev.kiln.core.stage.Decision.Drop drop ? "drop " + drop.value() : "keep";
                assertEquals(want, got, () -> t.length() > 200 ? t.substring(0, 200) : t);
                drops += want.equals("keep") ? 0 : 1;
            }
        }
        assertTrue(drops > 250, "drops: " + drops);
    }
}

package dev.kiln.filters.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.filters.reference.ReferenceLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Matchers sharing one scan ({@link KeywordMatcher#substringsTogether}) count exactly as each list's own
 * SUBSTRING matcher, early stop included, whatever order the lists ask in: on the sample's pages and wiki
 * chunks with the reference's three lists, and on generated texts dense with keywords that overlap within
 * and across lists, U+0130 (whose lower case is two characters) and the Kelvin sign.
 */
class KeywordMatcherTogetherTest {

    private static long compare(List<List<String>> lists, List<KeywordMatcher> together, List<String> texts, int[] limits) {
        KeywordMatcher.Mode mode = together.get(0).mode();
        List<KeywordMatcher> own = lists.stream().map(l -> KeywordMatcher.of(mode, l)).toList();
        long counted = 0;
        int round = 0;
        for (String original : texts) {
            String text = original;
            for (int limit : limits) {
                // the order the lists are asked in varies, so each of them is sometimes the one that scans
                for (int k = 0; k < lists.size(); k++) {
                    int g = (k + round) % lists.size();
                    int want = own.get(g).countDistinct(text, limit);
                    int got = together.get(g).countDistinct(text, limit);
                    String t = text;
                    int l = limit;
                    assertEquals(want, got, () -> "list " + g + ", limit " + l + ": " + (t.length() > 200 ? t.substring(0, 200) + "..." : t));
                    counted += got;
                }
                round++;
                text = new String(text); // a new identity: a fresh scan
            }
        }
        return counted;
    }

    @Test
    void theReferenceListsCountAsTheirOwnMatchersOnTheSample() {
        List<String> texts = new ArrayList<>();
        SampleCorpus.read("web.jsonl.gz", 1500).stream().map(Document::text).forEach(texts::add);
        SampleCorpus.read("wiki.jsonl.gz", 300).stream().map(Document::text).forEach(texts::add);
        List<List<String>> lists = List.of(ReferenceLists.WEB_JUNK, ReferenceLists.NAV, ReferenceLists.BOILERPLATE);
        List<KeywordMatcher> together = lists.stream().map(l -> ReferenceLists.matcher(KeywordMatcher.Mode.SUBSTRING, l)).toList();
        long counted = compare(lists, together, texts, new int[] {1, 2, 4, 1000});
        assertTrue(counted > 5000, "the sample has keywords to find: " + counted);
        assertEquals(ReferenceLists.NAV, together.get(1).keywords());
    }

    @Test
    void wholeWordMatchersCountAsTheirOwnMatchersOnTheSampleAndOnWordBoundaries() {
        List<String> texts = new ArrayList<>();
        SampleCorpus.read("web.jsonl.gz", 1500).stream().map(Document::text).forEach(texts::add);
        List<List<String>> lists = List.of(ReferenceLists.WEB_JUNK, ReferenceLists.NAV, ReferenceLists.BOILERPLATE);
        List<KeywordMatcher> together = lists.stream().map(l -> ReferenceLists.matcher(KeywordMatcher.Mode.WORDS, l)).toList();
        long counted = compare(lists, together, texts, new int[] {1, 2, 4, 1000});
        assertTrue(counted > 2000, "the sample has whole-word keywords: " + counted);
        // phrases across whitespace runs, words inside words, boundaries at marks and underscores
        List<List<String>> mine = List.of(List.of("add to cart", "home", "cart", "privacy policy", "policy"),
                List.of("homework", "to", "cart now", "a"), List.of("home page", "policy", "page"));
        List<KeywordMatcher> t = KeywordMatcher.together(KeywordMatcher.Mode.WORDS, mine);
        String[] bits = {"Add", " ", "  ", "\n", "\u00a0", "to", "CART", "cart_", "home", "Homework", "page", "policy", "Privacy", "now", "a",
                "é", "\u0301", "-", ".", "1", "x"};
        Random r = new Random(8);
        List<String> gen = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int p = r.nextInt(14); p > 0; p--) {
                sb.append(bits[r.nextInt(bits.length)]);
            }
            gen.add(sb.toString());
        }
        assertTrue(compare(mine, t, gen, new int[] {1, 2, 3, 5}) > 5000);
    }

    @Test
    void overlappingListsAndTwoCharacterLowerCasesCountAsTheirOwnMatchers() {
        List<List<String>> lists = List.of(List.of("wiki", "ki", "cookie", "cookie policy", "aba", "i\u0307n"),
                List.of("policy", "kie", "bab", "abab", "wi", "\u0130nfo"),
                List.of("ki", "kelvin", "a", "b", "ik", "cookie"));
        List<KeywordMatcher> together = KeywordMatcher.substringsTogether(lists);
        String[] bits = {"W\u0130K\u0130", "wik", "i", "\u0130", "\u0130nfo", "k", "\u212Aelvin", "Cookie", " policy", "POLICY", "ab", "ba",
                "b", "a", " ", "é", "\n", "kie", "x"};
        Random r = new Random(5);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int p = r.nextInt(10); p > 0; p--) {
                sb.append(bits[r.nextInt(bits.length)]);
            }
            texts.add(sb.toString());
        }
        long counted = compare(lists, together, texts, new int[] {0, 1, 2, 3, 5}); // under 1: each list's own automaton
        assertTrue(counted > 10_000, "dense: " + counted);
    }
}

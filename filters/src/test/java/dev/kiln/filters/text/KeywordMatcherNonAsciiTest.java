package dev.kiln.filters.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Keywords with characters above ASCII, against the plain definition (a keyword counts when the lower-cased text
 * contains it): the scan skips its fail-link walk for a character no keyword has, and must still find those that do.
 */
class KeywordMatcherNonAsciiTest {

    @Test
    void substringCountsMatchContainsOnTextsMixingKeywordAndOtherNonAsciiCharacters() {
        List<String> keywords = List.of("café", "über uns", "naïve", "€5", "straße", "ca", "é", "ße");
        KeywordMatcher m = KeywordMatcher.substrings(keywords);
        String[] bits = {"caf", "CAF", "é", "É", "e", "über", "ÜBER", " ", "uns", "na", "ï", "ive", "€", "5", "stra", "ß", "e",
                "ç", "ñ", "日本", "\u0301", "x", "\n"};
        Random r = new Random(15);
        int hits = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int p = r.nextInt(16); p > 0; p--) {
                sb.append(bits[r.nextInt(bits.length)]);
            }
            String text = sb.toString();
            String lower = text.toLowerCase(Locale.ROOT);
            int expected = (int) keywords.stream().filter(lower::contains).count();
            assertEquals(expected, m.countDistinct(text, 1000), text);
            hits += expected;
        }
        assertTrue(hits > 10_000, "keywords found " + hits);
    }
}

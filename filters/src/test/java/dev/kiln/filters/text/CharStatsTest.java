package dev.kiln.filters.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** CharStats' letter and weird-character counts against Character's own answers, code point by code point. */
class CharStatsTest {

    @Test
    void countsLettersAndWeirdCharactersAsCharacterDoesForEveryCodePoint() {
        // every BMP code point (lone surrogates included) in blocks of 4,096, then supplementary ones as pairs
        for (int from = 0; from < 0x10000; from += 4096) {
            StringBuilder sb = new StringBuilder();
            for (int c = from; c < from + 4096; c++) {
                sb.append((char) c);
            }
            check(sb.toString());
        }
        Random r = new Random(7);
        for (int n = 0; n < 200; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 500; k++) {
                int pick = r.nextInt(4);
                sb.appendCodePoint(pick == 0 ? 0x10000 + r.nextInt(0x100000) : pick == 1 ? r.nextInt(128) : r.nextInt(0x10000));
            }
            check(sb.toString());
        }
    }

    private static void check(String text) {
        int letters = 0;
        int weird = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            letters += Character.isLetter(cp) ? 1 : 0;
            weird += CharStats.isUnicodeWeird(cp) ? 1 : 0;
        }
        CharStats s = CharStats.of(new String(text));
        assertEquals(letters, s.alpha());
        assertEquals(weird, s.unicodeWeird());
        assertEquals(text.codePointCount(0, text.length()), s.codePoints());
    }
}

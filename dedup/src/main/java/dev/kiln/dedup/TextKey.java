package dev.kiln.dedup;

import org.apache.datasketches.hash.MurmurHash3;

/**
 * The exact-duplicate key of a text: its 128-bit MurmurHash3 after case and whitespace folding, so texts
 * that differ only in letter case, line breaks or runs of spaces get the same key. With 128 bits, the
 * chance of any false match among 10 billion texts is about 10^-19.
 *
 * <p>Case folding is per code point, {@code toLowerCase(toUpperCase(c))}, so Greek final sigma and the
 * dotless/dotted i fold with their capitals. <b>NOTE:</b> one-to-many foldings ({@code ß} vs {@code SS})
 * are not applied.
 */
public final class TextKey {

    private static final long SEED = 0x6b696c6e_65786163L;

    private TextKey() {
    }

    /** Case-folded with every whitespace run replaced by one space, trimmed. */
    public static String normalize(String text) {
        char[] c = text.toCharArray();
        return new String(c, 0, fold(c));
    }

    /**
     * Folds {@code c} in place and returns the folded length. In place is safe: no code point folds to
     * more UTF-16 units than it has (Unicode has no simple case mapping between the BMP and the
     * supplementary planes), and a space is written only in place of skipped whitespace.
     */
    private static int fold(char[] c) {
        int n = c.length;
        int w = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch < 128) {
                if (ch == ' ' || (ch >= 9 && ch <= 13) || (ch >= 28 && ch <= 31)) {
                    space = w > 0;
                    continue;
                }
                if (space) {
                    c[w++] = ' ';
                    space = false;
                }
                c[w++] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
                continue;
            }
            int cp = ch;
            int units = 1;
            if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                cp = Character.toCodePoint(ch, c[i + 1]);
                units = 2;
            }
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = w > 0;
                i += units - 1;
                continue;
            }
            if (space) {
                c[w++] = ' ';
                space = false;
            }
            int f = Character.toLowerCase(Character.toUpperCase(cp));
            if (Character.charCount(f) > units) {
                f = cp;
            }
            w += Character.toChars(f, c, w);
            i += units - 1;
        }
        return w;
    }

    /**
     * The 128-bit key of {@code text} as {@code {h1, h2}}: MurmurHash3 of the folded text's UTF-16 code units.
     * Empty and whitespace-only texts all share one key (DataSketches refuses to hash zero units).
     */
    public static long[] of(String text) {
        char[] c = text.toCharArray();
        int n = fold(c);
        return n == 0 ? new long[] {SEED, ~SEED} : MurmurHash3.hash(c, 0, n, SEED);
    }
}

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
        return new String(fold(text));
    }

    private static char[] fold(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.appendCodePoint(cp < 128 ? (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp) : Character.toLowerCase(Character.toUpperCase(cp)));
        }
        char[] out = new char[sb.length()];
        sb.getChars(0, out.length, out, 0);
        return out;
    }

    /** The 128-bit key of {@code text} as {@code {h1, h2}}: MurmurHash3 of the folded text's UTF-16 code units. */
    public static long[] of(String text) {
        return MurmurHash3.hash(fold(text), SEED);
    }
}

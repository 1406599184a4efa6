package dev.kiln.dedup;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.datasketches.hash.MurmurHash3;

/**
 * The exact-duplicate key of a text: its 128-bit MurmurHash3 after case and whitespace folding, so texts
 * that differ only in letter case, line breaks or runs of spaces get the same key. With 128 bits, the
 * chance of any false match among 10 billion texts is about 10^-19.
 */
public final class TextKey {

    private static final long SEED = 0x6b696c6e_65786163L;

    private TextKey() {
    }

    /**
     * Case-folded (upper- then lower-cased, locale-independent, so {@code ß}/{@code SS} and Greek final sigma fold
     * together) with every whitespace run replaced by one space, trimmed.
     */
    public static String normalize(String text) {
        text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
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
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** The 128-bit key of {@code text} as {@code {h1, h2}}. */
    public static long[] of(String text) {
        return MurmurHash3.hash(normalize(text).getBytes(StandardCharsets.UTF_8), SEED);
    }
}

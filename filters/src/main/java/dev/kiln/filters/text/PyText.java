package dev.kiln.filters.text;

/**
 * Python string semantics that the reference profile must reproduce exactly (reference-pipeline.md
 * section 0): lengths in code points, {@code str.isspace()}/{@code str.strip()} over Python's whitespace
 * set, {@code str.isalpha()} and {@code str.isupper()} per code point.
 *
 * <p><b>NOTE:</b> {@link String#strip()} keeps U+00A0, U+2007, U+202F and U+0085, which Python strips;
 * use {@link #strip(CharSequence, int, int)} here.
 */
public final class PyText {

    private PyText() {
    }

    /** Python {@code str.isspace()} for one code point (also what {@code re}'s {@code \s} matches). */
    public static boolean isSpace(int cp) {
        if (cp < 128) {
            return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
        }
        return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
                || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Python {@code str.isalpha()} for one code point (categories Lu, Ll, Lt, Lm, Lo). */
    public static boolean isAlpha(int cp) {
        if (cp < 128) {
            return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
        }
        return Character.isLetter(cp);
    }

    /** Python {@code str.isdigit()}-style decimal digit as {@code re}'s {@code \d} matches it (category Nd). */
    public static boolean isDecimal(int cp) {
        return cp < 128 ? cp >= '0' && cp <= '9' : Character.isDigit(cp);
    }

    /** Code points in {@code s}. */
    public static int len(CharSequence s) {
        return Character.codePointCount(s, 0, s.length());
    }

    /** Code points in {@code s[from, to)} (UTF-16 indices). */
    public static int len(CharSequence s, int from, int to) {
        return Character.codePointCount(s, from, to);
    }

    /** First UTF-16 index in {@code [from, to)} that is not Python whitespace, or {@code to}. */
    public static int stripStart(CharSequence s, int from, int to) {
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (!isSpace(c)) { // whitespace is always in the BMP
                break;
            }
            i++;
        }
        return i;
    }

    /** One past the last UTF-16 index in {@code [from, to)} that is not Python whitespace, or {@code from}. */
    public static int stripEnd(CharSequence s, int from, int to) {
        int j = to;
        while (j > from && isSpace(s.charAt(j - 1))) {
            j--;
        }
        return j;
    }

    /** Python {@code s[from:to].strip()}. */
    public static String strip(CharSequence s, int from, int to) {
        int a = stripStart(s, from, to);
        int b = stripEnd(s, a, to);
        return s.subSequence(a, b).toString();
    }

    /** Python {@code s.strip()}. */
    public static String strip(CharSequence s) {
        return strip(s, 0, s.length());
    }

    /** Code points of Python {@code s[from:to].strip()} without building the string. */
    public static int strippedLen(CharSequence s, int from, int to) {
        int a = stripStart(s, from, to);
        int b = stripEnd(s, a, to);
        return len(s, a, b);
    }

    /** Python {@code str.lower()} (full Unicode lower-casing, e.g. U+0130 becomes "i" + U+0307). */
    public static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * Pages with too little running prose (link lists, menus, tables, encoded blobs): drops text in which prose
 * lines hold less than {@code min_prose_share} of the non-blank characters. A prose line has at least
 * {@value #MIN_WORDS} words and words make up at least {@value #MIN_WORD_SHARE} of its space-separated tokens;
 * a word is letters (digits, inner apostrophes, hyphens and dots allowed after the first letter) with
 * surrounding punctuation, quotes, backticks or markdown emphasis. Unlike the mean line length of
 * {@code paragraph_quality}, the share does not depend on how lines are wrapped: hard-wrapped man pages and
 * READMEs, verse-per-line scripture, commentary full of verse references and API docs with list items and
 * code samples measure 0.3 or more (docs/benchmarks/filter-fidelity.md; an API page that is mostly example code
 * can measure less), link lists under 0.16, stylesheets and encoded blobs 0.
 */
public final class ProseShareFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "prose_share";

    /** Default {@code min_prose_share}. */
    public static final double DEFAULT_MIN_SHARE = 0.2;

    static final int MIN_WORDS = 6;
    static final double MIN_WORD_SHARE = 0.6;
    /** What may open a word, before its first letter. */
    private static final String OPEN = "(\"'“‘[`*_";
    /** What may join letters inside a word. */
    private static final String JOIN = "'’.-";
    /** What may close a word, after its last letter or digit. */
    private static final String CLOSE = ".,;:!?)]\"'”’`*_";
    private static final int OPENS = 1;
    private static final int JOINS = 2;
    private static final int CLOSES = 4;
    private static final byte[] ASCII_ROLE = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ROLE[c] = (byte) roleOf(c);
        }
    }

    /** The roles of {@code c}: {@link #OPENS}, {@link #JOINS}, {@link #CLOSES} as bits. */
    private static int role(char c) {
        return c < 128 ? ASCII_ROLE[c] : roleOf(c);
    }

    private static int roleOf(char c) {
        return (OPEN.indexOf(c) >= 0 ? OPENS : 0) | (JOIN.indexOf(c) >= 0 ? JOINS : 0) | (CLOSE.indexOf(c) >= 0 ? CLOSES : 0);
    }
    private final double minShare;

    public ProseShareFilter(double minShare) {
        this.minShare = ConfigException.checkRange("min_prose_share", minShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        long total = 0;
        long prose = 0;
        int n = t.length();
        for (int start = 0; start <= n; ) {
            int end = t.indexOf('\n', start);
            end = end < 0 ? n : end;
            int a = start;
            int b = end;
            while (a < b && Character.isWhitespace(t.charAt(a))) {
                a++; // String.strip's whitespace; no supplementary code point is whitespace
            }
            while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                total += b - a;
                prose += isProse(t, a, b) ? b - a : 0;
            }
            start = end + 1;
        }
        double share = total == 0 ? 0.0 : (double) prose / total;
        return share < minShare ? Decision.drop(NAME, share) : Decision.keep();
    }

    /** Whether {@code line} (stripped) is prose. */
    static boolean isProse(String line) {
        return isProse(line, 0, line.length());
    }

    /**
     * Whether {@code t[from, to)}, a stripped line, is prose: its tokens are the runs between ASCII
     * whitespace ({@code \\s}), a word is {@code OPEN* letter (letter|digit)* (JOIN (letter|digit)+)* CLOSE*}
     * over code points, letters and digits as {@code \\p{L}} and {@code \\p{N}}.
     */
    static boolean isProse(String t, int from, int to) {
        int tokens = 0;
        int words = 0;
        int i = from;
        while (i < to) {
            while (i < to && isSpace(t.charAt(i))) {
                i++;
            }
            if (i == to) {
                break;
            }
            int end = i;
            while (end < to && !isSpace(t.charAt(end))) {
                end++;
            }
            tokens++;
            words += isWord(t, i, end) ? 1 : 0;
            i = end;
        }
        return words >= MIN_WORDS && words >= MIN_WORD_SHARE * tokens;
    }

    private static boolean isWord(String t, int from, int to) {
        int i = from;
        while (i < to && (role(t.charAt(i)) & OPENS) != 0) {
            i++;
        }
        if (i == to) {
            return false;
        }
        int cp = t.codePointAt(i);
        if (!Character.isLetter(cp)) {
            return false;
        }
        i += Character.charCount(cp);
        i = alnums(t, i, to);
        while (i + 1 < to && (role(t.charAt(i)) & JOINS) != 0) {
            int next = alnums(t, i + 1, to);
            if (next == i + 1) {
                break; // not followed by a letter or digit: the closing part starts here
            }
            i = next;
        }
        while (i < to && (role(t.charAt(i)) & CLOSES) != 0) {
            i++;
        }
        return i == to;
    }

    /** The end of the run of letters and digits starting at {@code i}. */
    private static int alnums(String t, int i, int to) {
        while (i < to) {
            char c = t.charAt(i);
            if (c < 128) { // ASCII letters and digits are its only \\p{L} and \\p{N}
                if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9') {
                    i++;
                    continue;
                }
                break;
            }
            int cp = t.codePointAt(i);
            if (!Character.isLetter(cp) && !isNumber(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    /** {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}

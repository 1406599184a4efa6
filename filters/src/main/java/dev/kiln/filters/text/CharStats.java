package dev.kiln.filters.text;


/**
 * Character-level measurements of one text, computed in a single pass and shared by the rules that read
 * them (alpha ratio, weird-symbol ratios, spam punctuation, pipes, character runs, entropy): the
 * "score once, decide many times" split of dolma's taggers. Each filter keeps its own threshold and
 * decision; only the counting is shared, through a one-entry per-thread cache keyed on the text's
 * identity, so a document passing through C1..C6 and G0..G5 is scanned once instead of eight times.
 *
 * <p>All counts are over Unicode code points, as the reference's Python counts them.
 *
 * <p><b>NOTE:</b> each thread keeps its last text reachable until it measures the next one.
 */
public final class CharStats {

    private static final int ALPHA = 1;
    private static final int SPAM = 2;
    private static final int ASCII_WEIRD = 4;
    private static final int UNICODE_WEIRD = 8;
    private static final byte[] ASCII = new byte[128];

    static {
        for (int c = 0; c < 128; c++) {
            int f = 0;
            if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                f |= ALPHA;
            }
            if ("\"',-./:;=\\_|".indexOf(c) >= 0) {
                f |= SPAM;
            }
            if (!(c >= 0x20 && c < 0x7F) && !(c >= 0x09 && c <= 0x0D)) {
                f |= ASCII_WEIRD;
            }
            if (isUnicodeWeird(c)) {
                f |= UNICODE_WEIRD;
            }
            ASCII[c] = (byte) f;
        }
    }

    /** Characters whose longest run C2 checks: {@code / | = - ' "}. */
    private static final String RUN_CHARS = "/|=-'\"";

    private static final ThreadLocal<CharStats> LAST = new ThreadLocal<>();

    private final String text;
    private int codePoints;
    private int alpha;
    private int asciiWeird;
    private int unicodeWeird;
    private int spamPunct;
    private int pipes;
    private int maxRun;
    private final int[] maxRunOf = new int[RUN_CHARS.length()];
    private final int[] asciiHist = new int[128];
    private int[] otherKeys;   // open-addressing histogram of non-ASCII code points (keys 0 = empty)
    private int[] otherCounts;
    private int otherSize;
    private boolean anyNonNewline;
    private double entropy = Double.NaN;

    private CharStats(String text) {
        this.text = text;
        scan();
    }

    /** The measurements of {@code text} (cached per thread for the last text seen). */
    public static CharStats of(String text) {
        CharStats last = LAST.get();
        if (last != null && last.text == text) {
            return last;
        }
        CharStats s = new CharStats(text);
        LAST.set(s);
        return s;
    }

    private void scan() {
        int n = text.length();
        char[] t = TextChars.of(text);
        int[] hist = asciiHist;
        int prev = -1;
        int run = 0;
        int pairs = 0;
        boolean nonNewline = false;
        for (int i = 0; i < n; i++) {
            int cp = t[i];
            if (cp < 128) {
                hist[cp]++; // ASCII classes are summed from the histogram after the loop
            } else {
                if (Character.isHighSurrogate((char) cp) && i + 1 < n && Character.isLowSurrogate(t[i + 1])) {
                    cp = Character.toCodePoint((char) cp, t[++i]);
                    pairs++;
                }
                if (Character.isLetter(cp)) {
                    alpha++;
                }
                asciiWeird++;
                if (isUnicodeWeird(cp)) {
                    unicodeWeird++;
                }
                countOther(cp);
            }
            if (cp == prev) {
                run++;
                continue;
            }
            if (run > 1) {
                endRun(prev, run);
            }
            prev = cp;
            run = 1;
            nonNewline |= cp != '\n'; // a repeat of prev was tested when prev was
        }
        if (run > 1) {
            endRun(prev, run);
        }
        anyNonNewline = nonNewline;
        if (maxRun == 0 && anyNonNewline) {
            maxRun = 1;
        }
        codePoints = n - pairs;
        for (int c = 0; c < 128; c++) {
            int k = asciiHist[c];
            if (k != 0) {
                int f = ASCII[c];
                alpha += (f & ALPHA) != 0 ? k : 0;
                spamPunct += (f & SPAM) != 0 ? k : 0;
                asciiWeird += (f & ASCII_WEIRD) != 0 ? k : 0;
                unicodeWeird += (f & UNICODE_WEIRD) != 0 ? k : 0;
            }
        }
        pipes = asciiHist['|'];
    }

    private void countOther(int cp) {
        if (otherKeys == null) {
            otherKeys = new int[64];
            otherCounts = new int[64];
        }
        int mask = otherKeys.length - 1;
        int h = (cp * 0x9E3779B9) >>> 16 & mask;
        while (otherKeys[h] != 0 && otherKeys[h] != cp) {
            h = (h + 1) & mask;
        }
        if (otherKeys[h] == 0) {
            otherKeys[h] = cp;
            if (++otherSize * 2 > otherKeys.length) {
                otherCounts[h]++;
                grow();
                return;
            }
        }
        otherCounts[h]++;
    }

    private void grow() {
        int[] keys = otherKeys;
        int[] counts = otherCounts;
        otherKeys = new int[keys.length * 2];
        otherCounts = new int[keys.length * 2];
        int mask = otherKeys.length - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                int h = (keys[i] * 0x9E3779B9) >>> 16 & mask;
                while (otherKeys[h] != 0) {
                    h = (h + 1) & mask;
                }
                otherKeys[h] = keys[i];
                otherCounts[h] = counts[i];
            }
        }
    }

    private void endRun(int c, int run) {
        if (c == '\n') {
            return;
        }
        if (run > maxRun) {
            maxRun = run;
        }
        if (c < 128) {
            int k = RUN_CHARS.indexOf(c);
            if (k >= 0 && run > maxRunOf[k]) {
                maxRunOf[k] = run;
            }
        }
    }

    /** Whether {@code cp} is a control other than tab, LF and CR, private use, unassigned, a surrogate, or U+FFFD. */
    public static boolean isUnicodeWeird(int cp) {
        if (cp < 128) {
            return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' || cp == 0x7F;
        }
        if (cp == 0xFFFD) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || type == Character.SURROGATE;
    }

    /** Length in code points. */
    public int codePoints() {
        return codePoints;
    }

    /** Code points that are letters ({@code str.isalpha}). */
    public int alpha() {
        return alpha;
    }

    /** Code points outside ASCII letters, digits, punctuation and {@code " \t\n\r\x0b\x0c"} (reference G3). */
    public int asciiWeird() {
        return asciiWeird;
    }

    /** Controls (other than tab, LF, CR), private use, unassigned, surrogates and U+FFFD (kiln). */
    public int unicodeWeird() {
        return unicodeWeird;
    }

    /** Code points among {@code . , ; : - / | = _ \ " '} (reference C2). */
    public int spamPunct() {
        return spamPunct;
    }

    /** Number of {@code |}. */
    public int pipes() {
        return pipes;
    }

    /** Longest run of one code point other than {@code \n}. */
    public int maxRun() {
        return maxRun;
    }

    /** Longest run of {@code c}, one of {@code / | = - ' "}. */
    public int maxRunOf(char c) {
        int k = RUN_CHARS.indexOf(c);
        if (k < 0) {
            throw new IllegalArgumentException("runs are tracked only for " + RUN_CHARS + ": " + c);
        }
        return maxRunOf[k];
    }

    /** Shannon entropy of the code point distribution in bits; 0 for an empty text. */
    public double entropy() {
        if (Double.isNaN(entropy)) {
            double h = 0;
            if (codePoints > 0) {
                double n = codePoints;
                for (int c : asciiHist) {
                    if (c > 0) {
                        h -= c / n * Math.log(c / n);
                    }
                }
                if (otherCounts != null) {
                    for (int c : otherCounts) {
                        if (c > 0) {
                            h -= c / n * Math.log(c / n);
                        }
                    }
                }
                h /= Math.log(2);
            }
            entropy = h;
        }
        return entropy;
    }
}

package dev.kiln.filters.rules;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.TextChars;
import java.util.Arrays;

/**
 * Filler made of real English words: drops a page whose sentences (lines of at least 8 words ending in
 * {@code . ! ?}, a closing quote or bracket allowed after it) hold at least {@value #MIN_SENTENCE_WORDS} words, of
 * which under {@code min_function_share} are English function words ({@link UnknownLanguageFilter#WORDS}). English
 * sentences run 0.25 to 0.45 (the lowest clean page of the labelled sets, a Perl POD page of option lists, 0.13);
 * hipster and corporate ipsum ("Banh mi Blue Bottle Portland vinyl letterpress", "Proactively conceptualize
 * extensible architectures") 0.03 to 0.12. Lines that are not sentences (lists, tables, code, headings) are not
 * read, so a page of those is left to the other rules. <b>NOTE:</b> for English text; a profile for other
 * languages leaves it out.
 */
public final class FunctionWordsFilter implements Filter {

    /** Reason code. */
    public static final String NAME = "function_words";

    /** Default {@code min_function_share}. */
    public static final double DEFAULT_MIN_SHARE = 0.12;

    /** Fewer words in sentences are too few to judge. */
    static final int MIN_SENTENCE_WORDS = 100;

    private static final int MIN_WORDS_PER_SENTENCE = 8;

    /** The function words packed as lower-case ASCII, 5 bits a letter (all are at most 5 letters), sorted. */
    private static final long[] PACKED = Arrays.stream(UnknownLanguageFilter.WORDS.trim().split("\\s+"))
            .mapToLong(FunctionWordsFilter::pack).sorted().toArray();

    private final double minShare;

    public FunctionWordsFilter(double minShare) {
        this.minShare = ConfigException.checkRange("min_function_share", minShare, 0.0, 1.0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        char[] chars = TextChars.of(t);   // the same characters, read without charAt's coder test
        long words = 0;
        long function = 0;
        for (int start = 0; start < t.length(); ) {
            int end = t.indexOf('\n', start);
            end = end < 0 ? t.length() : end;
            if (endsSentence(t, start, end)) {   // only sentences are read
                long lineWords = 0;
                long lineFunction = 0;
                for (int i = start; i < end; ) {
                    char c = chars[i];
                    if (!letter(c)) {
                        i++;
                        continue;
                    }
                    int w = i;
                    long packed = 0;
                    for (; i < end && letter(c = chars[i]); i++) {
                        int l = c | 0x20;
                        packed = packed >= 0 && l >= 'a' && l <= 'z' && i - w < 5 ? packed << 5 | (l - 'a' + 1) : -1;
                    }
                    lineWords++;
                    lineFunction += packed > 0 && Arrays.binarySearch(PACKED, packed) >= 0 ? 1 : 0;
                }
                if (lineWords >= MIN_WORDS_PER_SENTENCE) {
                    words += lineWords;
                    function += lineFunction;
                }
            }
            start = end + 1;
        }
        if (words < MIN_SENTENCE_WORDS) {
            return Decision.keep();
        }
        double share = (double) function / words;
        return share < minShare ? Decision.drop(NAME, share) : Decision.keep();
    }

    /** A letter; ASCII without {@link Character}'s tables. */
    private static boolean letter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    /** Whether {@code t[start, end)} ends with {@code . ! ?}, then at most closing quotes, brackets and spaces. */
    static boolean endsSentence(String t, int start, int end) {
        int i = end - 1;
        while (i >= start && (Character.isWhitespace(t.charAt(i)) || "\"')]\u201d\u2019".indexOf(t.charAt(i)) >= 0)) {
            i--;
        }
        return i >= start && ".!?".indexOf(t.charAt(i)) >= 0;
    }

    /** A function word lower-cased, 5 bits a letter. */
    private static long pack(String w) {
        long v = 0;
        for (int i = 0; i < w.length(); i++) {
            v = v << 5 | (w.charAt(i) - 'a' + 1);
        }
        return v;
    }
}

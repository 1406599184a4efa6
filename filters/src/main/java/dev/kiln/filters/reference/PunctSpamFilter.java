package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;

/**
 * C2: (a) the 12 SPAM_PUNCT characters ({@code . , ; : - / | = _ \ " '}) make up more than
 * {@code max_punct_ratio} (0.20) of the code points, or (b) the text contains {@code ////}, {@code ||||},
 * {@code ====}, {@code ----}, {@code ''''''} or {@code """"""} (4 or 6 in a row). Linear scan. The drop
 * value is the ratio for (a) and the longest offending run for (b).
 */
public final class PunctSpamFilter implements Filter {

    /** Reference id. */
    public static final String C2 = "C2_punct_spam";

    private final double maxRatio;

    public PunctSpamFilter(double maxRatio) {
        this.maxRatio = Check.ratio("max_punct_ratio", maxRatio);
    }

    /** Part (a)'s measure: the share of the 12 SPAM_PUNCT characters among the code points (0 for an empty text). */
    public static double ratio(CharStats s) {
        int n = s.codePoints();
        return n == 0 ? 0.0 : (double) s.spamPunct() / n;
    }

    @Override
    public String name() {
        return C2;
    }

    @Override
    public Decision test(Document doc) {
        CharStats s = CharStats.of(doc.text());
        double ratio = ratio(s);
        if (ratio > maxRatio) {
            return Decision.drop(C2, ratio);
        }
        int run = Math.max(Math.max(s.maxRunOf('/'), s.maxRunOf('|')), Math.max(s.maxRunOf('='), s.maxRunOf('-')));
        if (run >= 4) {
            return Decision.drop(C2, run);
        }
        int quotes = Math.max(s.maxRunOf('\''), s.maxRunOf('"'));
        return quotes >= 6 ? Decision.drop(C2, quotes) : Decision.keep();
    }
}

package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;

/**
 * G1 / C1: share of letters ({@code isalpha}) among all code points, spaces, digits and punctuation
 * included in the denominator; drops when the share is below {@code min_alpha_ratio}. An empty text has
 * share 0.
 */
public final class AlphaRatioFilter implements Filter {

    /** Reference id of the global rule. */
    public static final String G1 = "G1_alpha_ratio";
    /** Reference id of the C4 rule. */
    public static final String C1 = "C1_alpha_ratio";

    private final String reason;
    private final double minRatio;

    public AlphaRatioFilter(String reason, double minRatio) {
        this.reason = reason;
        this.minRatio = Check.ratio("min_alpha_ratio", minRatio);
    }

    /** G1 with the reference threshold 0.65. */
    public static AlphaRatioFilter g1(double minRatio) {
        return new AlphaRatioFilter(G1, minRatio);
    }

    /** C1 with the reference threshold 0.70. */
    public static AlphaRatioFilter c1(double minRatio) {
        return new AlphaRatioFilter(C1, minRatio);
    }

    @Override
    public String name() {
        return reason;
    }

    @Override
    public Decision test(Document doc) {
        CharStats s = CharStats.of(doc.text());
        int n = s.codePoints();
        int alpha = s.alpha();
        double ratio = n == 0 ? 0.0 : (double) alpha / n;
        return ratio >= minRatio ? Decision.keep() : Decision.drop(reason, ratio);
    }
}

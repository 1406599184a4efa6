package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;

/**
 * C2: (a) the 12 SPAM_PUNCT characters ({@code . , ; : - / | = _ \ " '}) make up more than
 * {@code max_punct_ratio} (0.20) of the code points, or (b) the text contains {@code ////}, {@code ||||},
 * {@code ====}, {@code ----}, {@code ''''''} or {@code """"""} (4 or 6 in a row). Linear scan. The drop
 * value is the ratio for (a) and the run length for (b).
 */
public final class PunctSpamFilter implements Filter {

    /** Reference id. */
    public static final String C2 = "C2_punct_spam";

    private final double maxRatio;

    public PunctSpamFilter(double maxRatio) {
        this.maxRatio = Check.ratio("max_punct_ratio", maxRatio);
    }

    @Override
    public String name() {
        return C2;
    }

    @Override
    public Decision test(Document doc) {
        String t = doc.text();
        int n = 0;
        int punct = 0;
        char prev = 0;
        int run = 0;
        int spamRun = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!Character.isLowSurrogate(c) || i == 0 || !Character.isHighSurrogate(t.charAt(i - 1))) {
                n++;
            }
            switch (c) {
                case '.', ',', ';', ':', '-', '/', '|', '=', '_', '\\', '"', '\'' -> punct++;
                default -> { }
            }
            run = c == prev ? run + 1 : 1;
            prev = c;
            if (spamRun == 0 && run >= needed(c)) {
                spamRun = run;
            }
        }
        double ratio = n == 0 ? 0.0 : (double) punct / n;
        if (ratio > maxRatio) {
            return Decision.drop(C2, ratio);
        }
        return spamRun > 0 ? Decision.drop(C2, spamRun) : Decision.keep();
    }

    private static int needed(char c) {
        return switch (c) {
            case '/', '|', '=', '-' -> 4;
            case '\'', '"' -> 6;
            default -> Integer.MAX_VALUE;
        };
    }
}

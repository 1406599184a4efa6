package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.CharStats;
import java.util.HashMap;
import java.util.Map;

/**
 * C6: character Shannon entropy in bits, {@code H = -sum p log2 p} over code points (case-sensitive,
 * whitespace included); keeps {@code min_entropy <= H <= max_entropy} (3.5 .. 5.6; English prose is about
 * 4.1 to 4.5). An empty text has H = 0.
 */
public final class EntropyFilter implements Filter {

    /** Reference id. */
    public static final String C6 = "C6_entropy";

    private final double minEntropy;
    private final double maxEntropy;

    public EntropyFilter(double minEntropy, double maxEntropy) {
        this.minEntropy = Check.range("min_entropy", minEntropy, 0, 32);
        this.maxEntropy = Check.range("max_entropy", maxEntropy, minEntropy, 32);
    }

    @Override
    public String name() {
        return C6;
    }

    @Override
    public Decision test(Document doc) {
        double h = CharStats.of(doc.text()).entropy();
        return h >= minEntropy && h <= maxEntropy ? Decision.keep() : Decision.drop(C6, h);
    }

    /** Character entropy of {@code t} in bits per code point. */
    public static double entropy(String t) {
        int[] ascii = new int[128];
        Map<Integer, int[]> other = null;
        int n = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            n++;
            if (cp < 128) {
                ascii[cp]++;
            } else {
                if (other == null) {
                    other = new HashMap<>();
                }
                other.computeIfAbsent(cp, k -> new int[1])[0]++;
            }
        }
        if (n == 0) {
            return 0.0;
        }
        double h = 0;
        for (int c : ascii) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        if (other != null) {
            for (int[] c : other.values()) {
                double p = (double) c[0] / n;
                h -= p * Math.log(p);
            }
        }
        return h / Math.log(2);
    }
}

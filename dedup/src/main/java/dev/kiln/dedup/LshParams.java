package dev.kiln.dedup;

import dev.kiln.core.config.ConfigException;
import java.util.Locale;
import org.apache.datasketches.hash.MurmurHash3;

/**
 * Banding of a MinHash signature for locality-sensitive hashing: {@code bands} bands of {@code rows}
 * values each; two documents become a candidate pair when all rows of at least one band agree, which for
 * Jaccard similarity s happens with probability {@code P(s) = 1 - (1 - s^r)^b} (the S-curve, midpoint
 * about {@code (1/b)^(1/r)}).
 *
 * <p>{@link #optimal} picks b and r the way datasketch's {@code _optimal_param} does: the minimum of
 * {@code wFp * integral_0^t P(s) ds + wFn * integral_t^1 (1 - P(s)) ds} over all b, r with
 * {@code b * r <= numPerm}. kiln verifies every candidate pair against the threshold afterwards, so a
 * false positive costs only a signature comparison while a false negative loses a duplicate; its default
 * weights ({@value #DEFAULT_FP_WEIGHT} / {@value #DEFAULT_FN_WEIGHT}) therefore favour recall and move
 * the midpoint below the threshold (t 0.85, 128 permutations: 12 x 10, midpoint 0.78, P(0.85) = 0.93, P(0.9) = 0.994,
 * against 8 x 16 and P(0.85) = 0.46 with equal weights).
 *
 * @param bands number of bands b, at least 1
 * @param rows rows per band r, at least 1
 */
public record LshParams(int bands, int rows) {

    /** Weight of the false-positive area in {@link #optimal(double, int)}. */
    public static final double DEFAULT_FP_WEIGHT = 0.05;
    /** Weight of the false-negative area in {@link #optimal(double, int)}. */
    public static final double DEFAULT_FN_WEIGHT = 0.95;

    public LshParams {
        ConfigException.checkRange("bands", bands, 1, 8192);
        ConfigException.checkRange("rows", rows, 1, 8192);
    }

    /** The best banding for {@code threshold} with the default (recall-leaning) weights. */
    public static LshParams optimal(double threshold, int numPerm) {
        return optimal(threshold, numPerm, DEFAULT_FP_WEIGHT, DEFAULT_FN_WEIGHT);
    }

    /** The b x r with {@code b * r <= numPerm} minimising {@code wFp * FP area + wFn * FN area} at {@code threshold}. */
    public static LshParams optimal(double threshold, int numPerm, double wFp, double wFn) {
        ConfigException.checkRange("threshold", threshold, 0.01, 1.0);
        ConfigException.checkRange("num_perm", numPerm, 1, 8192);
        LshParams best = null;
        double bestErr = Double.MAX_VALUE;
        for (int b = 1; b <= numPerm; b++) {
            for (int r = 1; r <= numPerm / b; r++) {
                LshParams p = new LshParams(b, r);
                double err = wFp * p.falsePositiveArea(threshold) + wFn * p.falseNegativeArea(threshold);
                if (err < bestErr - 1e-15) {
                    bestErr = err;
                    best = p;
                }
            }
        }
        return best;
    }

    /** Number of signature values used ({@code bands * rows}); the rest of the signature is unused for banding. */
    public int hashesUsed() {
        return bands * rows;
    }

    /** Probability that a pair with Jaccard similarity {@code s} shares at least one band. */
    public double probability(double s) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    /** {@code integral_0^t P(s) ds}: how much below-threshold similarity becomes candidates. */
    public double falsePositiveArea(double t) {
        return integrate(0, t, false);
    }

    /** {@code integral_t^1 (1 - P(s)) ds}: how much above-threshold similarity is missed. */
    public double falseNegativeArea(double t) {
        return integrate(t, 1, true);
    }

    private double integrate(double lo, double hi, boolean complement) {
        int n = 200; // Simpson's rule, even n; P is smooth
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double p = probability(lo + i * h);
            double f = complement ? 1 - p : p;
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    /** The bucket key of band {@code band} of {@code sig}: a 64-bit hash of its rows, salted by the band. */
    public long bandKey(long[] sig, int offset, int band) {
        return MurmurHash3.hash(sig, offset + band * rows, rows, 0x6c7368L + band)[0];
    }

    /** One line for logs: b x r, midpoint, areas and P at a few similarities. */
    public String describe(double threshold) {
        return String.format(Locale.ROOT,
                "LSH %d bands x %d rows (%d hashes), midpoint %.3f, FP area %.4f, FN area %.4f at t=%.2f; "
                        + "P(0.5)=%.3f P(0.7)=%.3f P(0.8)=%.3f P(0.85)=%.3f P(0.9)=%.3f P(0.95)=%.3f",
                bands, rows, hashesUsed(), Math.pow(1.0 / bands, 1.0 / rows), falsePositiveArea(threshold),
                falseNegativeArea(threshold), threshold, probability(0.5), probability(0.7), probability(0.8),
                probability(0.85), probability(0.9), probability(0.95));
    }
}

package dev.kiln.dedup.bench;

import dev.kiln.dedup.LshParams;
import dev.kiln.dedup.MinHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Measures LSH recall against exact Jaccard similarity: for each target similarity, pairs of shingle sets
 * with exactly that Jaccard similarity are signed; the share of pairs that collide in at least one band
 * is compared with the theoretical {@code 1 - (1 - s^r)^b}, and the share that also passes verification
 * (estimated Jaccard over all permutations at least the threshold) is the end-to-end detection rate.
 */
public final class SCurve {

    /**
     * One bucket of the curve.
     *
     * @param jaccard exact Jaccard similarity of every pair in the bucket
     * @param pairs pairs measured
     * @param theory theoretical band-collision probability
     * @param candidates observed share of pairs colliding in at least one band
     * @param detected observed share colliding and passing verification
     * @param meanEstimate mean estimated Jaccard over the pairs (unbiasedness check)
     */
    public record Point(double jaccard, int pairs, double theory, double candidates, double detected, double meanEstimate) {

        /** Standard error of {@link #candidates} under the theory. */
        public double standardError() {
            return Math.sqrt(Math.max(theory * (1 - theory), 1e-12) / pairs);
        }
    }

    private SCurve() {
    }

    /**
     * Measures the curve.
     *
     * @param hasher the MinHasher under test
     * @param lsh its banding
     * @param threshold verification threshold
     * @param setSize shingles in the union of each pair (the Jaccard values are multiples of 1/setSize)
     * @param similarities target similarities
     * @param pairs pairs per similarity
     * @param seed random seed for the shingle values
     */
    public static List<Point> measure(MinHasher hasher, LshParams lsh, double threshold, int setSize, double[] similarities,
                                      int pairs, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int numPerm = hasher.config().numPerm();
        int need = (int) Math.ceil(threshold * numPerm - 1e-9);
        List<Point> out = new ArrayList<>();
        for (double s : similarities) {
            int shared = (int) Math.round(s * setSize);
            int rest = setSize - shared;
            int onlyA = rest / 2;
            int onlyB = rest - onlyA;
            double exact = shared / (double) setSize;
            int hit = 0;
            int detected = 0;
            double sumEst = 0;
            for (int p = 0; p < pairs; p++) {
                long[] a = new long[shared + onlyA];
                long[] b = new long[shared + onlyB];
                for (int i = 0; i < shared; i++) {
                    long v = rnd.nextLong();
                    a[i] = v;
                    b[i] = v;
                }
                for (int i = shared; i < a.length; i++) {
                    a[i] = rnd.nextLong();
                }
                for (int i = shared; i < b.length; i++) {
                    b[i] = rnd.nextLong();
                }
                long[] sa = hasher.sign(a).values();
                long[] sb = hasher.sign(b).values();
                boolean collide = false;
                for (int band = 0; band < lsh.bands() && !collide; band++) {
                    collide = lsh.bandKey(sa, 0, band) == lsh.bandKey(sb, 0, band);
                }
                int agree = 0;
                for (int k = 0; k < numPerm; k++) {
                    if (sa[k] == sb[k]) {
                        agree++;
                    }
                }
                sumEst += agree / (double) numPerm;
                if (collide) {
                    hit++;
                    if (agree >= need) {
                        detected++;
                    }
                }
            }
            out.add(new Point(exact, pairs, lsh.probability(exact), hit / (double) pairs, detected / (double) pairs, sumEst / pairs));
        }
        return out;
    }

    /** A Markdown table of the curve. */
    public static String table(List<Point> points) {
        StringBuilder sb = new StringBuilder("| exact J | pairs | P(candidate) theory | candidate observed | detected (verified) | mean estimated J |\n"
                + "|---|---|---|---|---|---|\n");
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "| %.3f | %d | %.3f | %.3f | %.3f | %.4f |%n", p.jaccard(), p.pairs(), p.theory(),
                    p.candidates(), p.detected(), p.meanEstimate()));
        }
        return sb.toString();
    }

}

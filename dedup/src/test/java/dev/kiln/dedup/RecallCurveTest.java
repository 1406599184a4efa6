package dev.kiln.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.dedup.bench.SCurve;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LSH recall per exact-Jaccard bucket against the theoretical S-curve of the chosen bands x rows. */
class RecallCurveTest {

    @Test
    void candidateRateFollowsTheTheoreticalSCurve() {
        DedupConfig cfg = DedupConfig.defaults();
        MinHasher h = MinHasher.create(cfg.minhash());
        double[] sims = {0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
        List<SCurve.Point> curve = SCurve.measure(h, cfg.lsh(), cfg.threshold(), 400, sims, 300, 11);
        System.out.println(cfg.lsh().describe(cfg.threshold()));
        System.out.print(SCurve.table(curve));
        for (SCurve.Point p : curve) {
            // binomial tolerance: 4 standard errors plus a little for the finite set size
            double tol = 4 * p.standardError() + 0.02;
            assertEquals(p.theory(), p.candidates(), tol, "band-collision rate at J = " + p.jaccard());
            // the signature estimate is unbiased: 300 pairs x 128 permutations, standard error < 0.003
            assertEquals(p.jaccard(), p.meanEstimate(), 0.012, "mean estimated Jaccard at J = " + p.jaccard());
        }
        // end to end: pairs well above the threshold are found, pairs well below are not
        assertTrue(curve.get(7).detected() >= 0.97, "detected at 0.95: " + curve.get(7).detected());
        assertTrue(curve.get(6).detected() >= 0.85, "detected at 0.90: " + curve.get(6).detected());
        assertTrue(curve.get(2).detected() <= 0.01, "detected at 0.70: " + curve.get(2).detected());
        assertTrue(curve.get(0).detected() == 0, "detected at 0.50: " + curve.get(0).detected());
    }

    @Test
    void optimiserMatchesDatasketchForEqualWeights() {
        // quality-rules.md section 6.1: datasketch's optimiser gives 8 x 16 at t 0.85 and 9 x 13 at t 0.8 for 128 permutations
        assertEquals(new LshParams(8, 16), LshParams.optimal(0.85, 128, 0.5, 0.5));
        assertEquals(new LshParams(9, 13), LshParams.optimal(0.8, 128, 0.5, 0.5));
        assertEquals(new LshParams(13, 19), LshParams.optimal(0.85, 256, 0.5, 0.5));
        LshParams d = LshParams.optimal(0.85, 128);
        assertTrue(d.probability(0.85) > 0.9 && d.probability(0.9) > 0.99, d.describe(0.85));
        assertEquals(0.4613, new LshParams(8, 16).probability(0.85), 0.001);
    }
}

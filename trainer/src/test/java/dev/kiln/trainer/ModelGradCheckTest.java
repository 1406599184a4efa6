package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.graph.OrtRunner;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference check of the whole model's loss gradient, per parameter tensor, in float64:
 * the directional derivative along a random direction restricted to one tensor must match central
 * differences of the loss.
 */
class ModelGradCheckTest {

    @Test
    void everyParameterTensorMatchesFiniteDifferences() throws Exception {
        LlamaConfig c = new LlamaConfig("gc", 37, 16, 2, 2, 24, 16, 1e4, 1e-5);
        ParamLayout layout = ParamLayout.of(c);
        int batch = 2;
        int seq = 8;
        Random r = new Random(3);
        float[] p32 = Init.params(c, 11);
        double[] p = new double[p32.length];
        for (int i = 0; i < p.length; i++) {
            // larger than the 0.02 init so every path carries signal; norms jittered around 1
            p[i] = p32[i] == 1.0f ? 1 + 0.3 * r.nextGaussian() : 0.3 * r.nextGaussian();
        }
        int[] tok = new int[batch * seq];
        int[] tgt = new int[batch * seq];
        for (int i = 0; i < tok.length; i++) {
            tok[i] = r.nextInt(c.vocab());
            tgt[i] = r.nextInt(c.vocab());
        }
        try (OrtRunner run = new OrtRunner(TrainingGraph.lossAndGradModel(c, batch, seq, DType.F64))) {
            Map<String, Object> in = new HashMap<>(Map.of(TrainingGraph.PARAMS, p, TrainingGraph.TOKENS, tok, TrainingGraph.TARGETS, tgt));
            Map<String, double[]> out = run.run(in);
            double[] grad = out.get(TrainingGraph.GRAD);
            assertEquals(layout.size(), grad.length);
            double h = 1e-5;
            for (ParamLayout.Entry e : layout.entries()) {
                double[] dir = new double[p.length];
                for (int i = 0; i < e.size(); i++) {
                    dir[(int) e.offset() + i] = r.nextGaussian();
                }
                double analytic = 0;
                for (int i = 0; i < p.length; i++) {
                    analytic += grad[i] * dir[i];
                }
                double[] plus = p.clone();
                double[] minus = p.clone();
                for (int i = 0; i < p.length; i++) {
                    plus[i] += h * dir[i];
                    minus[i] -= h * dir[i];
                }
                in.put(TrainingGraph.PARAMS, plus);
                double lp = run.run(in).get(TrainingGraph.LOSS)[0];
                in.put(TrainingGraph.PARAMS, minus);
                double lm = run.run(in).get(TrainingGraph.LOSS)[0];
                double numeric = (lp - lm) / (2 * h);
                double rel = Math.abs(analytic - numeric) / Math.max(1e-9, Math.abs(analytic) + Math.abs(numeric));
                assertTrue(rel < 1e-6, e.name() + ": analytic " + analytic + " numeric " + numeric + " rel " + rel);
            }
        }
    }
}

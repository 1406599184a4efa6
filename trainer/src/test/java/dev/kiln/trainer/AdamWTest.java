package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.graph.Graph;
import dev.kiln.trainer.graph.OrtRunner;
import dev.kiln.trainer.graph.Val;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** In-graph clipping and AdamW against a hand computation in double precision. */
class AdamWTest {

    private static final LlamaConfig SMALL = new LlamaConfig("opt", 5, 4, 1, 2, 3, 8, 1e4, 1e-5);

    private static void check(TrainerConfig c, double gradScale, long stepsDone) throws Exception {
        ParamLayout layout = ParamLayout.of(c.model());
        int n = (int) layout.size();
        Graph g = new Graph("");
        Val step = g.input("step", DType.F32);
        Val p = g.input("p", DType.F32, n);
        Val m = g.input("m", DType.F32, n);
        Val v = g.input("v", DType.F32, n);
        Val grad = g.input("grad", DType.F32, n);
        Val lr = g.input("lr", DType.F32);
        Val[] out = TrainingGraph.adamw(g, c, layout, step, p, m, v, grad, lr);
        String[] names = {"t", "p2", "m2", "v2", "gnorm"};
        for (int i = 0; i < names.length; i++) {
            g.output(out[i], names[i]);
        }
        Random r = new Random(1);
        float[] pf = new float[n], mf = new float[n], vf = new float[n], gf = new float[n];
        for (int i = 0; i < n; i++) {
            pf[i] = (float) r.nextGaussian();
            mf[i] = (float) (0.1 * r.nextGaussian());
            vf[i] = (float) (0.01 * Math.abs(r.nextGaussian()));
            gf[i] = (float) (gradScale * r.nextGaussian());
        }
        float lrv = 0.01f;
        Map<String, double[]> res;
        try (OrtRunner run = new OrtRunner(g.toModel("adamw"))) {
            res = run.run(Map.of("step", new float[] {stepsDone}, "p", pf, "m", mf, "v", vf, "grad", gf, "lr", new float[] {lrv}));
        }
        // hand computation (PyTorch AdamW + clip_grad_norm_ semantics)
        double norm = 0;
        for (float x : gf) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        double coef = c.clipNorm() > 0 ? Math.min(1.0, c.clipNorm() / (norm + 1e-6)) : 1.0;
        double t = stepsDone + 1;
        double bc1 = 1 - Math.pow(c.beta1(), t);
        double bc2 = 1 - Math.pow(c.beta2(), t);
        assertEquals(norm, res.get("gnorm")[0], 1e-5 * norm);
        assertEquals(t, res.get("t")[0], 0);
        for (ParamLayout.Entry e : layout.entries()) {
            double wd = c.decay().decays(e.kind()) ? c.weightDecay() : 0;
            for (int i = (int) e.offset(); i < e.offset() + e.size(); i++) {
                double gi = gf[i] * coef;
                double m2 = c.beta1() * mf[i] + (1 - c.beta1()) * gi;
                double v2 = c.beta2() * vf[i] + (1 - c.beta2()) * gi * gi;
                double p2 = pf[i] * (1 - lrv * wd) - lrv / bc1 * m2 / (Math.sqrt(v2) / Math.sqrt(bc2) + c.adamEps());
                assertEquals(m2, res.get("m2")[i], 1e-6, "m " + e.name());
                assertEquals(v2, res.get("v2")[i], 1e-6, "v " + e.name());
                assertEquals(p2, res.get("p2")[i], 2e-6, "p " + e.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void clippedStepWithMatrixOnlyDecay() throws Exception {
        // gradient norm ≈ 10·sqrt(P) ≫ 1: clipping is active
        check(TrainerConfig.of(SMALL, 1, 4), 10.0, 0);
    }

    @Test
    void unclippedLaterStepWithAllParameterDecay() throws Exception {
        check(TrainerConfig.of(SMALL, 1, 4).withDecay(0.1, WeightDecay.ALL), 1e-3, 41);
    }

    @Test
    void clippingDisabledAndNoDecay() throws Exception {
        check(TrainerConfig.of(SMALL, 1, 4).withClipNorm(0).withDecay(0, WeightDecay.MATRICES), 10.0, 3);
    }
}

package dev.kiln.trainer.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference check of every VJP: for a random projection R, the gradient of
 * {@code L = Σ op(x)·R} emitted by the tape must match central differences of L along random
 * directions, in float64 so the comparison is sharp.
 */
class VjpGradCheckTest {

    private static final double H = 1e-5;

    /** Builds op(inputs) on a fresh tape and checks d/d(each float input) along random directions. */
    private static void check(String what, long[][] shapes, Function<Tape, Function<Val[], Val>> op) throws Exception {
        check(what, shapes, Tape.EmbeddingGrad.SCATTER, op);
    }

    private static void check(String what, long[][] shapes, Tape.EmbeddingGrad eg, Function<Tape, Function<Val[], Val>> op)
            throws Exception {
        Random rnd = new Random(what.hashCode());
        Graph g = new Graph("");
        Tape t = new Tape(g, eg);
        Val[] ins = new Val[shapes.length];
        List<Val> floats = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            ins[i] = t.track(g.input("x" + i, DType.F64, shapes[i]));
            floats.add(ins[i]);
        }
        Val y = op.apply(t).apply(ins);
        double[] r = gaussian(rnd, (int) y.numel());
        Val loss = t.sum(t.mul(y, g.constant(DType.F64, y.shape(), r)));
        g.output(loss, "loss");
        Map<Val, Val> grads = t.backward(loss, floats);
        for (Val f : floats) {
            g.output(grads.get(f), "g_" + f.name());
        }
        Map<String, Object> base = new HashMap<>();
        for (int i = 0; i < shapes.length; i++) {
            base.put("x" + i, gaussian(rnd, (int) ins[i].numel()));
        }
        try (OrtRunner run = new OrtRunner(g.toModel("check"))) {
            Map<String, double[]> out = run.run(base);
            for (Val f : floats) {
                double[] grad = out.get("g_" + f.name());
                for (int rep = 0; rep < 3; rep++) {
                    double[] dir = gaussian(rnd, grad.length);
                    double analytic = dot(grad, dir);
                    double[] x0 = (double[]) base.get(f.name());
                    Map<String, Object> plus = new HashMap<>(base);
                    Map<String, Object> minus = new HashMap<>(base);
                    plus.put(f.name(), axpy(x0, dir, H));
                    minus.put(f.name(), axpy(x0, dir, -H));
                    double numeric = (run.run(plus).get("loss")[0] - run.run(minus).get("loss")[0]) / (2 * H);
                    double rel = Math.abs(analytic - numeric) / Math.max(1e-8, Math.abs(analytic) + Math.abs(numeric));
                    assertTrue(rel < 1e-6, what + " d/d" + f.name() + ": analytic " + analytic + " numeric " + numeric + " rel " + rel);
                }
            }
        }
    }

    static double[] gaussian(Random r, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextGaussian();
        }
        return d;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] axpy(double[] x, double[] d, double h) {
        double[] o = x.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] += h * d[i];
        }
        return o;
    }

    @Test
    void addWithBroadcast() throws Exception {
        check("add", new long[][] {{3, 4}, {4}}, t -> x -> t.add(x[0], x[1]));
        check("add-same", new long[][] {{2, 3}, {2, 3}}, t -> x -> t.add(x[0], x[1]));
    }

    @Test
    void mulWithBroadcast() throws Exception {
        check("mul", new long[][] {{2, 3, 4}, {3, 1}}, t -> x -> t.mul(x[0], x[1]));
    }

    @Test
    void scaleReshapeTranspose() throws Exception {
        check("scale", new long[][] {{5}}, t -> x -> t.scale(x[0], -0.7));
        check("reshape", new long[][] {{2, 6}}, t -> x -> t.reshape(x[0], 3, 4));
        check("transpose", new long[][] {{2, 3, 4, 5}}, t -> x -> t.transpose(x[0], 0, 2, 3, 1));
    }

    @Test
    void silu() throws Exception {
        check("silu", new long[][] {{4, 5}}, t -> x -> t.silu(x[0]));
    }

    @Test
    void linearAndMatmul() throws Exception {
        check("linear", new long[][] {{5, 3}, {4, 3}}, t -> x -> t.linear(x[0], x[1]));
        check("matmul", new long[][] {{2, 3, 4, 5}, {2, 3, 5, 2}}, t -> x -> t.matmul(x[0], x[1]));
    }

    @Test
    void softmax() throws Exception {
        check("softmax", new long[][] {{3, 4, 6}}, t -> x -> t.softmax(x[0]));
    }

    @Test
    void rmsNorm() throws Exception {
        check("rmsnorm", new long[][] {{5, 8}, {8}}, t -> x -> t.rmsNorm(x[0], x[1], 1e-5));
    }

    @Test
    void rope() throws Exception {
        check("rope", new long[][] {{2, 3, 4, 6}}, t -> x -> {
            Graph g = t.graph();
            Random r = new Random(7);
            Val cos = g.constant(DType.F64, new long[] {4, 6}, gaussian(r, 24));
            Val sin = g.constant(DType.F64, new long[] {4, 6}, gaussian(r, 24));
            return t.rope(x[0], cos, sin);
        });
    }

    @Test
    void embeddingWithRepeatedIds() throws Exception {
        check("embedding", new long[][] {{6, 3}}, t -> x -> {
            Val ids = t.graph().constant(DType.I64, new long[] {5}, 1, 4, 1, 0, 1);
            return t.embedding(x[0], ids);
        });
    }

    @Test
    void embeddingOneHotProductWithRepeatedIds() throws Exception {
        check("embedding-one-hot", new long[][] {{6, 3}}, Tape.EmbeddingGrad.ONE_HOT, t -> x -> {
            Val ids = t.graph().constant(DType.I64, new long[] {5}, 1, 4, 1, 0, 1);
            return t.embedding(x[0], ids);
        });
    }

    @Test
    void crossEntropy() throws Exception {
        check("ce", new long[][] {{4, 7}}, t -> x -> {
            Val tg = t.graph().constant(DType.I64, new long[] {4}, 3, 0, 6, 3);
            return t.crossEntropy(x[0], tg);
        });
    }

    @Test
    void crossEntropyValueMatchesHandComputation() throws Exception {
        Graph g = new Graph("");
        Tape t = new Tape(g);
        Val x = g.input("x", DType.F64, 2, 3);
        g.output(t.crossEntropy(x, g.constant(DType.I64, new long[] {2}, 2, 0)), "loss");
        double[] v = {1, 2, 3, 0, -1, 0.5};
        double l0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3;
        double l1 = Math.log(Math.exp(0) + Math.exp(-1) + Math.exp(0.5)) - 0;
        try (OrtRunner r = new OrtRunner(g.toModel("ce"))) {
            assertEquals((l0 + l1) / 2, r.run(Map.of("x", v)).get("loss")[0], 1e-12);
        }
    }
}

package dev.kiln.trainer;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.graph.Graph;
import dev.kiln.trainer.graph.Tape;
import dev.kiln.trainer.graph.Val;
import dev.kiln.trainer.model.Llama;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds kiln's ONNX training graph: forward, backward, global-norm clipping and AdamW in one model.
 *
 * <p>Inputs: {@code step} (f32 [], optimiser steps done so far), {@code params}, {@code m},
 * {@code v} (f32 [P], flat), {@code tokens} and {@code targets} (i32 [K, A, B, T]) and {@code lrs}
 * (f32 [K]). Outputs: {@code step_out}, {@code params_out}, {@code m_out}, {@code v_out},
 * {@code losses} and {@code gnorms} (f32 [K], the pre-clip global gradient norm). With K &gt; 1 the
 * K optimiser steps run in an ONNX {@code Loop} whose body is exactly the one-step graph; with
 * A &gt; 1 micro-batches the gradients are averaged by an inner {@code Loop}.
 */
public final class TrainingGraph {

    /** Names of the graph inputs and outputs. */
    public static final String STEP = "step", PARAMS = "params", M = "m", V = "v", TOKENS = "tokens",
            TARGETS = "targets", LRS = "lrs", STEP_OUT = "step_out", PARAMS_OUT = "params_out",
            M_OUT = "m_out", V_OUT = "v_out", LOSSES = "losses", GNORMS = "gnorms", LOSS = "loss", GRAD = "grad";

    private TrainingGraph() {
    }

    /** Size of a training graph: nodes (Loop bodies included), serialised bytes and build time. */
    public record Stats(int nodes, long protoBytes, long buildMillis) {

        /** The size of {@code m}, which took {@code buildMillis} to build. */
        public static Stats of(ModelProto m, long buildMillis) {
            return new Stats(TrainerSession.countNodes(m.getGraph()), m.getSerializedSize(), buildMillis);
        }
    }

    /** Builds the training graph for {@code c} without loading it and reports its size. */
    public static Stats stats(TrainerConfig c) {
        long t0 = System.nanoTime();
        ModelProto m = build(c, c.stepsPerRun() > 1);
        return Stats.of(m, (System.nanoTime() - t0) / 1_000_000);
    }

    /** The training model for {@code c}; {@code useLoop} forces a Loop even for K = 1. */
    public static ModelProto build(TrainerConfig c, boolean useLoop) {
        ParamLayout layout = ParamLayout.of(c.model());
        long n = layout.size();
        int k = c.stepsPerRun();
        long[] tokShape = {k, c.accumulation(), c.batch(), c.seq()};
        Graph g = new Graph("");
        Val step = g.input(STEP, DType.F32);
        Val p = g.input(PARAMS, DType.F32, n);
        Val m = g.input(M, DType.F32, n);
        Val v = g.input(V, DType.F32, n);
        Val tokens = g.input(TOKENS, DType.I32, tokShape);
        Val targets = g.input(TARGETS, DType.I32, tokShape);
        Val lrs = g.input(LRS, DType.F32, k);
        long[] abt = {c.accumulation(), c.batch(), c.seq()};
        if (k == 1 && !useLoop) {
            Val[] out = step(g, c, layout, step, p, m, v, g.reshape(tokens, abt), g.reshape(targets, abt), g.reshape(lrs));
            outputs(g, out[0], out[1], out[2], out[3], g.reshape(out[4], 1), g.reshape(out[5], 1));
        } else {
            Graph body = new Graph("s_");
            Val iter = body.input("s_iter", DType.I64);
            Val cond = body.input("s_cond", DType.BOOL);
            Val bs = body.input("s_step", DType.F32);
            Val bp = body.input("s_params", DType.F32, n);
            Val bm = body.input("s_m", DType.F32, n);
            Val bv = body.input("s_v", DType.F32, n);
            Val[] out = step(body, c, layout, bs, bp, bm, bv, body.gatherRow(tokens, iter), body.gatherRow(targets, iter),
                    body.gatherRow(lrs, iter));
            body.output(body.identity(cond), "s_cond_out");
            String[] names = {"s_step_out", "s_params_out", "s_m_out", "s_v_out", "s_loss", "s_gnorm"};
            for (int i = 0; i < names.length; i++) {
                body.output(out[i], names[i]);
            }
            Val[] loop = g.opN("Loop",
                    new DType[] {DType.F32, DType.F32, DType.F32, DType.F32, DType.F32, DType.F32},
                    new long[][] {{}, {n}, {n}, {n}, {k}, {k}},
                    List.of(g.scalar(DType.I64, k), g.scalar(DType.BOOL, 1), step, p, m, v),
                    Graph.attr("body", body.toProto("train_step")));
            outputs(g, loop[0], loop[1], loop[2], loop[3], loop[4], loop[5]);
        }
        return g.toModel("kiln_train_" + c.model().name());
    }

    private static void outputs(Graph g, Val step, Val p, Val m, Val v, Val losses, Val gnorms) {
        g.output(step, STEP_OUT);
        g.output(p, PARAMS_OUT);
        g.output(m, M_OUT);
        g.output(v, V_OUT);
        g.output(losses, LOSSES);
        g.output(gnorms, GNORMS);
    }

    /**
     * One optimiser step on tokens/targets [A, B, T]: returns step', params', m', v', loss, gnorm.
     */
    static Val[] step(Graph g, TrainerConfig c, ParamLayout layout, Val step, Val p, Val m, Val v,
                      Val tokens, Val targets, Val lr) {
        Map<String, Val> views = Llama.views(g, p, layout);
        long n = layout.size();
        int a = c.accumulation();
        Val loss;
        Val grad;
        if (a == 1) {
            Val[] lg = lossAndGrad(g, c.model(), layout, views, g.reshape(tokens, c.batch(), c.seq()),
                    g.reshape(targets, c.batch(), c.seq()), c.batch(), c.seq(), c.precision().compute(), embeddingGrad(c.device()));
            loss = lg[0];
            grad = lg[1];
        } else {
            Graph body = new Graph(g.fresh("a") + "_");
            Val j = body.input(body.fresh("iter"), DType.I64);
            Val cond = body.input(body.fresh("cond"), DType.BOOL);
            Val gs = body.input(body.fresh("gsum"), DType.F32, n);
            Val ls = body.input(body.fresh("lsum"), DType.F32);
            Val[] lg = lossAndGrad(body, c.model(), layout, views, body.gatherRow(tokens, j), body.gatherRow(targets, j),
                    c.batch(), c.seq(), c.precision().compute(), embeddingGrad(c.device()));
            body.output(body.identity(cond), body.fresh("cond_out"));
            body.output(body.add(gs, lg[1]), body.fresh("gsum_out"));
            body.output(body.add(ls, lg[0]), body.fresh("lsum_out"));
            Val[] acc = g.opN("Loop", new DType[] {DType.F32, DType.F32}, new long[][] {{n}, {}},
                    List.of(g.scalar(DType.I64, a), g.scalar(DType.BOOL, 1), g.full(DType.F32, new long[] {n}, 0.0),
                            g.scalar(DType.F32, 0.0)),
                    Graph.attr("body", body.toProto("accumulate")));
            grad = g.scale(acc[0], 1.0 / a);
            loss = g.scale(acc[1], 1.0 / a);
        }
        Val[] upd = adamw(g, c, layout, step, p, m, v, grad, lr);
        return new Val[] {upd[0], upd[1], upd[2], upd[3], loss, upd[4]};
    }

    /**
     * Mean next-token cross-entropy and its flat gradient [P] for one micro-batch (tokens and
     * targets i32 [B, T]); {@code views} are the parameter tensors, which this tape tracks. The loss
     * and gradient are in the parameters' type; {@code compute} is the matrix-product type.
     */
    static Val[] lossAndGrad(Graph g, LlamaConfig c, ParamLayout layout, Map<String, Val> views,
                             Val tokens, Val targets, int batch, int seq, DType compute, Tape.EmbeddingGrad eg) {
        Tape t = new Tape(g, eg);
        List<Val> leaves = new ArrayList<>();
        for (Val w : views.values()) {
            leaves.add(t.track(w));
        }
        long bt = (long) batch * seq;
        Val ids = g.cast(g.reshape(tokens, bt), DType.I64);
        Val tgt = g.cast(g.reshape(targets, bt), DType.I64);
        Val loss = t.crossEntropy(Llama.logits(t, c, views, ids, batch, seq, compute), tgt);
        Map<Val, Val> grads = t.backward(loss, leaves);
        List<Val> flat = new ArrayList<>();
        for (ParamLayout.Entry e : layout.entries()) {
            Val gr = grads.get(views.get(e.name()));
            flat.add(gr.rank() == 1 ? gr : g.reshape(gr, e.size()));
        }
        return new Val[] {loss, g.concat(0, flat)};
    }

    /**
     * The embedding VJP per device: CPU scatter-adds sequentially (deterministic and cheapest); on
     * CUDA a scatter-add uses atomics whose order varies between runs, so the one-hot product is
     * used to keep GPU runs reproducible bit for bit.
     */
    static Tape.EmbeddingGrad embeddingGrad(Device d) {
        return d == Device.CUDA ? Tape.EmbeddingGrad.ONE_HOT : Tape.EmbeddingGrad.SCATTER;
    }

    /**
     * Global-norm clipping and AdamW (PyTorch semantics: decoupled decay {@code p·(1 − lr·wd)},
     * bias-corrected moments). Returns step', params', m', v' and the pre-clip gradient norm.
     */
    static Val[] adamw(Graph g, TrainerConfig c, ParamLayout layout, Val step, Val p, Val m, Val v, Val grad, Val lr) {
        // Scalars first, so each [P]-sized tensor is touched by as few kernels as possible: the
        // clip coefficient is folded into the moment updates instead of materialising clipped grads.
        Val gnorm = g.sqrt(sumOfSquares(g, grad));
        Val one = g.scalar(DType.F32, 1.0);
        Val coef = one;
        if (c.clipNorm() > 0) {
            coef = g.min(one, g.div(g.scalar(DType.F32, c.clipNorm()), g.add(gnorm, g.scalar(DType.F32, 1e-6))));
        }
        Val t = g.add(step, one);
        Val bc1 = g.sub(one, g.pow(g.scalar(DType.F32, c.beta1()), t));
        Val bc2 = g.sub(one, g.pow(g.scalar(DType.F32, c.beta2()), t));
        Val m2 = g.add(g.scale(m, c.beta1()), g.mul(grad, g.scale(coef, 1 - c.beta1())));
        Val v2 = g.add(g.scale(v, c.beta2()), g.mul(g.mul(grad, grad), g.scale(g.mul(coef, coef), 1 - c.beta2())));
        Val denom = g.add(g.mul(g.sqrt(v2), g.reciprocal(g.sqrt(bc2))), g.scalar(DType.F32, c.adamEps()));
        Val decayed = p;
        if (c.weightDecay() > 0) {
            Val factor = g.sub(one, g.scale(lr, c.weightDecay()));
            Val mask = decayMask(g, c.decay(), layout);
            decayed = g.mul(p, mask == null ? factor : g.op("Where", DType.F32, p.shape(), List.of(mask, factor, one)));
        }
        Val p2 = g.sub(decayed, g.mul(g.div(m2, denom), g.div(lr, bc1)));
        return new Val[] {t, p2, m2, v2, gnorm};
    }

    /**
     * Σ x² of a flat vector as a two-level reduction (rows of {@value #NORM_BLOCK}, then the row
     * sums): one long fp32 accumulation over ~10⁸ elements is biased low by ~1e-4 relative.
     */
    static Val sumOfSquares(Graph g, Val x) {
        long n = x.numel();
        long rows = n / NORM_BLOCK;
        if (rows < 2) {
            return g.reduceSumSquare(x, false);
        }
        long main = rows * NORM_BLOCK;
        Val head = main == n ? x : g.slice1d(x, 0, main);
        Val s = g.reduceSum(g.reduceSumSquare(g.reshape(head, rows, NORM_BLOCK), false, 1), false);
        return main == n ? s : g.add(s, g.reduceSumSquare(g.slice1d(x, main, n), false));
    }

    private static final long NORM_BLOCK = 1024;

    /** Boolean [P], true where a parameter is decayed (runs of ConstantOfShape, folded at load); null when all decay. */
    private static Val decayMask(Graph g, WeightDecay which, ParamLayout layout) {
        List<long[]> runs = new ArrayList<>();
        for (ParamLayout.Entry e : layout.entries()) {
            long flag = which.decays(e.kind()) ? 1 : 0;
            if (!runs.isEmpty() && runs.getLast()[0] == flag) {
                runs.getLast()[1] += e.size();
            } else {
                runs.add(new long[] {flag, e.size()});
            }
        }
        if (runs.size() == 1 && runs.getFirst()[0] == 1) {
            return null;
        }
        List<Val> parts = new ArrayList<>();
        for (long[] r : runs) {
            parts.add(g.full(DType.BOOL, new long[] {r[1]}, r[0]));
        }
        return parts.size() == 1 ? parts.getFirst() : g.concat(0, parts);
    }

    /**
     * A loss-and-gradient model in {@code type} (F64 for gradient checks): inputs {@code params} [P],
     * {@code tokens}, {@code targets} (i32 [B, T]); outputs {@code loss} and {@code grad} [P].
     */
    public static ModelProto lossAndGradModel(LlamaConfig c, int batch, int seq, DType type) {
        return lossAndGradModel(c, batch, seq, type, type);
    }

    /**
     * As {@link #lossAndGradModel(LlamaConfig, int, int, DType)}, with matrix products and attention
     * in {@code compute} (the mixed-precision recipe of {@link Precision}).
     */
    public static ModelProto lossAndGradModel(LlamaConfig c, int batch, int seq, DType type, DType compute) {
        return lossAndGradModel(c, batch, seq, type, compute, Tape.EmbeddingGrad.SCATTER);
    }

    /** As above, with the embedding VJP {@code eg}. */
    public static ModelProto lossAndGradModel(LlamaConfig c, int batch, int seq, DType type, DType compute,
                                              Tape.EmbeddingGrad eg) {
        ParamLayout layout = ParamLayout.of(c);
        Graph g = new Graph("");
        Val p = g.input(PARAMS, type, layout.size());
        Val tok = g.input(TOKENS, DType.I32, batch, seq);
        Val tgt = g.input(TARGETS, DType.I32, batch, seq);
        Val[] lg = lossAndGrad(g, c, layout, Llama.views(g, p, layout), tok, tgt, batch, seq, compute, eg);
        g.output(lg[0], LOSS);
        g.output(lg[1], GRAD);
        return g.toModel("kiln_loss_grad_" + c.name());
    }
}

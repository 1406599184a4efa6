package dev.kiln.trainer.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tape-based reverse-mode autodiff over a {@link Graph}.
 *
 * <p>Each differentiable op emits its forward nodes and, when any input is tracked, records a
 * vector-Jacobian product on the tape. {@link #backward} walks the tape in reverse and emits every
 * VJP as ONNX nodes into the same graph, so forward, backward and optimiser form one ONNX model that
 * ONNX Runtime runs as plain inference (its training API is not usable from Java; see
 * trainer-design.md section 2). RMSNorm, softmax, cross-entropy, embedding, RoPE and SiLU have
 * fused hand-written VJPs.
 *
 * <p>NOTE: values that do not depend on a tracked value (constants, masks, token ids) get no gradient
 * and no tape entry.
 */
public final class Tape {

    /** Emits the input gradients of one recorded op, given the gradient of its output. */
    @FunctionalInterface
    private interface Vjp {
        /** Gradients for each input, in order; null where the input is not tracked. */
        Val[] apply(Val gradOut);
    }

    private record Entry(Val out, List<Val> ins, Vjp vjp) {
    }

    /** How the embedding VJP accumulates rows of repeated token ids. */
    public enum EmbeddingGrad {
        /**
         * {@code ScatterElements(reduction=add)} into zeros: cheapest, and sequential on ONNX
         * Runtime's CPU provider, so exact and deterministic for any thread count. (Its
         * {@code ScatterND(reduction=add)} is not: with more than one intra-op thread, updates to a
         * repeated row race and some are lost; measured on 1.28.0, see ScatterAddRaceTest and
         * microsoft/onnxruntime#18048.)
         */
        SCATTER,
        /**
         * {@code onehot(ids)ᵀ · g} as one matrix product: deterministic on any device (a GPU
         * scatter-add uses atomics, whose order varies run to run) and needs no scatter kernel,
         * at the price of an [N, V] one-hot and a V×N×d product.
         */
        ONE_HOT
    }

    private final Graph g;
    private final EmbeddingGrad embeddingGrad;
    private final Set<String> tracked = new HashSet<>();
    private final List<Entry> entries = new ArrayList<>();

    /** A tape with the scatter-add embedding VJP. */
    public Tape(Graph g) {
        this(g, EmbeddingGrad.SCATTER);
    }

    public Tape(Graph g, EmbeddingGrad embeddingGrad) {
        this.g = g;
        this.embeddingGrad = java.util.Objects.requireNonNull(embeddingGrad, "embeddingGrad");
    }

    /** The graph this tape emits into. */
    public Graph graph() {
        return g;
    }

    /** Marks {@code v} as a leaf that gradients are taken with respect to; returns it. */
    public Val track(Val v) {
        tracked.add(v.name());
        return v;
    }

    /** Whether {@code v} depends on a tracked leaf. */
    public boolean tracks(Val v) {
        return tracked.contains(v.name());
    }

    private Val record(Val out, Vjp vjp, Val... ins) {
        for (Val in : ins) {
            if (tracks(in)) {
                tracked.add(out.name());
                entries.add(new Entry(out, List.of(ins), vjp));
                break;
            }
        }
        return out;
    }

    /**
     * Emits the backward pass of {@code loss} and returns the gradient of each leaf in {@code wrt}
     * (a zero tensor where the loss does not depend on it).
     */
    public Map<Val, Val> backward(Val loss, List<Val> wrt) {
        Map<String, Val> grads = new HashMap<>();
        grads.put(loss.name(), g.constant(loss.type(), loss.shape(), filled(loss.numel(), 1.0)));
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            Val go = grads.remove(e.out().name());
            if (go == null) {
                continue;
            }
            Val[] gi = e.vjp().apply(go);
            for (int k = 0; k < gi.length; k++) {
                Val in = e.ins().get(k);
                if (gi[k] == null || !tracks(in)) {
                    continue;
                }
                Val prev = grads.get(in.name());
                grads.put(in.name(), prev == null ? gi[k] : g.add(prev, gi[k]));
            }
        }
        Map<Val, Val> out = new LinkedHashMap<>();
        for (Val w : wrt) {
            Val gw = grads.get(w.name());
            out.put(w, gw != null ? gw : g.full(w.type(), w.shape(), 0.0));
        }
        return out;
    }

    private static double[] filled(long n, double v) {
        double[] d = new double[(int) n];
        Arrays.fill(d, v);
        return d;
    }

    /** Sums {@code grad} over the axes along which {@code shape} was broadcast to produce it. */
    private Val unbroadcast(Val grad, long[] shape) {
        long[] gs = grad.shape();
        if (Arrays.equals(gs, shape)) {
            return grad;
        }
        int lead = gs.length - shape.length;
        List<Long> axes = new ArrayList<>();
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                axes.add((long) i);
            }
        }
        Val r = g.reduceSum(grad, true, axes.stream().mapToLong(Long::longValue).toArray());
        return g.reshape(r, shape);
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code a + b} with numpy broadcasting. */
    public Val add(Val a, Val b) {
        Val out = g.add(a, b);
        return record(out, go -> new Val[] {
            tracks(a) ? unbroadcast(go, a.shape()) : null,
            tracks(b) ? unbroadcast(go, b.shape()) : null}, a, b);
    }

    /** {@code a * b} with numpy broadcasting. */
    public Val mul(Val a, Val b) {
        Val out = g.mul(a, b);
        return record(out, go -> new Val[] {
            tracks(a) ? unbroadcast(g.mul(go, b), a.shape()) : null,
            tracks(b) ? unbroadcast(g.mul(go, a), b.shape()) : null}, a, b);
    }

    /** Sum of all elements (a scalar); VJP broadcasts the upstream scalar back to {@code x}'s shape. */
    public Val sum(Val x) {
        Val out = g.reduceSum(x, false);
        return record(out, go -> new Val[] {g.expand(go, x.shape())}, x);
    }

    /** {@code a * c} for a constant scalar {@code c}. */
    public Val scale(Val a, double c) {
        Val out = g.scale(a, c);
        return record(out, go -> new Val[] {g.scale(go, c)}, a);
    }

    /** SiLU {@code x·σ(x)}; VJP {@code g·σ·(1 + x·(1 − σ))}. */
    public Val silu(Val x) {
        Val s = g.sigmoid(x);
        Val out = g.mul(x, s);
        return record(out, go -> {
            Val one = g.scalar(x.type(), 1.0);
            Val u = g.add(one, g.mul(x, g.sub(one, s)));
            return new Val[] {g.mul(go, g.mul(s, u))};
        }, x);
    }

    /**
     * Converts {@code x} to {@code to} (no node when the types agree); the VJP casts the gradient
     * back, so fp32 master weights cast to a low-precision compute type receive fp32 gradients.
     */
    public Val cast(Val x, DType to) {
        if (x.type() == to) {
            return x;
        }
        Val out = g.cast(x, to);
        return record(out, go -> new Val[] {g.cast(go, x.type())}, x);
    }

    // ---------------------------------------------------------------- shape

    public Val reshape(Val a, long... shape) {
        Val out = g.reshape(a, shape);
        return record(out, go -> new Val[] {g.reshape(go, a.shape())}, a);
    }

    public Val transpose(Val a, long... perm) {
        Val out = g.transpose(a, perm);
        long[] inv = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            inv[(int) perm[i]] = i;
        }
        return record(out, go -> new Val[] {g.transpose(go, inv)}, a);
    }

    // ---------------------------------------------------------------- products

    /** {@code x @ wᵀ} for x [N, in] and w [out, in] (Gemm with transB); dW via Gemm with transA. */
    public Val linear(Val x, Val w) {
        Val out = g.gemm(x, w, false, true);
        return record(out, go -> new Val[] {
            tracks(x) ? g.gemm(go, w, false, false) : null,
            tracks(w) ? g.gemm(go, x, true, false) : null}, x, w);
    }

    /** Batched {@code a @ b} over equal leading dimensions. */
    public Val matmul(Val a, Val b) {
        Val out = g.matmul(a, b);
        long[] swap = swapLast(a.rank());
        return record(out, go -> new Val[] {
            tracks(a) ? g.matmul(go, g.transpose(b, swap)) : null,
            tracks(b) ? g.matmul(g.transpose(a, swap), go) : null}, a, b);
    }

    private static long[] swapLast(int rank) {
        long[] p = new long[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = i;
        }
        p[rank - 2] = rank - 1;
        p[rank - 1] = rank - 2;
        return p;
    }

    // ---------------------------------------------------------------- fused ops

    /** Softmax over the last axis; VJP {@code P ⊙ (g − rowsum(g ⊙ P))}. */
    public Val softmax(Val x) {
        Val p = g.op("Softmax", x.type(), x.shape(), List.of(x), Graph.attr("axis", -1L));
        return record(p, go -> new Val[] {g.mul(p, g.sub(go, g.reduceSum(g.mul(go, p), true, -1)))}, x);
    }

    /**
     * RMSNorm over the last axis: {@code y = x · r · w} with {@code r = 1/sqrt(mean(x²) + eps)}.
     * Fused VJP with {@code x̂ = x·r}: {@code dx = r·(g⊙w − x̂·mean(g⊙w⊙x̂))}, {@code dw = Σ g⊙x̂}.
     */
    public Val rmsNorm(Val x, Val w, double eps) {
        Val ms = g.reduceMean(g.mul(x, x), true, -1);
        Val r = g.reciprocal(g.sqrt(g.add(ms, g.scalar(x.type(), eps))));
        Val xh = g.mul(x, r);
        Val out = g.mul(xh, w);
        return record(out, go -> {
            Val dx = null;
            Val dw = null;
            if (tracks(x)) {
                Val gw = g.mul(go, w);
                Val c = g.reduceMean(g.mul(gw, xh), true, -1);
                dx = g.mul(r, g.sub(gw, g.mul(xh, c)));
            }
            if (tracks(w)) {
                long[] lead = new long[x.rank() - 1];
                for (int i = 0; i < lead.length; i++) {
                    lead[i] = i;
                }
                dw = g.reduceSum(g.mul(go, xh), false, lead);
            }
            return new Val[] {dx, dw};
        }, x, w);
    }

    /**
     * Embedding lookup {@code w[ids]} for ids int64 [N] and w [V, d]; the VJP adds each output
     * row's gradient into its id's row (repeated ids accumulate), as {@link EmbeddingGrad} says.
     */
    public Val embedding(Val w, Val ids) {
        long n = ids.numel();
        long v = w.dim(0);
        Val out = g.op("Gather", w.type(), new long[] {n, w.dim(1)}, List.of(w, ids), Graph.attr("axis", 0L));
        return record(out, go -> {
            if (embeddingGrad == EmbeddingGrad.ONE_HOT) {
                Val oneHot = g.op("OneHot", DType.F32, new long[] {n, v},
                        List.of(ids, g.ints(v), g.constant(DType.F32, new long[] {2}, 0.0, 1.0)), Graph.attr("axis", -1L));
                return new Val[] {g.gemm(g.cast(oneHot, go.type()), go, true, false), null};
            }
            Val idx = g.expand(g.reshape(ids, n, 1), n, w.dim(1));
            Val dw = g.op("ScatterElements", w.type(), w.shape(), List.of(g.full(w.type(), w.shape(), 0.0), idx, go),
                    Graph.attr("axis", 0L), Graph.attr("reduction", "add"));
            return new Val[] {dw, null};
        }, w, ids);
    }

    /**
     * Rotary position embedding, rotate-half form: {@code x·cos + rot(x)·sin} with
     * {@code rot(x) = [−x₂, x₁]}. x is [..., T, hd], cos and sin are constants [T, hd]. The map is a
     * rotation, so the VJP is {@code g·cos − rot(g·sin)} (the transpose of rot is −rot).
     */
    public Val rope(Val x, Val cos, Val sin) {
        Val out = g.add(g.mul(x, cos), g.mul(rotateHalf(x), sin));
        return record(out, go -> new Val[] {g.sub(g.mul(go, cos), rotateHalf(g.mul(go, sin))), null, null}, x, cos, sin);
    }

    private Val rotateHalf(Val x) {
        long h = x.dim(-1) / 2;
        Val x1 = g.sliceLast(x, 0, h);
        Val x2 = g.sliceLast(x, h, 2 * h);
        return g.concat(-1, List.of(g.neg(x2), x1));
    }

    /**
     * Mean cross-entropy of logits [N, V] against int64 targets [N]: LogSoftmax + GatherElements;
     * fused VJP {@code g·(exp(logp) − onehot(target)) / N}. Returns a scalar.
     */
    public Val crossEntropy(Val logits, Val targets) {
        long n = logits.dim(0);
        long v = logits.dim(1);
        Val logp = g.op("LogSoftmax", logits.type(), logits.shape(), List.of(logits), Graph.attr("axis", -1L));
        Val t2 = g.reshape(targets, n, 1);
        Val picked = g.op("GatherElements", logits.type(), new long[] {n, 1}, List.of(logp, t2), Graph.attr("axis", 1L));
        Val loss = g.neg(g.reduceMean(picked, false));
        return record(loss, go -> {
            Val oneHot = g.op("OneHot", DType.F32, new long[] {n, v},
                    List.of(targets, g.ints(v), g.constant(DType.F32, new long[] {2}, 0.0, 1.0)), Graph.attr("axis", -1L));
            Val diff = g.sub(g.exp(logp), g.cast(oneHot, logits.type()));
            return new Val[] {g.mul(diff, g.scale(go, 1.0 / n)), null};
        }, logits, targets);
    }
}

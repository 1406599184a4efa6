package dev.kiln.trainer.model;

import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.graph.Graph;
import dev.kiln.trainer.graph.Tape;
import dev.kiln.trainer.graph.Val;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits the Llama forward pass onto a {@link Tape}: token ids in, logits [B·T, V] out.
 *
 * <p>Activations are kept 2-D [B·T, d] for every linear layer (Gemm) and reshaped to
 * [B, H, T, hd] only for attention. The 1/√hd attention scale is folded into q, the causal mask is
 * generated in-graph with Trilu (a [T, T] constant would bloat the proto), and RoPE uses constant
 * cos/sin tables [T, hd] in the HF Llama layout ({@code cat(freqs, freqs)}, rotate-half).
 */
public final class Llama {

    private Llama() {
    }

    /** Slice + Reshape views of every tensor in the flat parameter buffer {@code flat} [P]. */
    public static Map<String, Val> views(Graph g, Val flat, ParamLayout layout) {
        Map<String, Val> out = new LinkedHashMap<>();
        for (ParamLayout.Entry e : layout.entries()) {
            Val s = g.slice1d(flat, e.offset(), e.offset() + e.size());
            out.put(e.name(), e.shape().length == 1 ? s : g.reshape(s, e.shape()));
        }
        return out;
    }

    /**
     * Logits [B·T, V] for token ids {@code ids} (int64 [B·T], row-major over batch then time), all
     * in the parameters' type.
     *
     * @param p parameter views by layout name
     */
    public static Val logits(Tape t, LlamaConfig c, Map<String, Val> p, Val ids, int batch, int seq) {
        return logits(t, c, p, ids, batch, seq, p.get("embed").type());
    }

    /**
     * Logits [B·T, V] with matrix products and attention in {@code compute}. The residual stream,
     * RMSNorm and the returned logits stay in the parameters' (master) type; each weight matrix is
     * cast to {@code compute} where it is used, the normalised activations before each projection,
     * and projection outputs back before the residual add. With {@code compute} equal to the master
     * type no Cast is emitted and the graph is the plain one.
     *
     * @param p parameter views by layout name, in the master type (the tape tracks them)
     */
    public static Val logits(Tape t, LlamaConfig c, Map<String, Val> p, Val ids, int batch, int seq, DType compute) {
        Graph g = t.graph();
        DType master = p.get("embed").type();
        long n = (long) batch * seq;
        int d = c.dim();
        int hd = c.headDim();
        Val[] rope = ropeTables(g, c, seq, compute);
        // the mask is built in the master type and cast, so constant folding needs no 16-bit kernels;
        // fp16 cannot hold -1e9 (it would become -inf), so it gets a large finite negative instead
        double masked = compute == DType.F16 ? -3e4 : -1e9;
        Val mask = g.cast(g.op("Trilu", master, new long[] {seq, seq},
                List.of(g.full(master, new long[] {seq, seq}, masked), g.scalar(DType.I64, 1)), Graph.attr("upper", 1L)),
                compute);

        Val h = t.embedding(p.get("embed"), ids);
        for (int l = 0; l < c.layers(); l++) {
            String pre = "layers." + l + ".";
            Val x = t.cast(t.rmsNorm(h, p.get(pre + "attn_norm"), c.normEps()), compute);
            Val q = heads(t, linear(t, x, p.get(pre + "wq"), compute), batch, seq, c);
            Val k = heads(t, linear(t, x, p.get(pre + "wk"), compute), batch, seq, c);
            Val v = heads(t, linear(t, x, p.get(pre + "wv"), compute), batch, seq, c);
            q = t.scale(t.rope(q, rope[0], rope[1]), 1.0 / Math.sqrt(hd));
            k = t.rope(k, rope[0], rope[1]);
            Val scores = t.add(t.matmul(q, t.transpose(k, 0, 1, 3, 2)), mask);
            Val o = t.matmul(t.softmax(scores), v);
            o = t.reshape(t.transpose(o, 0, 2, 1, 3), n, d);
            h = t.add(h, t.cast(linear(t, o, p.get(pre + "wo"), compute), master));
            x = t.cast(t.rmsNorm(h, p.get(pre + "mlp_norm"), c.normEps()), compute);
            Val gate = t.silu(linear(t, x, p.get(pre + "w1"), compute));
            Val up = linear(t, x, p.get(pre + "w3"), compute);
            h = t.add(h, t.cast(linear(t, t.mul(gate, up), p.get(pre + "w2"), compute), master));
        }
        h = t.cast(t.rmsNorm(h, p.get("final_norm"), c.normEps()), compute);
        return t.cast(linear(t, h, p.get("embed"), compute), master);
    }

    /** {@code x @ wᵀ} with {@code w} cast to the compute type of {@code x}. */
    private static Val linear(Tape t, Val x, Val w, DType compute) {
        return t.linear(x, t.cast(w, compute));
    }

    private static Val heads(Tape t, Val x, int batch, int seq, LlamaConfig c) {
        return t.transpose(t.reshape(x, batch, seq, c.heads(), c.headDim()), 0, 2, 1, 3);
    }

    /**
     * RoPE cos and sin tables [T, hd], computed in float32 the way HF Llama does
     * ({@code inv_freq = 1/θ^(2i/hd)}, {@code freqs = pos ⊗ inv_freq}, {@code emb = cat(freqs, freqs)}).
     */
    public static Val[] ropeTables(Graph g, LlamaConfig c, int seq, DType type) {
        int hd = c.headDim();
        double[] cos = new double[seq * hd];
        double[] sin = new double[seq * hd];
        for (int i = 0; i < hd / 2; i++) {
            float inv = 1.0f / (float) Math.pow(c.ropeTheta(), (float) (2 * i) / hd);
            for (int pos = 0; pos < seq; pos++) {
                float f = pos * inv;
                float cs = (float) Math.cos(f);
                float sn = (float) Math.sin(f);
                cos[pos * hd + i] = cs;
                cos[pos * hd + i + hd / 2] = cs;
                sin[pos * hd + i] = sn;
                sin[pos * hd + i + hd / 2] = sn;
            }
        }
        long[] shape = {seq, hd};
        return new Val[] {g.constant(type, shape, cos), g.constant(type, shape, sin)};
    }
}

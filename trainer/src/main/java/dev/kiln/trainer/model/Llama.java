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
     * Logits [B·T, V] for token ids {@code ids} (int64 [B·T], row-major over batch then time).
     *
     * @param p parameter views by layout name, in the model's compute type
     */
    public static Val logits(Tape t, LlamaConfig c, Map<String, Val> p, Val ids, int batch, int seq) {
        Graph g = t.graph();
        DType type = p.get("embed").type();
        long n = (long) batch * seq;
        int d = c.dim();
        int hd = c.headDim();
        Val[] rope = ropeTables(g, c, seq, type);
        Val mask = g.op("Trilu", type, new long[] {seq, seq},
                List.of(g.full(type, new long[] {seq, seq}, -1e9), g.scalar(DType.I64, 1)), Graph.attr("upper", 1L));

        Val h = t.embedding(p.get("embed"), ids);
        for (int l = 0; l < c.layers(); l++) {
            String pre = "layers." + l + ".";
            Val x = t.rmsNorm(h, p.get(pre + "attn_norm"), c.normEps());
            Val q = heads(t, t.linear(x, p.get(pre + "wq")), batch, seq, c);
            Val k = heads(t, t.linear(x, p.get(pre + "wk")), batch, seq, c);
            Val v = heads(t, t.linear(x, p.get(pre + "wv")), batch, seq, c);
            q = t.scale(t.rope(q, rope[0], rope[1]), 1.0 / Math.sqrt(hd));
            k = t.rope(k, rope[0], rope[1]);
            Val scores = t.add(t.matmul(q, t.transpose(k, 0, 1, 3, 2)), mask);
            Val o = t.matmul(t.softmax(scores), v);
            o = t.reshape(t.transpose(o, 0, 2, 1, 3), n, d);
            h = t.add(h, t.linear(o, p.get(pre + "wo")));
            x = t.rmsNorm(h, p.get(pre + "mlp_norm"), c.normEps());
            Val gate = t.silu(t.linear(x, p.get(pre + "w1")));
            Val up = t.linear(x, p.get(pre + "w3"));
            h = t.add(h, t.linear(t.mul(gate, up), p.get(pre + "w2")));
        }
        h = t.rmsNorm(h, p.get("final_norm"), c.normEps());
        return t.linear(h, p.get("embed"));
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

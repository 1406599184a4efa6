package dev.kiln.trainer.model;

import java.util.List;
import java.util.Locale;

/**
 * Architecture of a Llama-style decoder: pre-norm RMSNorm blocks, RoPE, causal multi-head attention
 * (no KV grouping), SwiGLU MLP, no biases, tied input/output embeddings.
 *
 * @param name      preset name (free text for custom configs)
 * @param vocab     vocabulary size (rows of the tied embedding)
 * @param dim       model width d
 * @param layers    number of transformer blocks
 * @param heads     attention heads; {@code dim / heads} is the head width (must be even for RoPE)
 * @param ffn       SwiGLU hidden width
 * @param context   maximum sequence length (RoPE tables are built for the sequence actually used)
 * @param ropeTheta RoPE base θ
 * @param normEps   RMSNorm epsilon
 */
public record LlamaConfig(String name, int vocab, int dim, int layers, int heads, int ffn, int context,
                          double ropeTheta, double normEps) {

    /** The reference 100M model (reference-pipeline.md section 8): exactly 102,451,968 parameters. */
    public static final LlamaConfig LLAMA_100M = new LlamaConfig("llama-100m", 32000, 768, 12, 12, 1792, 2048, 1e4, 1e-5);
    /** About 1.1M parameters: tests and the demo. */
    public static final LlamaConfig TINY = new LlamaConfig("tiny", 4096, 128, 3, 4, 352, 256, 1e4, 1e-5);
    /** About 10M parameters. */
    public static final LlamaConfig SMALL = new LlamaConfig("small", 8192, 256, 10, 4, 688, 512, 1e4, 1e-5);

    public LlamaConfig {
        check("vocab", vocab, 2, 1 << 24);
        check("dim", dim, 2, 1 << 16);
        check("layers", layers, 1, 1024);
        check("heads", heads, 1, dim);
        check("ffn", ffn, 1, 1 << 20);
        check("context", context, 1, 1 << 20);
        if (dim % heads != 0 || (dim / heads) % 2 != 0) {
            throw new IllegalArgumentException("dim / heads must be an even integer (RoPE): dim " + dim + ", heads " + heads);
        }
        if (!(ropeTheta > 1) || !(normEps > 0 && normEps < 1)) {
            throw new IllegalArgumentException("rope_theta must be > 1 and norm_eps in (0, 1): " + ropeTheta + ", " + normEps);
        }
    }

    private static void check(String key, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(key + " must be in [" + lo + ", " + hi + "]: " + v);
        }
    }

    /** All built-in presets. */
    public static List<LlamaConfig> presets() {
        return List.of(TINY, SMALL, LLAMA_100M);
    }

    /** The preset called {@code name} ({@code tiny}, {@code small}, {@code llama-100m}). */
    public static LlamaConfig preset(String name) {
        for (LlamaConfig c : presets()) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown model preset '" + name + "'; known: tiny, small, llama-100m");
    }

    /** This config with another vocabulary size (to match a trained tokenizer). */
    public LlamaConfig withVocab(int v) {
        return new LlamaConfig(name, v, dim, layers, heads, ffn, context, ropeTheta, normEps);
    }

    /** Head width {@code dim / heads}. */
    public int headDim() {
        return dim / heads;
    }

    /** Exact number of parameters (tied embeddings counted once). */
    public long parameterCount() {
        return ParamLayout.of(this).size();
    }

    /** A multi-line description: the architecture and the parameter count with thousands separators. */
    public String describe() {
        long emb = (long) vocab * dim;
        long attn = 4L * dim * dim;
        long mlp = 3L * dim * ffn;
        long perLayer = attn + mlp + 2L * dim;
        return String.format(Locale.ROOT, """
                model %s: Llama decoder, pre-norm RMSNorm (eps %s), RoPE (theta %s), causal MHA, SwiGLU, tied embeddings, no biases
                  vocab %,d  dim %,d  layers %,d  heads %,d (head dim %,d)  ffn %,d  context %,d
                  embedding          %,15d
                  per layer          %,15d  (attention %,d + MLP %,d + 2 norms %,d)
                  %2d layers          %,15d
                  final norm         %,15d
                  parameters         %,15d""",
                name, normEps, ropeTheta, vocab, dim, layers, heads, headDim(), ffn, context,
                emb, perLayer, attn, mlp, 2L * dim, layers, perLayer * layers, (long) dim, parameterCount());
    }
}

package dev.kiln.trainer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where each parameter tensor lives in the flat parameter buffer.
 *
 * <p>Parameters, AdamW moments and gradients are each one flat fp32 buffer so the optimiser is a
 * handful of large kernels (trainer-design.md section 3.3). The order is fixed by the architecture,
 * independent of optimiser settings, so checkpoints stay comparable: {@code embed}, then per layer
 * {@code attn_norm, wq, wk, wv, wo, mlp_norm, w1 (gate), w2 (down), w3 (up)}, then {@code final_norm}.
 * Linear weights are stored [out, in] as in PyTorch.
 */
public final class ParamLayout {

    /** Kind of a parameter, which decides its default weight-decay group and initialisation. */
    public enum Kind { EMBEDDING, MATRIX, NORM }

    /** One tensor of the layout. */
    public record Entry(String name, long[] shape, long offset, long size, Kind kind) {
    }

    private final List<Entry> entries;
    private final long size;

    private ParamLayout(List<Entry> entries, long size) {
        this.entries = Collections.unmodifiableList(entries);
        this.size = size;
    }

    /** The layout of {@code c}. */
    public static ParamLayout of(LlamaConfig c) {
        List<Entry> out = new ArrayList<>();
        long[] off = {0};
        java.util.function.BiConsumer<String, Object[]> add = (name, spec) -> {
            long[] shape = (long[]) spec[0];
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            out.add(new Entry(name, shape, off[0], n, (Kind) spec[1]));
            off[0] += n;
        };
        long d = c.dim();
        add.accept("embed", new Object[] {new long[] {c.vocab(), d}, Kind.EMBEDDING});
        for (int l = 0; l < c.layers(); l++) {
            String p = "layers." + l + ".";
            add.accept(p + "attn_norm", new Object[] {new long[] {d}, Kind.NORM});
            for (String w : new String[] {"wq", "wk", "wv", "wo"}) {
                add.accept(p + w, new Object[] {new long[] {d, d}, Kind.MATRIX});
            }
            add.accept(p + "mlp_norm", new Object[] {new long[] {d}, Kind.NORM});
            add.accept(p + "w1", new Object[] {new long[] {c.ffn(), d}, Kind.MATRIX});
            add.accept(p + "w2", new Object[] {new long[] {d, c.ffn()}, Kind.MATRIX});
            add.accept(p + "w3", new Object[] {new long[] {c.ffn(), d}, Kind.MATRIX});
        }
        add.accept("final_norm", new Object[] {new long[] {d}, Kind.NORM});
        return new ParamLayout(out, off[0]);
    }

    /** The tensors in buffer order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Total number of parameters (length of the flat buffer). */
    public long size() {
        return size;
    }

    /** The entry called {@code name}. */
    public Entry get(String name) {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no parameter " + name);
    }
}

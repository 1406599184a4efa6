package dev.kiln.trainer.model;

import java.util.Random;

/** Initial parameters as in the reference: normal(0, 0.02) for embedding and matrices, 1 for RMSNorm weights. */
public final class Init {

    /** Standard deviation of the normal initialisation (reference-pipeline.md section 8). */
    public static final double STD = 0.02;

    private Init() {
    }

    /** A flat parameter buffer for {@code c}, deterministic in {@code seed}. */
    public static float[] params(LlamaConfig c, long seed) {
        ParamLayout layout = ParamLayout.of(c);
        if (layout.size() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model too large for one Java array: " + layout.size());
        }
        float[] p = new float[(int) layout.size()];
        Random r = new Random(seed);
        for (ParamLayout.Entry e : layout.entries()) {
            int o = (int) e.offset();
            for (int i = 0; i < e.size(); i++) {
                p[o + i] = e.kind() == ParamLayout.Kind.NORM ? 1.0f : (float) (r.nextGaussian() * STD);
            }
        }
        return p;
    }
}

package dev.kiln.trainer;

import java.util.Arrays;

/**
 * The token windows of one optimiser step: {@code rows} sequences of {@code seq} input ids and the
 * matching next-token targets, row-major ({@code rows = accumulation × batch}).
 */
public record Batch(int rows, int seq, int[] inputs, int[] targets) {

    public Batch {
        if (inputs.length != (long) rows * seq || targets.length != inputs.length) {
            throw new IllegalArgumentException("batch arrays must hold rows*seq = " + (long) rows * seq
                    + " ids: inputs " + inputs.length + ", targets " + targets.length);
        }
    }

    /**
     * Windows starting at {@code starts}: {@code x = tok[s : s+T]}, {@code y = tok[s+1 : s+T+1]}.
     * One shift only (the reference shifts twice, reference-pipeline.md section 13 row 6).
     */
    public static Batch windows(int[] tokens, long[] starts, int seq) {
        int[] x = new int[starts.length * seq];
        int[] y = new int[x.length];
        for (int r = 0; r < starts.length; r++) {
            long s = starts[r];
            if (s < 0 || s + seq + 1 > tokens.length) {
                throw new IllegalArgumentException("window start " + s + " + seq " + seq + " + 1 exceeds " + tokens.length + " tokens");
            }
            System.arraycopy(tokens, (int) s, x, r * seq, seq);
            System.arraycopy(tokens, (int) s + 1, y, r * seq, seq);
        }
        return new Batch(starts.length, seq, x, y);
    }

    /** Largest id in inputs and targets (for a vocabulary check). */
    public int maxId() {
        return Math.max(Arrays.stream(inputs).max().orElse(0), Arrays.stream(targets).max().orElse(0));
    }
}

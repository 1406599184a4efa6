package dev.kiln.trainer.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random window starts over a token stream of {@code tokens} ids, drawn with replacement.
 * The i-th start is a pure function of (seed, i) (SplitMix64 of the counter), so the whole sampler
 * state is the number of windows drawn: a checkpoint stores it and a resumed run draws exactly the
 * windows the uninterrupted run would have drawn.
 */
public final class RandomWindows {

    private final long seed;
    private final long range;
    private long drawn;

    /** Starts in {@code [0, tokens - seq - 1]} so that {@code tok[s : s+seq+1]} fits. */
    public RandomWindows(long tokens, int seq, long seed, long drawn) {
        this.range = tokens - seq;
        if (range < 1) {
            throw new IllegalArgumentException("the split has " + tokens + " tokens, fewer than one window of " + (seq + 1)
                    + ". HINT: lower --seq or prepare more data");
        }
        this.seed = seed;
        this.drawn = drawn;
    }

    /** The next {@code n} starts. */
    public long[] next(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = Long.remainderUnsigned(mix(seed + 0x9E3779B97F4A7C15L * (drawn + 1)), range);
            drawn++;
        }
        return out;
    }

    /** Windows drawn so far (the sampler state to checkpoint). */
    public long drawn() {
        return drawn;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A FIXED validation set: {@code count} distinct non-overlapping windows of {@code seq} inputs chosen
     * with their own RNG ({@code seed}), sorted; all of them when the split holds fewer. The same list
     * is scored at every evaluation, so val losses are comparable (reference defect 17).
     */
    public static List<Long> fixedStarts(long tokens, int seq, int count, long seed) {
        long slots = (tokens - 1) / seq;
        if (slots < 1) {
            throw new IllegalArgumentException("the val split has " + tokens + " tokens, fewer than one window of " + (seq + 1));
        }
        List<Long> all = new ArrayList<>();
        if (slots <= count) {
            for (long i = 0; i < slots; i++) {
                all.add(i * seq);
            }
            return all;
        }
        Random r = new Random(seed);
        java.util.TreeSet<Long> picked = new java.util.TreeSet<>();
        while (picked.size() < count) {
            picked.add((long) (r.nextDouble() * slots) * seq);
        }
        all.addAll(picked);
        return all;
    }
}

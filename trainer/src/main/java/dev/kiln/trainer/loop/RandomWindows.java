package dev.kiln.trainer.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded window starts over a token stream of {@code tokens} ids: random with replacement, or
 * sequential epochs (every non-overlapping window once per epoch, in a seeded order per epoch). The
 * i-th start is a pure function of (seed, i) (SplitMix64 of the counter, or the epoch's permutation),
 * so the whole sampler state is the number of windows drawn: a checkpoint stores it and a resumed run
 * draws exactly the windows the uninterrupted run would have drawn.
 */
public final class RandomWindows {

    private final long seed;
    private final long range;
    private final int seq;
    private final long slots;
    private long drawn;
    private long permEpoch = -1;
    private int[] perm;

    /** Starts in {@code [0, tokens - seq - 1]} so that {@code tok[s : s+seq+1]} fits. */
    public RandomWindows(long tokens, int seq, long seed, long drawn) {
        this.range = tokens - seq;
        if (range < 1) {
            throw new IllegalArgumentException("the split has " + tokens + " tokens, fewer than one window of " + (seq + 1)
                    + ". HINT: lower --seq or prepare more data");
        }
        this.seed = seed;
        this.drawn = drawn;
        this.seq = seq;
        this.slots = 0;
    }

    /** Sequential epochs over the {@code (tokens - 1) / seq} non-overlapping windows. */
    public static RandomWindows epochs(long tokens, int seq, long seed, long drawn) {
        return new RandomWindows(tokens, seq, seed, drawn, true);
    }

    private RandomWindows(long tokens, int seq, long seed, long drawn, boolean epochs) {
        this.range = tokens - seq;
        this.seed = seed;
        this.drawn = drawn;
        this.seq = seq;
        this.slots = (tokens - 1) / seq;
        if (slots < 1 || slots > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the split has " + tokens + " tokens: " + slots + " windows of " + seq
                    + " cannot make an epoch. HINT: lower --seq or prepare more data");
        }
    }

    /** Windows per epoch (sequential mode), or 0 for random windows. */
    public long windowsPerEpoch() {
        return slots;
    }

    /** Completed epochs (sequential mode). */
    public long epochsDone() {
        return slots == 0 ? 0 : drawn / slots;
    }

    /** The next {@code n} starts. */
    public long[] next(int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            if (slots > 0) {
                long epoch = drawn / slots;
                if (epoch != permEpoch) {
                    perm = permutation((int) slots, new java.util.Random(mix(seed ^ (0xD1B54A32D192ED03L * (epoch + 1)))));
                    permEpoch = epoch;
                }
                out[i] = (long) perm[(int) (drawn % slots)] * seq;
            } else {
                out[i] = Long.remainderUnsigned(mix(seed + 0x9E3779B97F4A7C15L * (drawn + 1)), range);
            }
            drawn++;
        }
        return out;
    }

    /** Windows drawn so far (the sampler state to checkpoint). */
    public long drawn() {
        return drawn;
    }

    private static int[] permutation(int n, java.util.Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
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

package dev.kiln.dedup;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Computes MinHash signatures: for each of {@code numPerm} permutations, the minimum over a document's
 * shingles of an independent 64-bit hash of the shingle. Immutable and thread-safe.
 *
 * <p>Permutation k hashes shingle hash h as {@code mix64(h ^ salt[k])}, where {@code mix64} is the
 * splitmix64 finaliser (a bijection with full avalanche) and the salts are drawn from a seeded
 * {@link SplittableRandom}. Each permutation is therefore an independent random-looking function of the
 * shingle, which keeps {@code P(min_k(A) == min_k(B)) = J(A, B)} unbiased.
 *
 * <p><b>NOTE:</b> the cheaper double-hashing trick {@code h1 + k * h2} makes the permutations correlated
 * and biased the Jaccard estimate low (0.77 against an exact 0.82, java-stack.md section 5); kiln does not use it.
 */
public final class MinHasher {

    private final MinHashConfig config;
    private final Shingler shingler;
    private final long[] salts;

    private MinHasher(MinHashConfig config) {
        this.config = config;
        this.shingler = Shingler.create(config);
        this.salts = new long[config.numPerm()];
        SplittableRandom rnd = new SplittableRandom(config.seed() ^ 0x5bd1e9955bd1e995L);
        for (int k = 0; k < salts.length; k++) {
            salts[k] = rnd.nextLong();
        }
    }

    /** A hasher for {@code config}. */
    public static MinHasher create(MinHashConfig config) {
        return new MinHasher(config);
    }

    public MinHashConfig config() {
        return config;
    }

    /** The shingler this hasher uses. */
    public Shingler shingler() {
        return shingler;
    }

    /** The signature of {@code text}'s shingles; {@link Signature#isEmpty() empty} when the text has no words. */
    public Signature sign(String text) {
        return sign(shingler.shingles(text));
    }

    /** The signature of a set (or multiset) of 64-bit shingle hashes. */
    public Signature sign(long[] shingles) {
        int p = salts.length;
        long[] min = new long[p];
        Arrays.fill(min, Long.MAX_VALUE);
        if (shingles.length == 0) {
            return Signature.wrap(min, true);
        }
        long[] s = salts;
        for (long h : shingles) {
            for (int k = 0; k < p; k++) {
                min[k] = Math.min(min[k], mix64(h ^ s[k])); // branch-free, so C2 can vectorise it
            }
        }
        return Signature.wrap(min, false);
    }

    /** The splitmix64 finaliser (Stafford variant 13): a bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

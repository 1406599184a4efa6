package dev.kiln.dedup;

import dev.kiln.core.config.ConfigException;
import java.util.Locale;
import java.util.Objects;

/**
 * How documents become MinHash signatures: which shingles, how long, how many permutations, which seed.
 *
 * @param shingling word n-grams over Lucene-normalised words, or character n-grams over the normalised text
 * @param ngram shingle length in words (or code points); {@value #DEFAULT_NGRAM} by default, in [1, 64]
 * @param numPerm number of hash permutations (signature length); {@value #DEFAULT_NUM_PERM} by default, in [8, 8192]
 * @param seed seed of the shingle hash and of the permutation salts; same seed, same signatures
 */
public record MinHashConfig(Shingling shingling, int ngram, int numPerm, long seed) {

    /** Default shingle length: word 5-grams (datatrove, text-dedup, BigCode). */
    public static final int DEFAULT_NGRAM = 5;
    /** Default number of permutations (datasketch, RedPajama-V2). */
    public static final int DEFAULT_NUM_PERM = 128;
    /** Default seed. */
    public static final long DEFAULT_SEED = 0x6b696c6e_64656475L;

    /** Word 5-grams, 128 permutations, the default seed. */
    public static final MinHashConfig DEFAULT = new MinHashConfig(Shingling.WORDS, DEFAULT_NGRAM, DEFAULT_NUM_PERM, DEFAULT_SEED);

    public MinHashConfig {
        Objects.requireNonNull(shingling, "shingling");
        ConfigException.checkRange("ngram", ngram, 1, 64);
        ConfigException.checkRange("num_perm", numPerm, 8, 8192);
    }

    public MinHashConfig withNgram(int n) {
        return new MinHashConfig(shingling, n, numPerm, seed);
    }

    public MinHashConfig withNumPerm(int p) {
        return new MinHashConfig(shingling, ngram, p, seed);
    }

    public MinHashConfig withShingling(Shingling s) {
        return new MinHashConfig(s, ngram, numPerm, seed);
    }

    /** A short string safe as a file name, e.g. {@code words5-p128-s6b696c6e64656475}. */
    public String id() {
        return shingling.name().toLowerCase(Locale.ROOT) + ngram + "-p" + numPerm + "-s" + Long.toHexString(seed);
    }
}

package dev.kiln.prepare;

import dev.kiln.core.config.ConfigException;

/**
 * Decides train or validation per document from a stable seeded hash of its identity, before anything
 * is written, so no document (or chunk of it: chunks share their parent's identity) is in both splits
 * and the decision does not depend on order, threads or what else is in the corpus.
 *
 * @param valFraction share of documents assigned to validation, in (0, 1)
 * @param seed hash seed
 */
public record Split(double valFraction, long seed) implements java.io.Serializable {

    public enum Part { TRAIN, VAL;

        public String label() {
            return this == TRAIN ? "train" : "val";
        }
    }

    public Split {
        ConfigException.checkRange("val_fraction", valFraction, 1e-9, 0.5);
    }

    /** Which split the document with identity {@code identity} belongs to. */
    public Part of(String identity) {
        return StableHash.unit(identity, seed ^ 0x5EED_5917L) < valFraction ? Part.VAL : Part.TRAIN;
    }

    /**
     * The identity of a document id: chunk ids {@code parent#3} map to {@code parent}, so all chunks of a
     * document fall in one split.
     */
    public static String identity(String id) {
        int hash = id.lastIndexOf('#');
        if (hash > 0 && hash < id.length() - 1) {
            for (int i = hash + 1; i < id.length(); i++) {
                if (!Character.isDigit(id.charAt(i))) {
                    return id;
                }
            }
            return id.substring(0, hash);
        }
        return id;
    }

    /**
     * A validation fraction that leaves enough validation documents for {@code valTokens} out of
     * {@code trainTokens + valTokens}, with a 50 % margin (capped at 0.5).
     */
    public static double fractionFor(long trainTokens, long valTokens) {
        double f = 1.5 * valTokens / (double) (trainTokens + valTokens);
        return Math.min(0.5, Math.max(1e-6, f));
    }
}

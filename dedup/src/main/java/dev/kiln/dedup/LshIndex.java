package dev.kiln.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory, streaming MinHash-LSH index: {@link #add} either indexes a signature or reports that a
 * verified near-duplicate (estimated Jaccard at least the threshold over the full signature) is already
 * indexed. Mutable, not thread-safe; memory grows with the documents indexed (about
 * {@code 8 * numPerm + 40 * bands} bytes each), so whole corpora go through {@link Deduplicator}, which is
 * memory-bounded. This is the engine of the streaming {@link NearDedup} stage.
 */
public final class LshIndex {

    /** What {@link #add} did. */
    public enum Outcome {
        /** No verified near-duplicate was indexed; the signature is now indexed. */
        INSERTED,
        /** A verified near-duplicate is already indexed ({@link #lastMatch()}); nothing was added. */
        DUPLICATE,
        /** The signature is empty (text without words): never a duplicate, not indexed. */
        EMPTY
    }

    private final LshParams lsh;
    private final int numPerm;
    private final int need;
    private final List<Map<Long, int[]>> bands;
    private final List<long[]> sigs = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private String lastMatch;
    private double lastSimilarity;
    private long candidates;
    private long rejected;

    private LshIndex(LshParams lsh, int numPerm, double threshold) {
        if (lsh.hashesUsed() > numPerm) {
            throw new IllegalArgumentException("bands x rows = " + lsh.hashesUsed() + " exceeds num_perm " + numPerm);
        }
        this.lsh = lsh;
        this.numPerm = numPerm;
        this.need = (int) Math.ceil(threshold * numPerm - 1e-9);
        this.bands = new ArrayList<>(lsh.bands());
        for (int b = 0; b < lsh.bands(); b++) {
            bands.add(new HashMap<>());
        }
    }

    /** An empty index for signatures of {@code numPerm} values, banded by {@code lsh}, verifying at {@code threshold}. */
    public static LshIndex create(LshParams lsh, int numPerm, double threshold) {
        return new LshIndex(lsh, numPerm, threshold);
    }

    /** Indexes {@code sig} under {@code id} unless a verified near-duplicate is already indexed. */
    public Outcome add(String id, Signature sig) {
        if (sig.numPerm() != numPerm) {
            throw new IllegalArgumentException("signature has " + sig.numPerm() + " values, index expects " + numPerm);
        }
        lastMatch = null;
        lastSimilarity = 0;
        if (sig.isEmpty()) {
            return Outcome.EMPTY;
        }
        long[] v = sig.values();
        long[] keys = new long[lsh.bands()];
        int best = -1;
        int bestAgree = -1;
        int[] checked = new int[8];
        int nChecked = 0;
        for (int b = 0; b < keys.length; b++) {
            keys[b] = lsh.bandKey(v, 0, b);
            int[] bucket = bands.get(b).get(keys[b]);
            if (bucket == null) {
                continue;
            }
            for (int i = 1; i <= bucket[0]; i++) {
                int d = bucket[i];
                boolean seen = false;
                for (int c = 0; c < nChecked && !seen; c++) {
                    seen = checked[c] == d;
                }
                if (seen) {
                    continue;
                }
                if (nChecked == checked.length) {
                    checked = Arrays.copyOf(checked, nChecked * 2);
                }
                checked[nChecked++] = d;
                candidates++;
                int agree = Signature.agreements(v, 0, sigs.get(d), 0, numPerm);
                if (agree >= need) {
                    if (agree > bestAgree || (agree == bestAgree && d < best)) {
                        best = d;
                        bestAgree = agree;
                    }
                } else {
                    rejected++;
                }
            }
        }
        if (best >= 0) {
            lastMatch = ids.get(best);
            lastSimilarity = bestAgree / (double) numPerm;
            return Outcome.DUPLICATE;
        }
        int doc = sigs.size();
        sigs.add(v);
        ids.add(id);
        for (int b = 0; b < keys.length; b++) {
            bands.get(b).merge(keys[b], new int[] {1, doc}, (old, one) -> {
                int n = old[0] + 1;
                int[] grown = n < old.length ? old : Arrays.copyOf(old, old.length * 2);
                grown[n] = doc;
                grown[0] = n;
                return grown;
            });
        }
        return Outcome.INSERTED;
    }

    /** The id of the indexed document the last {@link Outcome#DUPLICATE} matched (the most similar; ties to the earliest). */
    public String lastMatch() {
        return lastMatch;
    }

    /** The estimated Jaccard similarity of the last duplicate to {@link #lastMatch()}. */
    public double lastSimilarity() {
        return lastSimilarity;
    }

    /** Documents indexed. */
    public int size() {
        return sigs.size();
    }

    /** Candidate pairs verified so far. */
    public long candidatePairs() {
        return candidates;
    }

    /** Candidate pairs rejected by verification so far. */
    public long falseCandidatesRejected() {
        return rejected;
    }
}

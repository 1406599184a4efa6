package dev.kiln.wikidata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a stream of triples into one group per subject, streaming: a group ends when the subject changes.
 *
 * <p>Inputs are normally grouped by subject (entity dumps are, and so are Loka's and kiln's files). When a
 * subject comes back after others, its later run becomes a document of its own with id
 * {@code <id>#2}, {@code #3}, ... (counted as {@code subject_reappeared}), so ids stay unique and output
 * stays deterministic without holding the whole input; a subject with more than {@code maxTriples} triples
 * is cut the same way ({@code subject_split}). Memory: the current group plus 8 bytes per distinct subject
 * (a hash set of 64-bit id hashes; two ids colliding in 64 bits would only add a {@code #2} suffix). Not
 * thread-safe.
 */
public final class SubjectGrouper {

    /** A subject's triples, with the document id they get. */
    public record Group(String id, List<Triple> triples) {
    }

    private final int maxTriples;
    private final LongHashSet seen = new LongHashSet();
    private final Map<String, Integer> parts = new HashMap<>();
    private List<Triple> current = new ArrayList<>();
    private String currentSubject;
    private String currentId;
    private long groups;
    private long reappeared;
    private long split;

    /** @param maxTriples most triples in one group, at least 1 */
    public SubjectGrouper(int maxTriples) {
        if (maxTriples < 1) {
            throw new IllegalArgumentException("max_triples_per_document must be in [1, 2147483647]: " + maxTriples);
        }
        this.maxTriples = maxTriples;
    }

    /** Adds a triple; returns the group it completed, or null. */
    public Group add(Triple t) {
        String s = t.subjectId();
        Group done = null;
        if (!s.equals(currentSubject)) {
            done = finish();
            currentSubject = s;
            currentId = seen.add(hash(s)) ? s : nextPart(s, true);
        } else if (current.size() >= maxTriples) {
            done = finish();
            currentSubject = s;
            currentId = nextPart(s, false);
        }
        current.add(t);
        return done;
    }

    /** Completes the group in progress, or returns null when there is none. */
    public Group finish() {
        if (current.isEmpty()) {
            return null;
        }
        Group g = new Group(currentId, List.copyOf(current));
        current = new ArrayList<>();
        currentSubject = null;
        groups++;
        return g;
    }

    private String nextPart(String subject, boolean reappearing) {
        if (reappearing) {
            reappeared++;
        } else {
            split++;
        }
        int part = parts.merge(subject, 2, (old, two) -> old + 1);
        return subject + "#" + part;
    }

    /** Groups completed so far. */
    public long groups() {
        return groups;
    }

    /** Runs of a subject that came after other subjects. */
    public long reappeared() {
        return reappeared;
    }

    /** Groups cut because a subject had more than {@code maxTriples} triples. */
    public long split() {
        return split;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Open-addressing set of longs (0 is stored separately). */
    static final class LongHashSet {
        private long[] table = new long[1 << 10];
        private int size;
        private boolean hasZero;

        boolean add(long v) {
            if (v == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= table.length) {
                grow();
            }
            int mask = table.length - 1;
            int i = (int) (v ^ (v >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == v) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = v;
            size++;
            return true;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long v : old) {
                if (v != 0) {
                    int i = (int) (v ^ (v >>> 32)) & mask;
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = v;
                }
            }
        }
    }
}

package dev.kiln.dedup;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A lossy, thread-safe memory of recently seen exact keys, so that pass 1's workers can skip the MinHash
 * signature of a document that is probably an exact duplicate. It is only a hint: a key it forgets (its slot
 * taken by another key) costs a signature that was not needed, and a key it remembers from a later document
 * of the same text (threads race) leaves the signature to the ordered consumer. Which documents are
 * duplicates is decided in input order by the exact table; the signatures are the same whoever computes them,
 * so the result does not depend on it. 16 MB.
 */
final class SeenKeys {

    private static final int SLOTS = 1 << 21;

    private final AtomicLongArray slots = new AtomicLongArray(SLOTS);

    /** Whether the key was remembered; remembers it either way. */
    boolean seenBefore(long k1, long k2) {
        int i = (int) (k1 ^ k1 >>> 32) & (SLOTS - 1);
        long tag = k2 == 0 ? 1 : k2;   // 0 marks an empty slot
        return slots.getAndSet(i, tag) == tag;
    }
}

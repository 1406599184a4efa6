package dev.kiln.dedup;

/** An open-addressing set of longs other than {@link Long#MIN_VALUE} (used for pairs {@code i << 32 | j}). Not thread-safe. */
final class LongSet {

    private static final long FREE = Long.MIN_VALUE;
    private long[] slots;
    private int size;

    LongSet() {
        slots = new long[64];
        java.util.Arrays.fill(slots, FREE);
    }

    boolean contains(long v) {
        int m = slots.length - 1;
        for (int i = (int) MinHasher.mix64(v) & m; slots[i] != FREE; i = (i + 1) & m) {
            if (slots[i] == v) {
                return true;
            }
        }
        return false;
    }

    boolean add(long v) {
        int m = slots.length - 1;
        int i = (int) MinHasher.mix64(v) & m;
        for (; slots[i] != FREE; i = (i + 1) & m) {
            if (slots[i] == v) {
                return false;
            }
        }
        slots[i] = v;
        if (++size > slots.length / 2) {
            long[] old = slots;
            slots = new long[old.length * 2];
            java.util.Arrays.fill(slots, FREE);
            size = 0;
            for (long o : old) {
                if (o != FREE) {
                    add(o);
                }
            }
        }
        return true;
    }

    int size() {
        return size;
    }
}

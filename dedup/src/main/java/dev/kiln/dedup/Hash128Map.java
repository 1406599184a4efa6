package dev.kiln.dedup;

/**
 * An open-addressing map from 128-bit keys to non-negative ints, in parallel primitive arrays (20 bytes per
 * slot, load at most 0.6): 10 million keys take about 330 MB, a fraction of a {@code HashMap} of objects.
 * Not thread-safe.
 */
final class Hash128Map {

    private long[] hi;
    private long[] lo;
    private int[] val;
    private int size;
    private int mask;

    Hash128Map(int expected) {
        long want = Math.max(16, (long) (expected / 0.6) + 1);
        alloc((int) Math.min(1 << 30, Long.highestOneBit(want - 1) << 1));
    }

    private void alloc(int cap) {
        hi = new long[cap];
        lo = new long[cap];
        val = new int[cap];
        java.util.Arrays.fill(val, -1);
        mask = cap - 1;
        size = 0;
    }

    /** Maps the key to {@code value} unless present; returns the previous value, or -1 if it was absent. */
    int putIfAbsent(long h1, long h2, int value) {
        int i = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (val[i] >= 0) {
            if (hi[i] == h1 && lo[i] == h2) {
                return val[i];
            }
            i = (i + 1) & mask;
        }
        val[i] = value;
        hi[i] = h1;
        lo[i] = h2;
        if (++size > hi.length * 0.6) {
            grow();
        }
        return -1;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        int[] ov = val;
        alloc(oh.length * 2);
        for (int i = 0; i < oh.length; i++) {
            if (ov[i] >= 0) {
                putIfAbsent(oh[i], ol[i], ov[i]);
            }
        }
    }
}

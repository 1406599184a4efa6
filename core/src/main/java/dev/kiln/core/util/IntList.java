package dev.kiln.core.util;

import java.util.Arrays;

/** A growable array of ints without boxing (token ids, origins of a unit's outputs). Not thread-safe. */
public final class IntList {

    private int[] a;
    private int n;

    public IntList() {
        this(16);
    }

    /** @param capacity the initial capacity (at least 4 is used) */
    public IntList(int capacity) {
        a = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    public void addAll(int[] vs) {
        if (n + vs.length > a.length) {
            a = Arrays.copyOf(a, Math.max(n + vs.length, n * 2));
        }
        System.arraycopy(vs, 0, a, n, vs.length);
        n += vs.length;
    }

    public int get(int i) {
        if (i >= n) {
            throw new IndexOutOfBoundsException(i + " >= " + n);
        }
        return a[i];
    }

    public int size() {
        return n;
    }

    /** A copy of the values. */
    public int[] toArray() {
        return Arrays.copyOf(a, n);
    }
}

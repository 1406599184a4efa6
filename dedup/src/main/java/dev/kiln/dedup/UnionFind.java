package dev.kiln.dedup;

/**
 * Disjoint sets over document ordinals 0..n-1 in one {@code int[]} (path halving, union by size kept in a
 * second array). The sets, not the roots, are the result: roots depend on union order, so callers name a
 * cluster by its smallest member.
 */
final class UnionFind {

    private final int[] parent;
    private final int[] size;

    UnionFind(int n) {
        parent = new int[n];
        size = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            size[i] = 1;
        }
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of a and b; returns false if they were already one set. */
    boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        return true;
    }

    /** Size of the set holding x. */
    int sizeOf(int x) {
        return size[find(x)];
    }
}

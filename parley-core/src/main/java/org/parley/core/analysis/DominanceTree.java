package org.parley.core.analysis;

import java.util.Arrays;

/**
 * A k-d tree (Bentley 1975) of flat utility vectors that answers "does some vector of the tree
 * dominate this one?", built by insertion. Node t splits on coordinate depth mod k (smaller values
 * left, the rest right) and keeps the componentwise maximum of its subtree, so a subtree whose
 * maximum falls short of the query on some coordinate is skipped whole, and a left subtree is
 * skipped when the split value does not exceed the query's. The right side, where dominators are,
 * is searched first. Insertion O(depth · k); a query visits in the worst case every node, in
 * practice a small part of the tree. Vectors inserted in order of falling utility sum arrive in no
 * particular order on any coordinate, which keeps the depth near logarithmic.
 */
final class DominanceTree {

    private final long[] pts;
    private final int k;
    private int[] point;
    private int[] left;
    private int[] right;
    private long[] max;
    private int size;

    /** An empty tree of vectors of {@code pts} (vector i at {@code [i·k, i·k + k)}). */
    DominanceTree(long[] pts, int k, int capacity) {
        this.pts = pts;
        this.k = k;
        int c = Math.max(16, capacity);
        point = new int[c];
        left = new int[c];
        right = new int[c];
        max = new long[c * k];
    }

    int size() {
        return size;
    }

    /** Adds vector {@code i} of {@code pts}. */
    void insert(int i) {
        if (size == point.length) {
            int c = point.length * 2;
            point = Arrays.copyOf(point, c);
            left = Arrays.copyOf(left, c);
            right = Arrays.copyOf(right, c);
            max = Arrays.copyOf(max, c * k);
        }
        int t = size++;
        point[t] = i;
        left[t] = -1;
        right[t] = -1;
        System.arraycopy(pts, i * k, max, t * k, k);
        if (t == 0) {
            return;
        }
        int node = 0;
        int depth = 0;
        while (true) {
            for (int c = 0; c < k; c++) {
                max[node * k + c] = Math.max(max[node * k + c], pts[i * k + c]);
            }
            int d = depth % k;
            if (pts[i * k + d] < pts[point[node] * k + d]) {
                if (left[node] < 0) {
                    left[node] = t;
                    return;
                }
                node = left[node];
            } else {
                if (right[node] < 0) {
                    right[node] = t;
                    return;
                }
                node = right[node];
            }
            depth++;
        }
    }

    /** Whether some vector of the tree dominates the vector at {@code [offset, offset + k)} of {@code query}. */
    boolean dominated(long[] query, int offset) {
        return size > 0 && search(0, 0, query, offset);
    }

    private boolean search(int node, int depth, long[] query, int offset) {
        for (int c = 0; c < k; c++) {
            if (max[node * k + c] < query[offset + c]) {
                return false;
            }
        }
        int p = point[node] * k;
        if (Vectors.dominates(pts, p, query, offset, k)) {
            return true;
        }
        if (right[node] >= 0 && search(right[node], depth + 1, query, offset)) {
            return true;
        }
        // Left of the split, coordinate d is below the node's: no dominator there unless that exceeds the query's.
        int d = depth % k;
        return left[node] >= 0 && pts[p + d] > query[offset + d] && search(left[node], depth + 1, query, offset);
    }
}

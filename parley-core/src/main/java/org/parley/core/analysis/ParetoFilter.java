package org.parley.core.analysis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reduces a set of utility vectors with counts to its Pareto frontier, merging equal vectors and
 * adding their counts. After a lexicographic sort (O(n log n)) every vector's dominators come
 * before it, so one sweep decides each vector against the frontier found so far, on the remaining
 * k − 1 coordinates: for k = 2 a running maximum (O(n)); for k = 3 a staircase of (u_2, u_3) pairs
 * in a balanced tree (O(n log n), Kung, Luccio and Preparata 1975); for k ≥ 4 in order of falling
 * utility sum, a query per vector of a k-d tree of the frontier so far ({@link DominanceTree};
 * O(n · f) worst case, far less in practice).
 */
final class ParetoFilter {

    private ParetoFilter() {}

    /**
     * Filters the first {@code n} flat vectors of {@code pts} in place; returns how many remain,
     * in lexicographically descending order.
     */
    static int filter(long[] pts, long[] counts, int n, int k) {
        n = Vectors.sortAndMerge(pts, counts, n, k);
        if (n <= 1) {
            return n;
        }
        return switch (k) {
            case 1 -> 1;
            case 2 -> filter2(pts, counts, n);
            case 3 -> filter3(pts, counts, n);
            default -> filterScan(pts, counts, n, k);
        };
    }

    private static int filter2(long[] pts, long[] counts, int n) {
        int out = 0;
        long maxY = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long y = pts[2 * i + 1];
            if (y > maxY) {
                maxY = y;
                pts[2 * out] = pts[2 * i];
                pts[2 * out + 1] = y;
                counts[out++] = counts[i];
            }
        }
        return out;
    }

    private static int filter3(long[] pts, long[] counts, int n) {
        // Staircase of the frontier so far projected on (u_2, u_3): keys ascending, values descending.
        TreeMap<Long, Long> stairs = new TreeMap<>();
        int out = 0;
        for (int i = 0; i < n; i++) {
            long y = pts[3 * i + 1];
            long z = pts[3 * i + 2];
            Map.Entry<Long, Long> above = stairs.ceilingEntry(y);
            if (above != null && above.getValue() >= z) {
                continue;
            }
            Map.Entry<Long, Long> below = stairs.floorEntry(y);
            while (below != null && below.getValue() <= z) {
                stairs.remove(below.getKey());
                below = stairs.lowerEntry(below.getKey());
            }
            stairs.put(y, z);
            System.arraycopy(pts, 3 * i, pts, 3 * out, 3);
            counts[out++] = counts[i];
        }
        return out;
    }

    /**
     * k ≥ 4: candidates in order of falling utility sum (a dominator has a larger sum, so it comes
     * first), each tested against the frontier so far, kept in a k-d tree with subtree maxima
     * ({@link DominanceTree}). This replaced a scan of the whole frontier so far per candidate
     * (O(n · f)), which dominated the analysis of five and six parties (frontiers of 10^4 vectors).
     */
    private static int filterScan(long[] pts, long[] counts, int n, int k) {
        long[] sums = new long[n];
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int d = 0; d < k; d++) {
                sum += pts[i * k + d];
            }
            sums[i] = sum;
            order[i] = i;
        }
        Vectors.sortDescending(sums, order, n, 1);
        DominanceTree tree = new DominanceTree(pts, k, Math.min(n, 1 << 16));
        int[] frontier = new int[n];
        int size = 0;
        for (int t = 0; t < n; t++) {
            int i = (int) order[t];
            if (!tree.dominated(pts, i * k)) {
                tree.insert(i);
                frontier[size++] = i;
            }
        }
        // Back to lexicographic order: the input indices were in it.
        java.util.Arrays.sort(frontier, 0, size);
        for (int out = 0; out < size; out++) {
            int i = frontier[out];
            System.arraycopy(pts, i * k, pts, out * k, k);
            counts[out] = counts[i];
        }
        return size;
    }
}

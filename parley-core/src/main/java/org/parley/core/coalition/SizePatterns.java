package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.List;

/**
 * The block sizes of every kind of structure phase 2 of {@link DpBranchAndBoundCoalitionStructure}
 * searches, and the bound they give from per-size maxima. For each size t1 ≤ n/3 of the smallest
 * block X, the sizes (t2, t3) of Y and Z: kind (b), t1 ≤ t2 ≤ t3 ≤ h with t1 + t2 > h (no two blocks
 * fit together into h players); when f is exact below h only (n even), also t3 = h and t1 + t2 = h,
 * a coalition of h players (worth v) with the rest split in two. Kind (c), when n is even, h even and
 * f exact below h only: four blocks of n/4 players. O(n²) patterns, found in O(n²).
 */
final class SizePatterns {

    /** Per t1 (index 0 unused, empty), the pairs {t2, t3}. */
    final List<int[]>[] pairs;
    /** Every pattern: {t1, t2, t3} in order of t1, then {q, q, q, q} when {@link #quarter} > 0. */
    final List<int[]> patterns;
    /** n/4 when structures of four n/4-blocks are searched, else 0. */
    final int quarter;
    /** The largest size of the smallest of three blocks, n/3. */
    final int t1Max;

    SizePatterns(int n, int top) {
        int h = n / 2;
        t1Max = n / 3;
        pairs = pairsBySmallestSize(n, h, top);
        patterns = new ArrayList<>();
        for (int t1 = 1; t1 <= t1Max; t1++) {
            for (int[] p : pairs[t1]) {
                patterns.add(new int[] {t1, p[0], p[1]});
            }
        }
        quarter = top < h && h % 2 == 0 ? h / 2 : 0;
        if (quarter > 0) {
            patterns.add(new int[] {quarter, quarter, quarter, quarter});
        }
    }

    @SuppressWarnings("unchecked")
    private static List<int[]>[] pairsBySmallestSize(int n, int h, int top) {
        List<int[]>[] pairs = new List[n / 3 + 1];
        for (int t1 = 0; t1 <= n / 3; t1++) {
            pairs[t1] = new ArrayList<>();
            if (t1 == 0) {
                continue;
            }
            for (int t2 = t1; t2 <= h; t2++) {
                int t3 = n - t1 - t2;
                if (t3 >= t2 && t3 <= h && (t1 + t2 > h || top < h && t3 == h)) {
                    pairs[t1].add(new int[] {t2, t3});
                }
            }
        }
        return pairs;
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The index of the first pattern with the largest Σ_j maxima[t_j]. */
    int best(double[] maxima) {
        double bound = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int k = 0; k < patterns.size(); k++) {
            double x = sum(k, maxima);
            if (x > bound) {
                bound = x;
                best = k;
            }
        }
        return best;
    }

    /** The best Σ_j maxima[t_j] over the patterns (−∞ when there are none). */
    double bound(double[] maxima) {
        return patterns.isEmpty() ? Double.NEGATIVE_INFINITY : sum(best(maxima), maxima);
    }

    /** Σ_j maxima[t_j] over the blocks of pattern k. */
    double sum(int k, double[] maxima) {
        double x = 0;
        for (int t : patterns.get(k)) {
            x += maxima[t];
        }
        return x;
    }

    /** Whether some pattern has a block of size t. */
    boolean[] used(int h) {
        boolean[] used = new boolean[h + 1];
        for (int[] pattern : patterns) {
            for (int t : pattern) {
                used[t] = true;
            }
        }
        return used;
    }
}

package org.parley.core.coalition;

import static org.parley.core.coalition.StructureSearchState.CHUNK_BITS;

import java.util.Arrays;

/**
 * The candidate blocks of phase 2 of {@link DpBranchAndBoundCoalitionStructure}: per size t ≤ h, the
 * coalitions whose excess f(C) − w(C) beats {@link #cutoff}[t], sorted by decreasing excess. A
 * coalition of size t can only help when its excess beats the target (the best structure so far)
 * minus the best the other blocks of some size pattern holding t could add, so the cutoff is the
 * lowest such threshold over the patterns. Each entry is a long: the excess rounded up to a float
 * (never understating it) in the high half, so that the lists sort like the excess, and the mask in
 * the low half. Taken from the bound's pool when it holds them all, else from two passes over the
 * table (count, then fill) so that the lists take no more memory than they hold: O(2^n) on all
 * cores, then O(m log m) to sort m entries.
 */
final class ExcessLists {

    /** How many leading entries a search for the best coalition inside a set looks at. */
    static final int SUBSET_SCAN = 1024;

    private final StructureSearchState state;
    private final LagrangianExcessBound bound;
    /** Per size, the excess at or below which coalitions were left out of the lists. */
    final double[] cutoff;
    /** Per size, the coalitions above the cutoff, keys in decreasing order. */
    final long[][] sorted;

    ExcessLists(StructureSearchState state, LagrangianExcessBound bound, SizePatterns patterns, double wAll,
            double margin) {
        this.state = state;
        this.bound = bound;
        int h = state.h;
        double[] topExcess = bound.topExcess;
        double best = state.best();
        cutoff = new double[h + 1];
        Arrays.fill(cutoff, Double.POSITIVE_INFINITY);
        for (int[] pattern : patterns.patterns) {
            double sum = 0;
            for (int t : pattern) {
                sum += topExcess[t];
            }
            for (int t : pattern) {
                cutoff[t] = Math.min(cutoff[t], best - wAll - margin - (sum - topExcess[t]));
            }
        }
        sorted = new long[h + 1][];
        sortByExcess();
    }

    private void sortByExcess() {
        int h = state.h;
        double[] f = state.f;
        boolean[] scan = new boolean[h + 1];
        boolean anyScan = false;
        for (int t = 1; t <= h; t++) {
            if (bound.outside[t] <= cutoff[t]) {
                int[] masks = bound.pool.masks[t];
                long[] list = new long[masks.length];
                int kept = 0;
                for (int mask : masks) {
                    double e = f[mask] - bound.weight(mask);
                    if (e > cutoff[t]) {
                        list[kept++] = key(e, mask);
                    }
                }
                sorted[t] = Arrays.copyOf(list, kept);
            } else {
                scan[t] = true;
                anyScan = true;
            }
        }
        if (anyScan) {
            scanByExcess(scan);
        }
        for (int t = 1; t <= h; t++) {
            Arrays.parallelSort(sorted[t]);
            reverse(sorted[t]);
        }
    }

    private void scanByExcess(boolean[] scan) {
        int n = state.n;
        int h = state.h;
        double[] f = state.f;
        int chunkBits = Math.min(CHUNK_BITS, n);
        int chunks = 1 << (n - chunkBits);
        int[][] counts = new int[chunks][];
        Parallel.forEach(chunks, state.threads, c -> {
            int[] count = new int[h + 1];
            int from = c << chunkBits;
            for (int m = from; m < from + (1 << chunkBits); m++) {
                int k = Integer.bitCount(m);
                if (k >= 1 && k <= h && scan[k] && f[m] - bound.weight(m) > cutoff[k]) {
                    count[k]++;
                }
            }
            counts[c] = count;
        });
        int[][] offsets = new int[chunks][h + 1];
        int[] total = new int[h + 1];
        for (int c = 0; c < chunks; c++) {
            for (int k = 1; k <= h; k++) {
                offsets[c][k] = total[k];
                total[k] += counts[c][k];
            }
        }
        for (int k = 1; k <= h; k++) {
            if (scan[k]) {
                sorted[k] = new long[total[k]];
            }
        }
        Parallel.forEach(chunks, state.threads, c -> {
            int[] at = offsets[c].clone();
            int from = c << chunkBits;
            for (int m = from; m < from + (1 << chunkBits); m++) {
                int k = Integer.bitCount(m);
                if (k >= 1 && k <= h && scan[k]) {
                    double e = f[m] - bound.weight(m);
                    if (e > cutoff[k]) {
                        sorted[k][at[k]++] = key(e, m);
                    }
                }
            }
        });
    }

    private static void reverse(long[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The best excess among the t-coalitions inside {@code allowed}, or a bound for it. */
    double bestInside(int size, int allowed) {
        long[] list = sorted[size];
        int limit = Math.min(list.length, SUBSET_SCAN);
        for (int i = 0; i < limit; i++) {
            if (((int) list[i] & ~allowed) == 0) {
                return keyValue(list[i]);
            }
        }
        return limit < list.length ? keyValue(list[limit]) : cutoff[size];
    }

    /** Sorts like the excess, rounded up to a float so that the key never understates it. */
    static long key(double excess, int mask) {
        float rounded = (float) excess;
        if (rounded < excess) {
            rounded = Math.nextUp(rounded);
        }
        int bits = Float.floatToRawIntBits(rounded);
        int sortable = bits ^ ((bits >> 31) & 0x7FFFFFFF);
        return ((long) sortable << 32) | (mask & 0xFFFFFFFFL);
    }

    /** The excess a key stands for: at least the excess it was made from. */
    static double keyValue(long key) {
        int sortable = (int) (key >> 32);
        int bits = sortable ^ ((sortable >> 31) & 0x7FFFFFFF);
        return Float.intBitsToFloat(bits);
    }

    /** The number of leading entries of a list sorted by decreasing key whose key exceeds {@code threshold}. */
    static int countAbove(long[] list, double threshold) {
        int lo = 0;
        int hi = list.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keyValue(list[mid]) > threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

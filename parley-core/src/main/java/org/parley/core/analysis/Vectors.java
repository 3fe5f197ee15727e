package org.parley.core.analysis;

/** Helpers on utility vectors stored flat: vector j of dimension k at {@code [j·k, j·k + k)}. */
final class Vectors {

    private Vectors() {}

    /** Lexicographic order, larger first: negative when vector a comes before vector b. */
    static int compareDescending(long[] a, int aOffset, long[] b, int bOffset, int k) {
        for (int d = 0; d < k; d++) {
            long x = a[aOffset + d];
            long y = b[bOffset + d];
            if (x != y) {
                return x > y ? -1 : 1;
            }
        }
        return 0;
    }

    static boolean dominates(long[] a, int aOffset, long[] b, int bOffset, int k) {
        boolean better = false;
        for (int d = 0; d < k; d++) {
            long x = a[aOffset + d];
            long y = b[bOffset + d];
            if (x < y) {
                return false;
            }
            better |= x > y;
        }
        return better;
    }

    /**
     * Sorts {@code n} flat vectors of {@code pts} with their {@code counts} into lexicographically
     * descending order, in place, by sorting a permutation (merge sort, O(n log n) comparisons).
     */
    static void sortDescending(long[] pts, long[] counts, int n, int k) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        mergeSort(order, buffer, 0, n, pts, k);
        long[] sortedPts = new long[n * k];
        long[] sortedCounts = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(pts, order[i] * k, sortedPts, i * k, k);
            sortedCounts[i] = counts[order[i]];
        }
        System.arraycopy(sortedPts, 0, pts, 0, n * k);
        System.arraycopy(sortedCounts, 0, counts, 0, n);
    }

    private static void mergeSort(int[] a, int[] buffer, int from, int to, long[] pts, int k) {
        if (to - from <= 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && compareDescending(pts, a[j] * k, pts, x * k, k) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, buffer, from, mid, pts, k);
        mergeSort(a, buffer, mid, to, pts, k);
        if (compareDescending(pts, a[mid - 1] * k, pts, a[mid] * k, k) <= 0) {
            return;
        }
        System.arraycopy(a, from, buffer, from, to - from);
        int i = from;
        int j = mid;
        for (int out = from; out < to; out++) {
            if (j >= to || (i < mid && compareDescending(pts, buffer[i] * k, pts, buffer[j] * k, k) <= 0)) {
                a[out] = buffer[i++];
            } else {
                a[out] = buffer[j++];
            }
        }
    }

    /**
     * Sorts in place and merges equal vectors, adding their counts; returns the new number of
     * vectors.
     *
     * @throws ArithmeticException when a count passes 2^63 − 1
     */
    static int sortAndMerge(long[] pts, long[] counts, int n, int k) {
        sortDescending(pts, counts, n, k);
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (out > 0 && compareDescending(pts, (out - 1) * k, pts, i * k, k) == 0) {
                counts[out - 1] = addCounts(counts[out - 1], counts[i]);
            } else {
                if (out != i) {
                    System.arraycopy(pts, i * k, pts, out * k, k);
                    counts[out] = counts[i];
                }
                out++;
            }
        }
        return out;
    }

    static long addCounts(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw overflow();
        }
        return sum;
    }

    static long multiplyCounts(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        throw overflow();
    }

    static ArithmeticException overflow() {
        return new ArithmeticException("More than 2^63 − 1 outcomes share one utility vector; Parley counts"
                + " outcomes per vector up to 2^63 − 1. Analyse fewer issues or fewer parties.");
    }

    /** Binary search of a lexicographically descending flat array; the index or -1. */
    static int find(long[] pts, int n, int k, long[] target) {
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compareDescending(pts, mid * k, target, 0, k);
            if (c == 0) {
                return mid;
            } else if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}

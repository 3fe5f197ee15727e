package org.parley.core.coalition;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The players of a weighted voting game grouped by weight, and a divide-and-conquer that gives, for
 * each weight class, a table built from all players but one of that class, using additions only
 * (no subtraction, so no cancellation): O(log D) additions of every player for D distinct weights.
 */
final class WeightClasses {

    /** A dynamic programming table over coalitions of the players added so far. */
    interface Table<T extends Table<T>> {
        T copy();

        void add(long weight);
    }

    /** What to compute from the table of "everyone except one player of weight w". */
    interface Reader<T> {
        double read(T table, long weight);
    }

    final long[] weights;
    final int[] counts;

    WeightClasses(long[] playerWeights) {
        Map<Long, Integer> classes = new LinkedHashMap<>();
        long[] sorted = playerWeights.clone();
        Arrays.sort(sorted);
        for (long w : sorted) {
            classes.merge(w, 1, Integer::sum);
        }
        weights = new long[classes.size()];
        counts = new int[classes.size()];
        int c = 0;
        for (Map.Entry<Long, Integer> entry : classes.entrySet()) {
            weights[c] = entry.getKey();
            counts[c] = entry.getValue();
            c++;
        }
    }

    int size() {
        return weights.length;
    }

    int classOf(long weight) {
        return Arrays.binarySearch(weights, weight);
    }

    /** result[c] = reader applied to the table of all players except one of class c. */
    <T extends Table<T>> double[] leaveOneOut(T empty, Reader<T> reader) {
        double[] result = new double[weights.length];
        solve(0, weights.length, empty, reader, result);
        return result;
    }

    private <T extends Table<T>> void solve(int from, int to, T table, Reader<T> reader, double[] result) {
        if (to - from == 1) {
            for (int k = 1; k < counts[from]; k++) {
                table.add(weights[from]);
            }
            result[from] = reader.read(table, weights[from]);
            return;
        }
        int mid = (from + to) >>> 1;
        T left = table.copy();
        addAll(left, mid, to);
        solve(from, mid, left, reader, result);
        addAll(table, from, mid);
        solve(mid, to, table, reader, result);
    }

    private <T extends Table<T>> void addAll(T table, int from, int to) {
        for (int c = from; c < to; c++) {
            for (int k = 0; k < counts[c]; k++) {
                table.add(weights[c]);
            }
        }
    }
}

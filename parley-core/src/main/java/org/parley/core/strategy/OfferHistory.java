package org.parley.core.strategy;

/**
 * The own utilities of the offers a party has received, with their times, in order: what
 * acceptance conditions that look back (AC_combi's MAX^W) need. Amortised O(1) to add.
 */
public final class OfferHistory {

    private double[] times = new double[16];
    private double[] utilities = new double[16];
    private int size;

    public void add(double time, double utility) {
        if (size == times.length) {
            times = java.util.Arrays.copyOf(times, size * 2);
            utilities = java.util.Arrays.copyOf(utilities, size * 2);
        }
        times[size] = time;
        utilities[size] = utility;
        size++;
    }

    public int size() {
        return size;
    }

    /** The best utility received at a time ≥ {@code since}, or -∞ when none. */
    public double bestSince(double since) {
        double best = Double.NEGATIVE_INFINITY;
        for (int k = size - 1; k >= 0 && times[k] >= since; k--) {
            best = Math.max(best, utilities[k]);
        }
        return best;
    }

    public double last() {
        return size == 0 ? Double.NEGATIVE_INFINITY : utilities[size - 1];
    }
}

package org.parley.core.strategy;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.parley.core.model.Outcome;

/**
 * The offers a party has received, with their times, in order, and their own utilities, computed
 * only when asked for: what acceptance conditions that look back (AC_combi's MAX^W) need, at no
 * cost to those that do not. Amortised O(1) to add.
 */
public final class OfferHistory {

    private final ToDoubleFunction<Outcome> utility;
    private double[] times = new double[16];
    private Outcome[] offers = new Outcome[16];
    private double[] utilities = new double[16];
    private int size;
    private int evaluated;

    public OfferHistory(ToDoubleFunction<Outcome> utility) {
        this.utility = utility;
    }

    public void add(double time, Outcome offer) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            offers = Arrays.copyOf(offers, size * 2);
            utilities = Arrays.copyOf(utilities, size * 2);
        }
        times[size] = time;
        offers[size] = offer;
        size++;
    }

    public int size() {
        return size;
    }

    /** The best own utility received at a time ≥ {@code since}, or -∞ when none. */
    public double bestSince(double since) {
        evaluate();
        double best = Double.NEGATIVE_INFINITY;
        for (int k = size - 1; k >= 0 && times[k] >= since; k--) {
            best = Math.max(best, utilities[k]);
        }
        return best;
    }

    /** The own utility of the latest offer received, or -∞ when none. */
    public double last() {
        evaluate();
        return size == 0 ? Double.NEGATIVE_INFINITY : utilities[size - 1];
    }

    private void evaluate() {
        for (; evaluated < size; evaluated++) {
            utilities[evaluated] = utility.applyAsDouble(offers[evaluated]);
        }
    }
}

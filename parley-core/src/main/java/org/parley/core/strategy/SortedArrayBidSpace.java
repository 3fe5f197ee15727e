package org.parley.core.strategy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.Preferences;

/**
 * Every feasible outcome, listed once and sorted by own utility: O(N log N) to build, O(log N) per
 * query. Ties are ordered by the outcome's number in the space, so every query is deterministic.
 */
public final class SortedArrayBidSpace implements BidSpace {

    private final Preferences preferences;
    /** Ascending utility; among equal utilities, descending outcome number. */
    private final Outcome[] outcomes;
    private final double[] utilities;
    private final long[] numbers;
    /** tieEnd[k]: the last index with the same utility as index k. */
    private final int[] tieEnd;

    public SortedArrayBidSpace(OutcomeSpace space, Preferences preferences) {
        this.preferences = preferences;
        long count = space.count().longValueExact();
        List<Integer> order = new ArrayList<>();
        List<Outcome> feasible = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Long> ranks = new ArrayList<>();
        for (long rank = 0; rank < count; rank++) {
            Outcome outcome = space.outcome(rank);
            if (preferences.satisfiesConstraints(outcome)) {
                order.add(order.size());
                feasible.add(outcome);
                values.add(preferences.utility(outcome));
                ranks.add(rank);
            }
        }
        order.sort((a, b) -> {
            int c = Double.compare(values.get(a), values.get(b));
            return c != 0 ? c : Long.compare(ranks.get(b), ranks.get(a));
        });
        outcomes = new Outcome[order.size()];
        utilities = new double[order.size()];
        numbers = new long[order.size()];
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            outcomes[k] = feasible.get(i);
            utilities[k] = values.get(i);
            numbers[k] = ranks.get(i);
        }
        tieEnd = new int[utilities.length];
        for (int k = utilities.length - 1; k >= 0; k--) {
            tieEnd[k] = k + 1 < utilities.length && utilities[k + 1] == utilities[k] ? tieEnd[k + 1] : k;
        }
    }

    public int size() {
        return outcomes.length;
    }

    @Override
    public boolean isEmpty() {
        return outcomes.length == 0;
    }

    @Override
    public double utility(Outcome outcome) {
        return preferences.utility(outcome);
    }

    @Override
    public Outcome best() {
        return isEmpty() ? null : outcomes[outcomes.length - 1];
    }

    @Override
    public double max() {
        return isEmpty() ? Double.NaN : utilities[utilities.length - 1];
    }

    @Override
    public double min() {
        return isEmpty() ? Double.NaN : utilities[0];
    }

    @Override
    public Outcome atLeast(double target) {
        if (isEmpty()) {
            return null;
        }
        int k = firstAtLeast(target - Tolerances.ACCEPTANCE);
        // Among equal utilities take the first in the descending walk, the highest index.
        if (k < outcomes.length) {
            k = lastWithUtility(k);
        }
        return outcomes[Math.min(k, outcomes.length - 1)];
    }

    @Override
    public Outcome below(double utility) {
        int k = firstAtLeast(utility) - 1;
        while (k >= 0 && !(utilities[k] < utility)) {
            k--;
        }
        return k < 0 ? null : outcomes[lastWithUtility(k)];
    }

    @Override
    public Outcome next(Outcome current) {
        int k = indexOf(current);
        if (k < 0) {
            return below(utility(current));
        }
        return k == 0 ? null : outcomes[k - 1];
    }

    @Override
    public Outcome random(double lo, double hi, RandomGenerator random) {
        int from = firstAtLeast(lo);
        int to = firstAbove(hi);
        if (from >= to) {
            return null;
        }
        return outcomes[from + random.nextInt(to - from)];
    }

    /** The outcome at position {@code k} of the ascending order. */
    public Outcome get(int k) {
        return outcomes[k];
    }

    private int indexOf(Outcome outcome) {
        double u = utility(outcome);
        int k = firstAtLeast(u);
        while (k < outcomes.length && utilities[k] == u) {
            if (outcomes[k].equals(outcome)) {
                return k;
            }
            k++;
        }
        return -1;
    }

    private int lastWithUtility(int k) {
        return tieEnd[k];
    }

    /** The first index with utility ≥ x (the length when none). */
    private int firstAtLeast(double x) {
        int lo = 0;
        int hi = utilities.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (utilities[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index with utility > x. */
    private int firstAbove(double x) {
        int lo = 0;
        int hi = utilities.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (utilities[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "SortedArrayBidSpace" + Arrays.toString(new double[] {min(), max()}) + " of " + outcomes.length;
    }
}

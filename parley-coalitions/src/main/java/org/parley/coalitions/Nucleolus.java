package org.parley.coalitions;

import java.util.List;

/**
 * The nucleolus (Schmeidler 1969): the allocation that lexicographically minimises the coalitions'
 * excesses v(S) − x(S), largest first, over the imputations (x_i ≥ v({i}), Σ x_i = v(N)); when the
 * game has no imputation, over all efficient allocations (the prenucleolus; {@code prenucleolus}
 * says which). {@code levels} are the successive maximal excesses ε_1 ≥ ε_2 ≥ ... fixed by the
 * sequence of linear programmes. Exact rationals.
 */
public record Nucleolus(Rational[] allocation, List<Rational> levels, boolean prenucleolus) {

    public Nucleolus {
        allocation = allocation.clone();
        levels = List.copyOf(levels);
    }

    @Override
    public Rational[] allocation() {
        return allocation.clone();
    }

    public double[] allocationAsDoubles() {
        return Rational.doubleValues(allocation);
    }
}

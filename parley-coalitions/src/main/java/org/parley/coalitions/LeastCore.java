package org.parley.coalitions;

/**
 * The least core: the smallest ε such that some efficient allocation x (Σ x_i = v(N)) gives every
 * coalition S at least v(S) − ε, and one such x (Maschler, Peleg and Shapley 1979). The core is
 * non-empty exactly when ε ≤ 0; x is then a core allocation. Exact rationals.
 */
public record LeastCore(Rational epsilon, Rational[] allocation) {

    public LeastCore {
        allocation = allocation.clone();
    }

    public boolean coreIsEmpty() {
        return epsilon.signum() > 0;
    }

    @Override
    public Rational[] allocation() {
        return allocation.clone();
    }

    public double[] allocationAsDoubles() {
        return Rational.doubleValues(allocation);
    }
}

package org.parley.core.preference;

import java.util.List;
import org.parley.core.model.Outcome;

/**
 * A party's private stake: its utility function, hard constraints, reservation value (the utility
 * of no agreement) and discount. Never shown to another party.
 */
public record Preferences(UtilityFunction utility, List<Constraint> constraints, double reservation, Discount discount) {

    /**
     * Utilities are sums of decimals (0.30 + 0.05 is 0.35000000000000003 in binary floating point),
     * so "at least the reservation value" allows this much slack; otherwise an outcome worth exactly
     * the reservation would be acceptable or not depending on the order of the sum.
     */
    public static final double TOLERANCE = 1e-9;

    public Preferences {
        if (utility == null) {
            throw new IllegalArgumentException("Preferences need a utility function.");
        }
        constraints = List.copyOf(constraints);
        if (!(reservation >= 0 && reservation <= 1)) {
            throw new IllegalArgumentException("The reservation value (" + reservation + ") must lie in [0, 1].");
        }
        if (discount == null) {
            discount = Discount.NONE;
        }
    }

    public Preferences(UtilityFunction utility) {
        this(utility, List.of(), 0, Discount.NONE);
    }

    public double utility(Outcome outcome) {
        return utility.utility(outcome);
    }

    /** No hard constraint broken. */
    public boolean satisfiesConstraints(Outcome outcome) {
        for (Constraint constraint : constraints) {
            if (!constraint.satisfiedBy(outcome)) {
                return false;
            }
        }
        return true;
    }

    /** At least the reservation value and no hard constraint broken. */
    public boolean acceptable(Outcome outcome) {
        return satisfiesConstraints(outcome) && utility.utility(outcome) >= reservation - TOLERANCE;
    }
}

package org.parley.core.preference;

import java.util.List;
import org.parley.api.Stable;
import org.parley.core.model.Outcome;
import org.parley.core.model.Tolerances;

/**
 * A party's private stake: its utility function, hard constraints, reservation value (the utility
 * of no agreement) and discount. Never shown to another party.
 */
@Stable
public record Preferences(UtilityFunction utility, List<Constraint> constraints, double reservation, Discount discount) {

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

    /** At least the reservation value (less {@link Tolerances#ACCEPTANCE}) and no hard constraint broken. */
    public boolean acceptable(Outcome outcome) {
        return satisfiesConstraints(outcome) && utility.utility(outcome) >= reservation - Tolerances.ACCEPTANCE;
    }
}

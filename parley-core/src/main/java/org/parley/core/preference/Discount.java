package org.parley.core.preference;

/**
 * How time erodes a party's utility. Two conventions are in use (docs/design.md, "Outcomes and utilities"): per round, an
 * agreement in round k is worth u · δ^k; over normalised time (GENIUS), at t in [0, 1] it is worth
 * u · δ^t. As in GENIUS the reservation value is discounted the same way.
 */
public record Discount(double factor, Basis basis) {

    public enum Basis {
        PER_ROUND,
        NORMALISED_TIME
    }

    public static final Discount NONE = new Discount(1, Basis.PER_ROUND);

    public Discount {
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("The discount factor (" + factor + ") must lie in (0, 1].");
        }
        if (basis == null) {
            throw new IllegalArgumentException("The discount basis must be given.");
        }
    }

    public static Discount perRound(double factor) {
        return new Discount(factor, Basis.PER_ROUND);
    }

    public static Discount overTime(double factor) {
        return new Discount(factor, Basis.NORMALISED_TIME);
    }

    /**
     * The discounted value of {@code utility} when reached in round {@code round} (0-based) at
     * normalised time {@code time} in [0, 1].
     */
    public double apply(double utility, int round, double time) {
        if (factor == 1) {
            return utility;
        }
        return utility * Math.pow(factor, basis == Basis.PER_ROUND ? round : time);
    }
}

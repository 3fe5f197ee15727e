package org.parley.core.analysis;

import org.parley.core.model.Tolerances;

/**
 * Utilities as fixed-point longs: u · 10^12, rounded. Exact analysis sums per-issue terms in many
 * orders (issue by issue, block by block, half by half); in floating point each order gives other
 * last bits, which would split equal utility vectors and break ties at random. Rounding every
 * per-issue term once and adding longs makes every order give the same sum.
 */
public final class FixedPoint {

    /** Units per utility 1: one unit is {@link Tolerances#ROUNDING}. */
    public static final double SCALE = 1e12;

    /** {@link Tolerances#ACCEPTANCE} in units: an outcome this far below a reservation is still acceptable. */
    public static final long TOLERANCE = Math.round(Tolerances.ACCEPTANCE * SCALE);

    private FixedPoint() {}

    public static long of(double utility) {
        if (!Double.isFinite(utility) || Math.abs(utility) > 1e6) {
            throw new IllegalArgumentException("The utility (" + utility + ") cannot be analysed exactly: expected a"
                    + " finite number of moderate size (utilities lie in [0, 1]).");
        }
        return Math.round(utility * SCALE);
    }

    public static double toUtility(long units) {
        return units / SCALE;
    }

    /** The smallest utility sum, in units, that meets {@code reservation} (with the tolerance). */
    public static long threshold(double reservation) {
        return of(reservation) - TOLERANCE;
    }
}

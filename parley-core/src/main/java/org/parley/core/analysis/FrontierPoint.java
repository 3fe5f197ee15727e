package org.parley.core.analysis;

import java.util.Arrays;

/**
 * A utility vector (one entry per named party, in {@link FixedPoint} units) and the exact number of
 * outcomes that have it.
 */
public record FrontierPoint(long[] fixed, long count) {

    public FrontierPoint {
        fixed = fixed.clone();
    }

    @Override
    public long[] fixed() {
        return fixed.clone();
    }

    public long fixed(int party) {
        return fixed[party];
    }

    public double utility(int party) {
        return FixedPoint.toUtility(fixed[party]);
    }

    public double[] utilities() {
        double[] u = new double[fixed.length];
        for (int p = 0; p < u.length; p++) {
            u[p] = FixedPoint.toUtility(fixed[p]);
        }
        return u;
    }

    /** Whether the vector is at least {@code other}'s for every party and above it for one. */
    public boolean dominates(FrontierPoint other) {
        return Vectors.dominates(fixed, 0, other.fixed, 0, fixed.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FrontierPoint that && count == that.count && Arrays.equals(fixed, that.fixed);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fixed) + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return Arrays.toString(utilities()) + "×" + count;
    }
}

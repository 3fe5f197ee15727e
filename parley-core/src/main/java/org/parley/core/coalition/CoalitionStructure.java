package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partition of the players into coalitions (bitmasks) and its value Σ v(C), with what the search
 * proved: {@code upperBound} ≥ the optimal value, and {@code optimal} when the search finished (then
 * the structure is optimal). A search stopped early reports the best structure found so far, so
 * value ≤ optimum ≤ upperBound.
 */
public record CoalitionStructure(long[] coalitions, double value, double upperBound, boolean optimal, String method,
        Statistics statistics) {

    /** What the search did: elapsed time and the number of coalition splits or structures it evaluated. */
    public record Statistics(long elapsedNanos, long evaluations) {}

    public CoalitionStructure {
        coalitions = coalitions.clone();
        Arrays.sort(coalitions);
    }

    @Override
    public long[] coalitions() {
        return coalitions.clone();
    }

    /** The gap between the proven bound and the value found, relative to the value (0 when optimal). */
    public double relativeGap() {
        return optimal ? 0 : (upperBound - value) / Math.max(Math.abs(value), Double.MIN_NORMAL);
    }

    /** The coalitions as lists of player names, in the order of their lowest member. */
    public List<List<String>> named(List<String> names) {
        List<long[]> sorted = new ArrayList<>();
        for (long c : coalitions) {
            sorted.add(new long[] {Long.numberOfTrailingZeros(c), c});
        }
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        List<List<String>> result = new ArrayList<>();
        for (long[] entry : sorted) {
            result.add(Coalitions.names(entry[1], names));
        }
        return result;
    }

    /** Checks that {@code coalitions} partition the n players. */
    static void checkPartition(long[] coalitions, int n) {
        long seen = 0;
        for (long c : coalitions) {
            if (c == 0 || (seen & c) != 0) {
                throw new IllegalStateException("Not a partition: " + Arrays.toString(coalitions));
            }
            seen |= c;
        }
        long all = n == 64 ? -1L : (1L << n) - 1;
        if (seen != all) {
            throw new IllegalStateException("Not a partition of " + n + " players: " + Arrays.toString(coalitions));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CoalitionStructure that && Arrays.equals(coalitions, that.coalitions)
                && value == that.value && upperBound == that.upperBound && optimal == that.optimal;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(coalitions) * 31 + Double.hashCode(value);
    }

    @Override
    public String toString() {
        return "CoalitionStructure" + Arrays.toString(coalitions) + " = " + value + (optimal ? " (optimal)" : " ≤ " + upperBound);
    }
}

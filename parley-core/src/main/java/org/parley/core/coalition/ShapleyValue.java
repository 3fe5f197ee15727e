package org.parley.core.coalition;

import java.util.Arrays;

/**
 * Each player's Shapley value φ_i. An estimate carries the half-width of a confidence interval per
 * player ({@code halfWidths}, at level {@code confidence}) and the number of sampled permutations;
 * an exact result has {@code samples} = 0 and no half-widths.
 */
public record ShapleyValue(double[] values, double[] halfWidths, long samples, double confidence, String method) {

    public ShapleyValue {
        values = values.clone();
        halfWidths = halfWidths == null ? null : halfWidths.clone();
    }

    public static ShapleyValue exact(double[] values, String method) {
        return new ShapleyValue(values, null, 0, 1, method);
    }

    public boolean isExact() {
        return halfWidths == null;
    }

    public double value(int player) {
        return values[player];
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double[] halfWidths() {
        return halfWidths == null ? null : halfWidths.clone();
    }

    /** Σ φ_i, which equals v(N) (efficiency) up to rounding or sampling error. */
    public double sum() {
        return Arrays.stream(values).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ShapleyValue that && Arrays.equals(values, that.values)
                && Arrays.equals(halfWidths, that.halfWidths) && samples == that.samples
                && confidence == that.confidence && method.equals(that.method);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + method.hashCode();
    }

    @Override
    public String toString() {
        return method + Arrays.toString(values);
    }
}

package org.parley.core.preference;

import java.util.Arrays;

/**
 * A value function of a numeric issue given by points (x_k, y_k) with increasing x: linear between
 * neighbouring points, constant beyond the ends.
 */
public final class PiecewiseLinearValueFunction implements ValueFunction {

    private final double[] xs;
    private final double[] ys;

    public PiecewiseLinearValueFunction(double[] xs, double[] ys) {
        if (xs.length == 0 || xs.length != ys.length) {
            throw new IllegalArgumentException("A piecewise-linear function needs one or more points, as many x as y.");
        }
        this.xs = xs.clone();
        this.ys = ys.clone();
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i])) {
                throw new IllegalArgumentException("The x (" + xs[i] + ") of point #" + (i + 1) + " must be finite.");
            }
            if (i > 0 && !(xs[i] > xs[i - 1])) {
                throw new IllegalArgumentException("The points' x must increase: point #" + (i + 1) + " has x ("
                        + xs[i] + ") after (" + xs[i - 1] + ").");
            }
            if (!(ys[i] >= 0 && ys[i] <= 1)) {
                throw new IllegalArgumentException("The value (" + ys[i] + ") of point #" + (i + 1) + " must lie in [0, 1].");
            }
        }
    }

    /** The straight line from (x0, y0) to (x1, y1). */
    public static PiecewiseLinearValueFunction linear(double x0, double y0, double x1, double y1) {
        if (x0 == x1) {
            return new PiecewiseLinearValueFunction(new double[] {x0}, new double[] {Math.max(y0, y1)});
        }
        return new PiecewiseLinearValueFunction(new double[] {x0, x1}, new double[] {y0, y1});
    }

    @Override
    public double value(double x) {
        if (x <= xs[0]) {
            return ys[0];
        }
        int last = xs.length - 1;
        if (x >= xs[last]) {
            return ys[last];
        }
        int k = Arrays.binarySearch(xs, x);
        if (k >= 0) {
            return ys[k];
        }
        int hi = -k - 1;
        int lo = hi - 1;
        double f = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + f * (ys[hi] - ys[lo]);
    }

    @Override
    public double max() {
        double max = 0;
        for (double y : ys) {
            max = Math.max(max, y);
        }
        return max;
    }

    public double[] xs() {
        return xs.clone();
    }

    public double[] ys() {
        return ys.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PiecewiseLinearValueFunction that && Arrays.equals(xs, that.xs) && Arrays.equals(ys, that.ys);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(ys);
    }

    @Override
    public String toString() {
        return "PiecewiseLinear" + Arrays.toString(xs) + "->" + Arrays.toString(ys);
    }
}

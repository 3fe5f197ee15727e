package org.parley.io.interop;

import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Issue;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Tolerances;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.ValueFunction;

/**
 * Recognises the value functions of numeric issues that GENIUS and GeniusWeb can hold: a straight
 * line over the issue's range (both formats) and a triangle (GENIUS's real evaluators).
 */
public final class NumericShapes {


    private NumericShapes() {}

    public static double min(Issue issue) {
        return issue instanceof IntegerIssue integer ? integer.min() : ((RealIssue) issue).min();
    }

    public static double max(Issue issue) {
        return issue instanceof IntegerIssue integer ? integer.max() : ((RealIssue) issue).max();
    }

    /**
     * {v(min), v(max)} when v is a straight line over the issue's range (at every integer of an
     * integer issue, at every breakpoint of a piecewise-linear one), else null.
     */
    public static double[] line(ValueFunction f, Issue issue) {
        double lo = min(issue);
        double hi = max(issue);
        double y0 = f.value(lo);
        double y1 = f.value(hi);
        if (hi == lo) {
            return new double[] {y0, y1};
        }
        if (f instanceof DiscreteValueFunction table) {
            for (int k = 0; k < table.size(); k++) {
                double x = table.offset() + k;
                if (x >= lo && x <= hi && !onLine(table.value(x), x, lo, y0, hi, y1)) {
                    return null;
                }
            }
            return new double[] {y0, y1};
        }
        PiecewiseLinearValueFunction curve = (PiecewiseLinearValueFunction) f;
        for (double x : curve.xs()) {
            if (x > lo && x < hi && !onLine(curve.value(x), x, lo, y0, hi, y1)) {
                return null;
            }
        }
        return new double[] {y0, y1};
    }

    private static boolean onLine(double y, double x, double lo, double y0, double hi, double y1) {
        return Math.abs(y - (y0 + (y1 - y0) * (x - lo) / (hi - lo))) <= Tolerances.ROUNDING;
    }

    /**
     * {low end, high end, top, top value} when v is GENIUS's triangle: 0 up to the low end, rising
     * to the top value, falling to 0 at the high end and 0 beyond; else null.
     */
    public static double[] triangle(ValueFunction f) {
        if (!(f instanceof PiecewiseLinearValueFunction curve) || curve.xs().length != 3) {
            return null;
        }
        double[] xs = curve.xs();
        double[] ys = curve.ys();
        if (ys[0] != 0 || ys[2] != 0 || !(ys[1] > 0)) {
            return null;
        }
        return new double[] {xs[0], xs[2], xs[1], ys[1]};
    }
}

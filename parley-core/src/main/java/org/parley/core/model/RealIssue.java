package org.parley.core.model;

import java.math.BigDecimal;
import java.math.MathContext;

/** An issue taking any real value from {@code min} to {@code max}, both included. */
public record RealIssue(String name, double min, double max) implements Issue {

    public RealIssue {
        Issue.requireName(name, "an issue");
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("The range of issue (" + name + ") must be finite.");
        }
        if (min > max) {
            throw new IllegalArgumentException(
                    "The range of issue (" + name + ") is empty: min (" + min + ") > max (" + max + ").");
        }
    }

    @Override
    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    @Override
    public String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    @Override
    public long size() {
        return -1;
    }

    /**
     * The {@code steps} evenly spaced values from min to max, both ends included (one value when the
     * range is a single point). Each is the double nearest to min + (max − min)·k/(steps − 1) worked
     * out in decimal from the ends as written, so that the values carry the decimals the range and
     * the step imply: −1..2 in 11 steps gives −1, −0.7, …, 0.2, …, 2, never 0.19999999999999996
     * (which binary arithmetic gives, and which a constraint "at least 0.2" would then refuse).
     */
    public double[] grid(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("A real range needs at least 2 steps, got " + steps + ".");
        }
        if (min == max) {
            return new double[] {min};
        }
        Spacing spacing = new Spacing(min, max, steps);
        double[] values = new double[steps];
        for (int k = 0; k < steps; k++) {
            values[k] = spacing.value(k);
        }
        return values;
    }

    /** The {@code k}-th of the {@code steps} values of {@link #grid(int)}, without listing the others. */
    public double gridValue(int k, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("A real range needs at least 2 steps, got " + steps + ".");
        }
        if (k < 0 || k >= steps) {
            throw new IllegalArgumentException("The step (" + k + ") must lie in [0, " + (steps - 1) + "].");
        }
        return min == max ? min : new Spacing(min, max, steps).value(k);
    }

    /**
     * The arithmetic of the grid. When the step (max − min)/(steps − 1) is a terminating decimal
     * (the usual case: 0.3, 0.05, 12.5) every value min + step·k is exact in decimal; otherwise (a
     * step of 1/3) each value is worked out to 34 significant digits, far below a double's
     * resolution, before it is rounded to the nearest double.
     */
    private static final class Spacing {
        private final double min;
        private final double max;
        private final int last;
        private final BigDecimal low;
        private final BigDecimal span;
        private final BigDecimal step;

        Spacing(double min, double max, int steps) {
            this.min = min;
            this.max = max;
            this.last = steps - 1;
            // BigDecimal.valueOf reads the double's shortest decimal form: 0.1 as 0.1, not 0.1000000000000000055…
            this.low = BigDecimal.valueOf(min);
            this.span = BigDecimal.valueOf(max).subtract(low);
            BigDecimal exact;
            try {
                exact = span.divide(BigDecimal.valueOf(last));
            } catch (ArithmeticException nonTerminating) {
                exact = null;
            }
            this.step = exact;
        }

        double value(int k) {
            if (k == 0) {
                return min;
            }
            if (k == last) {
                return max;
            }
            BigDecimal offset = step != null
                    ? step.multiply(BigDecimal.valueOf(k))
                    : span.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(last), MathContext.DECIMAL128);
            double x = low.add(offset).doubleValue();
            return Math.max(min, Math.min(max, x));
        }
    }
}

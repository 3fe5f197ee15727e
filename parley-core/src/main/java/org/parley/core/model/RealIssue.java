package org.parley.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
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
     * The arithmetic of the grid. With the ends written as decimals of a common scale s, L and H
     * their integers (−1..2: L = −1, H = 2, s = 0), the k-th value is exactly
     * (L·(n − 1) + (H − L)·k) / ((n − 1)·10^s). When numerator and denominator are integers a
     * double holds exactly (the usual case) one correctly rounded division gives the nearest
     * double; otherwise BigDecimal works it out to 34 significant digits first.
     */
    private static final class Spacing {
        /** The largest integer up to which every integer is a double. */
        private static final long EXACT = 1L << 53;

        private final double min;
        private final double max;
        private final int last;
        private final BigDecimal low;
        private final BigDecimal span;
        /** L·(n − 1), H − L and (n − 1)·10^s when the fast path holds, else {@code denominator} is 0. */
        private final long base;
        private final long width;
        private final long denominator;

        Spacing(double min, double max, int steps) {
            this.min = min;
            this.max = max;
            this.last = steps - 1;
            // BigDecimal.valueOf reads the double's shortest decimal form: 0.1 as 0.1, not 0.1000000000000000055…
            this.low = BigDecimal.valueOf(min);
            BigDecimal high = BigDecimal.valueOf(max);
            this.span = high.subtract(low);
            long b = 0;
            long w = 0;
            long d = 0;
            int scale = Math.max(0, Math.max(low.scale(), high.scale()));
            if (scale <= 15) {
                try {
                    long l = low.setScale(scale).unscaledValue().longValueExact();
                    long h = high.setScale(scale).unscaledValue().longValueExact();
                    b = Math.multiplyExact(l, (long) last);
                    w = Math.subtractExact(h, l);
                    d = Math.multiplyExact((long) last, BigInteger.TEN.pow(scale).longValueExact());
                    // |numerator| ≤ |L|·(n − 1) + |H − L|·(n − 1) for every k.
                    long bound = Math.addExact(Math.abs(b), Math.multiplyExact(Math.abs(w), (long) last));
                    if (bound > EXACT || d > EXACT) {
                        d = 0;
                    }
                } catch (ArithmeticException tooLarge) {
                    d = 0;
                }
            }
            this.base = b;
            this.width = w;
            this.denominator = d;
        }

        double value(int k) {
            if (k == 0) {
                return min;
            }
            if (k == last) {
                return max;
            }
            double x = denominator != 0
                    ? (double) (base + width * k) / denominator
                    : low.add(span.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(last), MathContext.DECIMAL128))
                            .doubleValue();
            return Math.max(min, Math.min(max, x));
        }
    }
}

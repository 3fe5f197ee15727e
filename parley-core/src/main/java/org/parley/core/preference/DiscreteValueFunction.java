package org.parley.core.preference;

import java.util.Arrays;

/** A table of values, one per option of a discrete issue (or per integer of a small integer range). */
public final class DiscreteValueFunction implements ValueFunction {

    private final double[] values;
    private final double offset;

    /** Values per option index. */
    public DiscreteValueFunction(double[] values) {
        this(values, 0);
    }

    /** Values for the coordinates {@code offset, offset + 1, ...} (an integer range starting at offset). */
    public DiscreteValueFunction(double[] values, double offset) {
        this.values = values.clone();
        this.offset = offset;
        for (int i = 0; i < this.values.length; i++) {
            double v = this.values[i];
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("The value (" + v + ") of option #" + (i + 1) + " must lie in [0, 1].");
            }
        }
    }

    @Override
    public double value(double x) {
        return values[(int) (x - offset)];
    }

    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    public double offset() {
        return offset;
    }

    @Override
    public double max() {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiscreteValueFunction that && offset == that.offset && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Double.hashCode(offset);
    }

    @Override
    public String toString() {
        return "DiscreteValueFunction" + Arrays.toString(values);
    }
}

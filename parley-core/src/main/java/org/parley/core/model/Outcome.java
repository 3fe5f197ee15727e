package org.parley.core.model;

import java.util.Arrays;
import org.parley.api.Stable;

/**
 * One value per issue of a {@link Domain}, as coordinates: the option index for a discrete issue,
 * the number itself for an integer or real issue. Immutable. A flat {@code double[]} keeps utility
 * evaluation free of boxing and lookups, which the engine's hot path depends on.
 */
@Stable
public final class Outcome {

    private final double[] values;
    private final int hash;

    public Outcome(double... values) {
        this.values = values.clone();
        for (int i = 0; i < this.values.length; i++) {
            if (this.values[i] == 0) {
                this.values[i] = 0; // -0.0 and 0.0 are one value
            }
        }
        this.hash = Arrays.hashCode(this.values);
    }

    /** An outcome of discrete or integer coordinates. */
    public static Outcome of(int... values) {
        double[] coordinates = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            coordinates[i] = values[i];
        }
        return new Outcome(coordinates);
    }

    public int size() {
        return values.length;
    }

    public double value(int issue) {
        return values[issue];
    }

    /** The option index on a discrete issue (or the integer on an integer issue). */
    public int index(int issue) {
        return (int) values[issue];
    }

    public double[] values() {
        return values.clone();
    }

    /** A copy with the value of one issue replaced. */
    public Outcome with(int issue, double value) {
        double[] copy = values.clone();
        copy[issue] = value;
        return new Outcome(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Outcome that && hash == that.hash && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}

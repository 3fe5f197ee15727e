package org.parley.core.model;

import org.parley.api.Stable;

/**
 * One matter under negotiation. An outcome gives every issue one value; values are held as
 * {@code double} coordinates (see {@link Outcome}) so that utilities can be computed without boxing.
 */
@Stable
public sealed interface Issue permits DiscreteIssue, IntegerIssue, RealIssue {

    String name();

    /** Whether the coordinate {@code x} is a legal value of this issue. */
    boolean contains(double x);

    /** A human-readable form of the coordinate {@code x}: the option name or the number. */
    String format(double x);

    /**
     * The number of values the issue has when enumerated, or -1 for a real range, which has to be
     * discretised first (see {@link OutcomeSpace}).
     */
    long size();

    static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The name of " + what + " must not be blank.");
        }
        return name;
    }
}

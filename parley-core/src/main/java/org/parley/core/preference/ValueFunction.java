package org.parley.core.preference;

/** The value in [0, 1] a party puts on each value of one issue. */
public sealed interface ValueFunction permits DiscreteValueFunction, PiecewiseLinearValueFunction {

    double value(double x);

    /** The largest value the function takes on its issue. */
    double max();
}

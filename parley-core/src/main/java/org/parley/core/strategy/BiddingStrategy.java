package org.parley.core.strategy;

import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Move;

/** The B of BOA (Baarslag et al. 2014): which outcome to offer next. */
public interface BiddingStrategy {

    /** {@code model} is the strategy's opponent model, or null when it has none. */
    void start(Setup setup, OpponentModel model);

    /** The outcome this strategy would offer now, at normalised time {@code time}. Never infeasible. */
    Outcome bid(double time);

    /** A public move, own moves included. */
    default void observe(Move move) {}
}

package org.parley.core.strategy;

import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Move;

/** A guess at the other parties' utilities, learnt only from their public moves. */
public interface OpponentModel {

    void start(Setup setup);

    /** Learns from a public move (typically another party's offer). */
    void update(Move move);

    /** The estimated utility in [0, 1] of {@code outcome} to {@code party}. */
    double utility(String party, Outcome outcome);
}

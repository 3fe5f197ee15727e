package org.parley.core.strategy;

import org.parley.core.model.Outcome;

/** Always its best outcome: the hard-line baseline. O(1). */
public final class HardlinerBidding implements BiddingStrategy {

    private Outcome best;

    @Override
    public void start(Setup setup, OpponentModel model) {
        best = setup.bids().best();
    }

    @Override
    public Outcome bid(double time) {
        return best;
    }
}

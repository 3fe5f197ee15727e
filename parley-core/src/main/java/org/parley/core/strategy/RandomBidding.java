package org.parley.core.strategy;

import java.util.random.RandomGenerator;
import org.parley.core.model.Outcome;

/**
 * A feasible outcome drawn at random among those worth at least the reservation value: the random
 * baseline. The draw is made once per time step, so that asking twice in one turn gives one answer.
 */
public final class RandomBidding implements BiddingStrategy {

    private BidSpace bids;
    private RandomGenerator random;
    private double floor;
    private double lastTime = -1;
    private Outcome last;

    @Override
    public void start(Setup setup, OpponentModel model) {
        bids = setup.bids();
        random = setup.random();
        floor = Math.min(bids.max(), Math.max(setup.reservation(), bids.min()));
    }

    @Override
    public Outcome bid(double time) {
        if (time != lastTime || last == null) {
            Outcome drawn = bids.random(floor, bids.max(), random);
            last = drawn == null ? bids.best() : drawn;
            lastTime = time;
        }
        return last;
    }
}

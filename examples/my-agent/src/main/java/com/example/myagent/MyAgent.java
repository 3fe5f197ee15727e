package com.example.myagent;

import java.util.List;
import org.parley.api.StrategyProvider;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Request;
import org.parley.core.strategy.BidSpace;
import org.parley.core.strategy.Setup;
import org.parley.core.strategy.Strategy;
import org.parley.core.strategy.StrategyRegistry.Entry;
import org.parley.core.strategy.StrategyRegistry.Parameter;

/**
 * A Boulware that remembers: it concedes slowly along u(t) = best − (best − floor) · t^(1/e), and
 * near the deadline accepts the best offer it has received if that beats walking away.
 *
 * <p>What it sees is all any Parley strategy sees: its own preferences and bids ({@link Setup}),
 * each public move ({@link #observe}) and, at its turn, what the protocol asks with the time
 * t in [0, 1] ({@link Request}).
 */
public final class MyAgent implements Strategy {

    /** Registers the strategy under its name, with its parameter and default (listed in META-INF/services). */
    public static final class Provider implements StrategyProvider {
        @Override
        public List<Entry> strategies() {
            return List.of(new Entry("my-agent", "a Boulware that accepts the best offer it got near the deadline",
                    List.of(Parameter.of("e", "0.3", "concession exponent: below 1 holds out")),
                    p -> new MyAgent(p.positive("e"))));
        }
    }

    private final double e;
    private Setup setup;
    private BidSpace bids;
    private double floor;
    private Outcome bestReceived;
    private double bestReceivedUtility = Double.NEGATIVE_INFINITY;

    public MyAgent(double e) {
        this.e = e;
    }

    @Override
    public void start(Setup setup) {
        this.setup = setup;
        this.bids = setup.bids();
        this.floor = Math.min(bids.max(), Math.max(setup.reservation(), bids.min()));
    }

    @Override
    public void observe(Move move) {
        Outcome offered = move.action().outcome();
        if (move.action() instanceof Action.Offer && !move.party().equals(setup.self())
                && setup.acceptable(offered) && setup.utility(offered) > bestReceivedUtility) {
            bestReceived = offered;
            bestReceivedUtility = setup.utility(offered);
        }
    }

    @Override
    public Action act(Request request) {
        if (bids.isEmpty()) {
            return new Action.WalkAway();
        }
        double t = request.time();
        double target = bids.max() - (bids.max() - floor) * Math.pow(t, 1 / e);
        Outcome put = request.outcome();
        boolean good = put != null && setup.acceptable(put) && setup.utility(put) >= target;
        return switch (request.kind()) {
            case PROPOSE -> new Action.Offer(lateDeal(t) ? bestReceived : bids.atLeast(target));
            case RESPOND -> good || (lateDeal(t) && put.equals(bestReceived)) ? new Action.Accept(put)
                    : new Action.Offer(lateDeal(t) ? bestReceived : bids.atLeast(target));
            case VOTE, RATIFY -> good ? new Action.Accept(put) : new Action.Reject(put);
        };
    }

    /** In the last 5 % of the time, settle for the best offer received, if there is one worth having. */
    private boolean lateDeal(double t) {
        return t >= 0.95 && bestReceived != null;
    }
}

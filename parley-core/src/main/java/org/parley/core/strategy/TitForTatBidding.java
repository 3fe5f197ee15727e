package org.parley.core.strategy;

import java.util.HashMap;
import java.util.Map;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;

/**
 * Tit-for-tat (Faratin, Sierra and Jennings 1998; Axelrod's reciprocity), measured in own utility
 * since the opponents' utilities are private. Each time an opponent makes a new offer, compare it
 * with that opponent's previous one by the utility they give this party: absolute mode concedes
 * the same amount (u_last − u_prev), relative mode the same proportion (target · u_prev / u_last);
 * both retaliate when the opponent retracts. With several opponents the concessions of the latest
 * offers are averaged. The target stays between the reservation value (or worst feasible
 * utility) and the best; it starts at the best. O(1) per move besides the bid search.
 */
public final class TitForTatBidding implements BiddingStrategy {

    public enum Mode {
        RELATIVE,
        ABSOLUTE
    }

    private final Mode mode;
    private final Map<String, double[]> lastTwo = new HashMap<>();
    private Setup setup;
    private java.util.Set<String> opponents;
    private BidSpace bids;
    private double target;
    private double floor;

    public TitForTatBidding(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void start(Setup setup, OpponentModel model) {
        this.setup = setup;
        opponents = new java.util.HashSet<>(setup.opponents());
        bids = setup.bids();
        target = bids.max();
        floor = Math.min(target, Math.max(setup.reservation(), bids.min()));
    }

    @Override
    public void observe(Move move) {
        if (!(move.action() instanceof Action.Offer offer) || !opponents.contains(move.party())) {
            return;
        }
        double u = setup.utility(offer.outcome());
        double[] pair = lastTwo.get(move.party());
        if (pair == null) {
            lastTwo.put(move.party(), new double[] {Double.NaN, u});
            return;
        }
        pair[0] = pair[1];
        pair[1] = u;
        double previous = pair[0];
        if (mode == Mode.ABSOLUTE) {
            target -= (u - previous) / Math.max(1, lastTwo.size());
        } else if (u > 0 && previous > 0) {
            target *= Math.pow(previous / u, 1.0 / Math.max(1, lastTwo.size()));
        }
        target = Math.max(floor, Math.min(bids.max(), target));
    }

    public double target() {
        return target;
    }

    @Override
    public Outcome bid(double time) {
        return bids.atLeast(target);
    }
}

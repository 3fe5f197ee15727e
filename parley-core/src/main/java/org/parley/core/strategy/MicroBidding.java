package org.parley.core.strategy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;

/**
 * MiCRO (de Jonge 2022, "An Analysis of the Linear Bilateral ANAC Domains Using the MiCRO
 * Benchmark Strategy"): walk down the own outcomes in order of decreasing utility, proposing a new,
 * lower one only when the opponents have made at least as many distinct proposals as it has
 * (with several opponents, the fewest any active opponent has made); otherwise repeat one of its
 * earlier proposals at random. It never proposes below its reservation value, and accepts an offer
 * at least as good as the worst outcome it would propose next ({@link #worstNext()}). O(log N) (or
 * one issue-wise search) per move.
 */
public final class MicroBidding implements BiddingStrategy {

    private Setup setup;
    private BidSpace bids;
    private final List<Outcome> proposed = new ArrayList<>();
    private final Set<Outcome> proposedSet = new HashSet<>();
    private final Map<String, Set<Outcome>> received = new HashMap<>();
    private final Set<String> gone = new HashSet<>();
    private Outcome lowest;

    @Override
    public void start(Setup setup, OpponentModel model) {
        this.setup = setup;
        this.bids = setup.bids();
        for (String opponent : setup.opponents()) {
            received.put(opponent, new HashSet<>());
        }
    }

    @Override
    public void observe(Move move) {
        Action action = move.action();
        if (action instanceof Action.Offer offer) {
            if (move.party().equals(setup.self())) {
                if (proposedSet.add(offer.outcome())) {
                    proposed.add(offer.outcome());
                    // "<=", not "<": among outcomes of equal utility the walk goes on from the one
                    // proposed last. Keeping the first of a tie made next(lowest) return the tie's
                    // second outcome again and again, a proposal already made, so that MiCRO never
                    // made another distinct proposal and stopped conceding at its first tie.
                    if (lowest == null || bids.utility(offer.outcome()) <= bids.utility(lowest)) {
                        lowest = offer.outcome();
                    }
                }
            } else if (received.containsKey(move.party())) {
                received.get(move.party()).add(offer.outcome());
            }
        } else if (action.leavesTable()) {
            gone.add(move.party());
        }
    }

    private boolean readyToConcede() {
        int fewest = Integer.MAX_VALUE;
        for (var entry : received.entrySet()) {
            if (!gone.contains(entry.getKey())) {
                fewest = Math.min(fewest, entry.getValue().size());
            }
        }
        return fewest == Integer.MAX_VALUE || fewest >= proposed.size();
    }

    /** The next lower outcome in its order, or null when that would fall below the reservation value. */
    private Outcome lower() {
        if (lowest == null) {
            return bids.best();
        }
        Outcome next = bids.next(lowest);
        return next == null || !setup.acceptable(next) ? null : next;
    }

    /** The worst outcome it would propose next: the new lower one when ready to concede, else its lowest so far. */
    public Outcome worstNext() {
        if (readyToConcede()) {
            Outcome next = lower();
            if (next != null) {
                return next;
            }
        }
        return lowest == null ? bids.best() : lowest;
    }

    public double worstNextUtility() {
        return bids.utility(worstNext());
    }

    @Override
    public Outcome bid(double time) {
        if (readyToConcede()) {
            Outcome next = lower();
            if (next != null) {
                return next;
            }
        }
        if (proposed.isEmpty()) {
            return bids.best();
        }
        return proposed.get(setup.random().nextInt(proposed.size()));
    }
}

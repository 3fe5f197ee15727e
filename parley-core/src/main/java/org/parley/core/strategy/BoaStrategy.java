package org.parley.core.strategy;

import org.parley.core.model.Outcome;
import org.parley.core.model.Tolerances;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Request;

/**
 * A strategy composed of a bidding strategy, an acceptance condition and (optionally) an opponent
 * model, the BOA architecture of Baarslag et al. (2014). It answers every kind of request:
 * <ul>
 *   <li>propose: the bidding strategy's bid;
 *   <li>respond (SAOP): accept the standing offer when it may and the acceptance condition agrees,
 *       else counter with its bid;
 *   <li>vote (AMOP): yes when it may accept and the acceptance condition agrees;
 *   <li>vote on a modified text (mediation): yes when the modification keeps its constraints and is
 *       at least as good as the current text, or when the acceptance condition takes it;
 *   <li>ratify: yes when it may accept and the acceptance condition agrees.
 * </ul>
 * "May accept" means keeping its hard constraints and reaching its reservation value: no
 * acceptance condition can make it sign a deal worse than no deal. It walks away when no outcome
 * at all is acceptable to it.
 *
 * <p>Discount-aware (see {@link TimePressure}), it weighs time as its deals lose value: the
 * acceptance condition compares the offer now with its own next bid discounted by the round that
 * bid would cost (what waiting is worth, not what it says), and it walks away, rather than
 * offer or accept anything, when neither the offer on the table nor its own next bid a round
 * later is worth its walk-away value now: no deal left on its plan beats leaving.
 *
 * <p>A wary BOA strategy ({@code wary} above 0) reads trust from its setup: at a table with a
 * counterpart it distrusts it signs nothing below its guarded reservation value
 * ({@link Setup#guardedReservation}), whatever its acceptance condition would take.
 */
public class BoaStrategy implements Strategy {

    private final BiddingStrategy bidding;
    private final AcceptanceCondition acceptance;
    private final OpponentModel model;
    private final boolean discountAware;
    private TimePressure pressure;
    private final double wary;
    private double floor;
    private OfferHistory received;
    private Setup setup;
    private java.util.Set<String> opponents;
    private Outcome lastBid;
    private double lastBidUtility;
    private boolean hopeless;

    public BoaStrategy(BiddingStrategy bidding, AcceptanceCondition acceptance, OpponentModel model) {
        this(bidding, acceptance, model, false);
    }

    public BoaStrategy(BiddingStrategy bidding, AcceptanceCondition acceptance, OpponentModel model,
            boolean discountAware) {
        this(bidding, acceptance, model, discountAware, 0);
    }

    /** @param wary how far full distrust of a counterpart raises the least it signs towards its best bid, in [0, 1] */
    public BoaStrategy(BiddingStrategy bidding, AcceptanceCondition acceptance, OpponentModel model,
            boolean discountAware, double wary) {
        if (!(wary >= 0 && wary <= 1)) {
            throw new IllegalArgumentException("The wariness (" + wary + ") must lie in [0, 1].");
        }
        this.bidding = bidding;
        this.acceptance = acceptance;
        this.model = model;
        this.discountAware = discountAware;
        this.wary = wary;
    }

    @Override
    public void start(Setup setup) {
        this.setup = setup;
        this.received = new OfferHistory(setup.preferences()::utility);
        this.opponents = new java.util.HashSet<>(setup.opponents());
        BidSpace bids = setup.bids();
        hopeless = bids.isEmpty() || bids.max() < setup.reservation() - Tolerances.ACCEPTANCE;
        pressure = discountAware ? TimePressure.of(setup) : null;
        floor = setup.guardedReservation(wary);
        if (model != null) {
            model.start(setup);
        }
        bidding.start(setup, model);
    }

    @Override
    public void observe(Move move) {
        if (move.action() instanceof Action.Offer offer && opponents.contains(move.party())) {
            received.add(move.time(), offer.outcome());
        }
        if (model != null) {
            model.update(move);
        }
        if (pressure != null) {
            pressure.observe(move);
        }
        bidding.observe(move);
    }

    @Override
    public Action act(Request request) {
        if (hopeless) {
            return new Action.WalkAway();
        }
        double t = request.time();
        if (pressure != null) {
            pressure.observe(request.round(), t);
        }
        return switch (request.kind()) {
            case PROPOSE -> {
                Outcome bid = bidding.bid(t);
                yield notWorthWaiting(bid) ? new Action.WalkAway() : new Action.Offer(bid);
            }
            case RESPOND -> {
                Outcome bid = bidding.bid(t);
                if (accepts(request.outcome(), bid, t)) {
                    yield new Action.Accept(request.outcome());
                }
                yield notWorthWaiting(bid) ? new Action.WalkAway() : new Action.Offer(bid);
            }
            case VOTE -> vote(request, t);
            case RATIFY -> accepts(request.outcome(), bidding.bid(t), t)
                    ? new Action.Accept(request.outcome())
                    : new Action.Reject(request.outcome());
        };
    }

    private Action vote(Request request, double t) {
        Outcome outcome = request.outcome();
        boolean yes;
        if (request.reference() == null) {
            yes = accepts(outcome, bidding.bid(t), t);
        } else {
            yes = setup.preferences().satisfiesConstraints(outcome)
                    && (value(outcome) >= value(request.reference()) || accepts(outcome, bidding.bid(t), t));
        }
        return yes ? new Action.Accept(outcome) : new Action.Reject(outcome);
    }

    /** Own utility, or -1 for an outcome that breaks an own constraint. */
    private double value(Outcome outcome) {
        return setup.preferences().satisfiesConstraints(outcome) ? setup.utility(outcome) : -1;
    }

    private boolean accepts(Outcome offered, Outcome nextBid, double t) {
        var preferences = setup.preferences();
        double u = preferences.utility(offered);
        double next = bidUtility(nextBid) * (pressure == null ? 1 : pressure.step());
        return u >= floor - Tolerances.ACCEPTANCE
                && preferences.satisfiesConstraints(offered)
                && acceptance.accept(u, next, t, received);
    }

    /**
     * Discount-aware only: whether its next bid, reached a round from now at the earliest, is worth
     * less than walking away now. (Both are discounted to now by the same factor, so only the
     * round's cost separates them.)
     */
    private boolean notWorthWaiting(Outcome nextBid) {
        return pressure != null && pressure.discounted()
                && bidUtility(nextBid) * pressure.step() < setup.reservation() - Tolerances.ACCEPTANCE;
    }

    /** Bids repeat (the same outcome object from the bid space), so their utility is kept. */
    private double bidUtility(Outcome bid) {
        if (bid != lastBid) {
            lastBid = bid;
            lastBidUtility = setup.utility(bid);
        }
        return lastBidUtility;
    }

    protected Setup setup() {
        return setup;
    }
}

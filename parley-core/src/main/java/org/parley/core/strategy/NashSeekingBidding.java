package org.parley.core.strategy;

import java.util.List;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;

/**
 * Bids good for itself and likely acceptable to the others, aiming near the Nash point as its
 * opponent model estimates it (in the spirit of HardHeaded, van Krimpen et al. 2013). "The
 * others" are the parties whose signature the deal needs (see {@link #signatories}). Its target
 * follows time-dependent concession (exponent e) but does not fall below its own utility at the
 * estimated Nash point, argmax (u_self − r) · Π_j û_j over a sample of feasible outcomes, until
 * the last fifth of the time, where it hands over to plain concession. The estimate is refreshed
 * every {@value #REFRESH} opponent offers. At each bid it draws {@value #CANDIDATES} outcomes with
 * own utility in [target, target + band] and offers the one with the highest estimated product of
 * the opponents' utilities. No enumeration: O(samples · issues) per bid.
 */
public final class NashSeekingBidding implements BiddingStrategy {

    static final int CANDIDATES = 12;
    static final int REFRESH = 8;
    private static final int LEVELS = 24;
    private static final int PER_LEVEL = 6;
    private static final int WARM_UP = 4;
    private static final double HANDOVER = 0.8;

    private final TimeDependentBidding concession;
    private Setup setup;
    private BidSpace bids;
    private OpponentModel model;
    private List<String> opponents;
    private java.util.Set<String> opponentSet;
    private double floor;
    private double nashUtility = Double.NaN;
    private int offersSeen;
    private double lastTime = -1;
    private Outcome last;

    public NashSeekingBidding(double e) {
        this(e, false);
    }

    /** {@code discountAware}: its concession reads the plan time of {@link TimePressure}, as {@link TimeDependentBidding} does. */
    public NashSeekingBidding(double e, boolean discountAware) {
        concession = new TimeDependentBidding(e, discountAware);
    }

    @Override
    public void start(Setup setup, OpponentModel model) {
        if (model == null) {
            throw new IllegalArgumentException("Nash-seeking bidding needs an opponent model.");
        }
        this.setup = setup;
        this.bids = setup.bids();
        this.model = model;
        this.opponents = signatories(setup);
        this.opponentSet = new java.util.HashSet<>(setup.opponents());
        concession.start(setup, model);
        floor = Math.min(bids.max(), Math.max(setup.reservation(), bids.min()));
    }

    @Override
    public void observe(Move move) {
        concession.observe(move);
        if (move.action() instanceof Action.Offer && opponentSet.contains(move.party())) {
            offersSeen++;
            if (offersSeen >= WARM_UP && offersSeen % REFRESH == WARM_UP % REFRESH) {
                nashUtility = estimateNash();
            }
        }
    }

    /**
     * The opponents whose signature the deal needs: the required ones when the agreement rule's
     * quorum is made of required parties only (an optional party's wishes then cost without
     * helping), else all of them.
     */
    static List<String> signatories(Setup setup) {
        var rule = setup.rule();
        if (rule.required().size() >= rule.quorum() && rule.required().contains(setup.self())) {
            List<String> required = setup.opponents().stream().filter(rule.required()::contains).toList();
            if (!required.isEmpty()) {
                return required;
            }
        }
        return setup.opponents();
    }

    /** Own utility at the estimated Nash point, or NaN before enough offers have been seen. */
    public double nashUtility() {
        return nashUtility;
    }

    @Override
    public Outcome bid(double time) {
        if (time == lastTime && last != null) {
            return last;
        }
        double target = concession.target(time);
        if (!Double.isNaN(nashUtility) && nashUtility > target) {
            // The estimate can be wrong (opponents' hard constraints leave no trace in a frequency
            // model), so in the last fifth of the time the floor hands over to plain concession.
            double fade = time <= HANDOVER ? 0 : (time - HANDOVER) / (1 - HANDOVER);
            target = nashUtility - (nashUtility - target) * Math.min(1, fade);
        }
        double band = Math.max(0.02, 0.05 * (bids.max() - floor));
        Outcome best = bids.atLeast(target);
        double bestScore = score(best);
        for (int k = 0; k < CANDIDATES; k++) {
            Outcome candidate = bids.random(target, Math.min(bids.max(), target + band), setup.random());
            if (candidate != null) {
                double s = score(candidate);
                if (s > bestScore) {
                    best = candidate;
                    bestScore = s;
                }
            }
        }
        last = best;
        lastTime = time;
        return best;
    }

    private double score(Outcome outcome) {
        double product = 1;
        for (String opponent : opponents) {
            product *= model.utility(opponent, outcome);
        }
        return product;
    }

    private double estimateNash() {
        double bestProduct = Double.NEGATIVE_INFINITY;
        double bestOwn = Double.NaN;
        for (int level = 0; level < LEVELS; level++) {
            double lo = floor + (bids.max() - floor) * level / LEVELS;
            double hi = floor + (bids.max() - floor) * (level + 1) / LEVELS;
            for (int k = 0; k < PER_LEVEL; k++) {
                Outcome candidate = bids.random(lo, hi, setup.random());
                if (candidate == null) {
                    break;
                }
                double own = bids.utility(candidate);
                double product = (own - setup.reservation()) * score(candidate);
                if (product > bestProduct) {
                    bestProduct = product;
                    bestOwn = own;
                }
            }
        }
        return bestOwn;
    }
}

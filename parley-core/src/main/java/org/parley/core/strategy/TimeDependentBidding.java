package org.parley.core.strategy;

import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Move;

/**
 * Time-dependent concession (Faratin, Sierra and Jennings 1998): the target utility at normalised
 * time t is u_max − (u_max − u_min) · t^(1/e), with u_min the larger of the reservation value and
 * the worst feasible utility. e &lt; 1 is Boulware (holds out, concedes late), e = 1 linear, e &gt; 1 a
 * conceder. The bid is the outcome closest to the target from above: O(log N) on a listed space,
 * O(issues · values) on an issue-wise one.
 *
 * <p>Discount-aware (the default in the registry), the curve is read at the plan time τ(t) of
 * {@link TimePressure} instead of t: the share of the party's discount lost so far. A party whose
 * deals lose value concedes earlier, the more so the steeper its discount; without a discount
 * nothing changes. The floor stays the reservation value, so a party with a good walk-away keeps
 * higher demands throughout.
 *
 * <p>It reads trust: facing a counterpart it distrusts from earlier dealings (a world of repeated
 * negotiations), it raises u_min towards u_max by {@code wary × distrust}
 * ({@link Setup#guardedReservation}), so it demands more and concedes less to that table.
 */
public final class TimeDependentBidding implements BiddingStrategy {

    private final double e;
    private final boolean discountAware;
    private final double wary;
    private BidSpace bids;
    private TimePressure pressure;
    private double max;
    private double min;

    public TimeDependentBidding(double e) {
        this(e, false);
    }

    public TimeDependentBidding(double e, boolean discountAware) {
        this(e, discountAware, 0);
    }

    /** @param wary how far full distrust of a counterpart raises u_min towards u_max, in [0, 1] */
    public TimeDependentBidding(double e, boolean discountAware, double wary) {
        if (!(e > 0) || !Double.isFinite(e)) {
            throw new IllegalArgumentException("The concession exponent e (" + e + ") must be a positive number.");
        }
        if (!(wary >= 0 && wary <= 1)) {
            throw new IllegalArgumentException("The wariness (" + wary + ") must lie in [0, 1].");
        }
        this.e = e;
        this.discountAware = discountAware;
        this.wary = wary;
    }

    @Override
    public void start(Setup setup, OpponentModel model) {
        bids = setup.bids();
        pressure = discountAware ? TimePressure.of(setup) : null;
        max = bids.max();
        min = Math.min(max, Math.max(setup.guardedReservation(wary), bids.min()));
    }

    @Override
    public void observe(Move move) {
        if (pressure != null) {
            pressure.observe(move);
        }
    }

    public double target(double time) {
        double t = Math.max(0, Math.min(1, time));
        if (pressure != null) {
            t = pressure.planTime(t);
        }
        return max - (max - min) * (e == 1 ? t : Math.pow(t, 1 / e));
    }

    @Override
    public Outcome bid(double time) {
        return bids.atLeast(target(time));
    }

    public double e() {
        return e;
    }

    public boolean discountAware() {
        return discountAware;
    }
}

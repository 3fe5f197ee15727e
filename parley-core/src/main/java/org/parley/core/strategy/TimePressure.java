package org.parley.core.strategy;

import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Move;
import org.parley.core.preference.Discount;

/**
 * What time costs one party, from its own discount and the public deadline: the share δ(t) of a
 * deal's utility that is left when the deal is reached at normalised time t, the share one more
 * round costs, and the <em>plan time</em> a discount-aware strategy concedes along.
 *
 * <p>The plan time is the share of the whole discount that is lost by t,
 * τ(t) = (1 − δ(t)) / (1 − δ(1)); it is t itself without a discount and tends to t as δ tends to
 * 1. Under a discount τ runs ahead of t (δ(t) is convex), so a time-dependent curve read at τ
 * concedes earlier: the concession follows the erosion of the value at stake rather than the
 * clock. A per-round discount (an agreement in round k is worth u · δ^k) needs the number of rounds
 * in normalised time: the deadline's round limit when it has one, else the rate of rounds seen so
 * far ({@link #observe}); until a round has passed under a time-only deadline the discount is
 * treated as absent. As in the engine's payoffs, the reservation value is discounted the same way,
 * so at any one moment a deal is worth more than walking away exactly when its undiscounted utility
 * is: what the discount changes is the worth of waiting. O(1) per call.
 */
public final class TimePressure {

    private final Discount discount;
    private final Deadline deadline;
    private double roundsPerTime = Double.NaN;

    public TimePressure(Discount discount, Deadline deadline) {
        if (discount == null || deadline == null) {
            throw new IllegalArgumentException("Time pressure needs a discount and a deadline.");
        }
        this.discount = discount;
        this.deadline = deadline;
    }

    /** The pressure on the strategy's own party. */
    public static TimePressure of(Setup setup) {
        return new TimePressure(setup.preferences().discount(), setup.deadline());
    }

    /** Learns the pace of rounds under a time-only deadline from a public move. */
    public void observe(Move move) {
        observe(move.round(), move.time());
    }

    public void observe(int round, double time) {
        if (!deadline.hasRounds() && round > 0 && time > 0) {
            roundsPerTime = round / time;
        }
    }

    /** Whether a deal loses value as time passes. */
    public boolean discounted() {
        return discount.factor() < 1;
    }

    /** The number of rounds in the whole normalised time: the round limit, else the pace seen so far (NaN before). */
    private double rounds() {
        return deadline.hasRounds() ? deadline.rounds() : roundsPerTime;
    }

    /** δ(t): the share of a deal's utility left when it is reached at normalised time t. */
    public double factor(double time) {
        double t = Math.max(0, Math.min(1, time));
        if (!discounted()) {
            return 1;
        }
        if (discount.basis() == Discount.Basis.NORMALISED_TIME) {
            return Math.pow(discount.factor(), t);
        }
        double rounds = rounds();
        return Double.isNaN(rounds) ? 1 : Math.pow(discount.factor(), t * rounds);
    }

    /** The share of a deal's worth that waiting one more round costs: δ(t + one round) / δ(t), 1 without discount. */
    public double step() {
        if (!discounted()) {
            return 1;
        }
        if (discount.basis() == Discount.Basis.PER_ROUND) {
            return Double.isNaN(rounds()) ? 1 : discount.factor();
        }
        double rounds = rounds();
        return Double.isNaN(rounds) || rounds < 1 ? 1 : Math.pow(discount.factor(), 1 / rounds);
    }

    /** τ(t) = (1 − δ(t)) / (1 − δ(1)): the share of the whole discount lost by t; t without a discount. */
    public double planTime(double time) {
        double t = Math.max(0, Math.min(1, time));
        double end = factor(1);
        if (end >= 1 - 1e-12) {
            return t;
        }
        return Math.min(1, (1 - factor(t)) / (1 - end));
    }
}

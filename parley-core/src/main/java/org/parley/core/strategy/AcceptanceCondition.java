package org.parley.core.strategy;

import org.parley.core.model.Tolerances;

/**
 * The A of BOA: whether to accept an offer, given its own utility, the utility of the offer the
 * strategy would make next, the time, and the offers received so far (Baarslag et al. 2014,
 * "Effective acceptance conditions in multi-issue negotiation"). The strategy applies it only to
 * outcomes it may accept at all (keeping its constraints, at least its reservation value).
 */
@FunctionalInterface
public interface AcceptanceCondition {

    boolean accept(double offered, double nextBid, double time, OfferHistory received);

    /** AC_next(α, β): accept when α · offered + β ≥ the utility of the next own bid. */
    static AcceptanceCondition next(double alpha, double beta) {
        return (offered, nextBid, time, received) -> alpha * offered + beta >= nextBid - Tolerances.ROUNDING;
    }

    static AcceptanceCondition next() {
        return next(1, 0);
    }

    /** AC_const(α): accept any offer worth at least α. */
    static AcceptanceCondition constant(double alpha) {
        return (offered, nextBid, time, received) -> offered >= alpha;
    }

    /** AC_time(T): accept any offer once the time is T or later. */
    static AcceptanceCondition time(double deadline) {
        return (offered, nextBid, time, received) -> time >= deadline;
    }

    /**
     * AC_combi(T, MAX^W): AC_next, or after time T an offer at least as good as the best received
     * in the last window of length W = 1 − t (the time that remains).
     */
    static AcceptanceCondition combi(double deadline) {
        AcceptanceCondition next = next();
        return (offered, nextBid, time, received) -> next.accept(offered, nextBid, time, received)
                || (time >= deadline && offered >= received.bestSince(time - (1 - time)));
    }

    default AcceptanceCondition or(AcceptanceCondition other) {
        return (offered, nextBid, time, received) -> accept(offered, nextBid, time, received)
                || other.accept(offered, nextBid, time, received);
    }

    default AcceptanceCondition and(AcceptanceCondition other) {
        return (offered, nextBid, time, received) -> accept(offered, nextBid, time, received)
                && other.accept(offered, nextBid, time, received);
    }
}

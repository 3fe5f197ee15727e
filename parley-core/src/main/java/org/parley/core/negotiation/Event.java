package org.parley.core.negotiation;

import org.parley.core.model.Outcome;

/**
 * One entry of a negotiation's log. {@code round} counts from 0 (an agreement in round k is
 * discounted by δ^k); {@code time} is the normalised time in [0, 1] read when the move was asked
 * for (at each turn in SAOP, at the opening of a phase in AMOP and mediation), the time the acting
 * strategy saw; {@code utility} is the acting party's own undiscounted
 * utility of the outcome the action concerns, NaN when it concerns none or the actor is the
 * mediator. The log is private to the record: parties see only {@link Move}s.
 */
public record Event(int round, double time, String party, Action action, double utility) {

    /** The name under which the mediator of single-text mediation appears in the log. */
    public static final String MEDIATOR = "mediator";

    public Event {
        if (round < 0) {
            throw new IllegalArgumentException("The round (" + round + ") must not be negative.");
        }
        if (!(time >= 0 && time <= 1)) {
            throw new IllegalArgumentException("The time (" + time + ") must lie in [0, 1].");
        }
        if (party == null || action == null) {
            throw new IllegalArgumentException("An event needs a party and an action.");
        }
    }

    /** The outcome the action concerns (offered, accepted, rejected, put to ratification), or null. */
    public Outcome offer() {
        return action.outcome();
    }

    public boolean hasUtility() {
        return !Double.isNaN(utility);
    }

    /** The public part of the event: the move and its message, without the utility or the rationale. */
    public Move move() {
        return new Move(round, time, party, action.withoutRationale());
    }
}

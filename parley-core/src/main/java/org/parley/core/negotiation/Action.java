package org.parley.core.negotiation;

import org.parley.core.model.Outcome;

/**
 * What a party does at its turn, or what the protocol records about it. A party submits an
 * {@link Offer}, a {@link Vote} ({@link Accept} or {@link Reject}) or {@link WalkAway}; the engine
 * alone records {@link Misbehaviour} and the mediator's {@link Ratify}.
 */
public sealed interface Action {

    /** The outcome the action concerns, or null when it concerns none (walking away, misbehaving). */
    Outcome outcome();

    /** A proposal: in SAOP it replaces the standing offer. */
    record Offer(Outcome outcome) implements Action {
        public Offer {
            requireOutcome(outcome, "An offer");
        }
    }

    /** A yes or no on an outcome put to the party: the standing offer, a proposal, a text. */
    sealed interface Vote extends Action permits Accept, Reject {
        boolean yes();
    }

    /** Yes to the outcome put to the party (the standing offer in SAOP, a proposal or text when voting). */
    record Accept(Outcome outcome) implements Vote {
        public Accept {
            requireOutcome(outcome, "An acceptance");
        }

        @Override
        public boolean yes() {
            return true;
        }
    }

    /** No to the outcome put to the party in a vote (AMOP, mediation). */
    record Reject(Outcome outcome) implements Vote {
        public Reject {
            requireOutcome(outcome, "A rejection");
        }

        @Override
        public boolean yes() {
            return false;
        }
    }

    /** The party leaves the table and takes its reservation value. */
    record WalkAway() implements Action {
        @Override
        public Outcome outcome() {
            return null;
        }
    }

    /**
     * Recorded by the engine when a party's strategy throws, overruns its move time limit or makes
     * an invalid move. The party is then treated as having walked away.
     */
    record Misbehaviour(Kind kind, String reason) implements Action {

        public enum Kind {
            EXCEPTION,
            TIMEOUT,
            INVALID_MOVE
        }

        public Misbehaviour {
            if (kind == null) {
                throw new IllegalArgumentException("A misbehaviour needs a kind.");
            }
            reason = reason == null ? "" : reason;
        }

        @Override
        public Outcome outcome() {
            return null;
        }
    }

    /** The mediator puts its final text to the ratification vote (single-text mediation). */
    record Ratify(Outcome outcome) implements Action {
        public Ratify {
            requireOutcome(outcome, "A ratification");
        }
    }

    private static void requireOutcome(Outcome outcome, String what) {
        if (outcome == null) {
            throw new IllegalArgumentException(what + " needs an outcome.");
        }
    }
}

package org.parley.core.negotiation;

import org.parley.api.Stable;
import org.parley.core.model.Outcome;

/**
 * A move the protocol is waiting for: which party, what kind of answer, and the outcome put to it.
 * Everything in a request is public; it is what a strategy (or a person, through a server) is
 * shown at its turn.
 *
 * @param outcome the outcome put to the party: the standing offer ({@link Kind#RESPOND}), the
 *     proposal or modified text ({@link Kind#VOTE}), the final text ({@link Kind#RATIFY}); null for
 *     {@link Kind#PROPOSE}
 * @param reference the current text the modification would replace (single-text mediation), else null
 * @param proposer who proposed {@code outcome} (a party, or {@link Event#MEDIATOR}), or null
 */
@Stable
public record Request(String party, Kind kind, int round, double time, Outcome outcome, Outcome reference, String proposer) {

    public enum Kind {
        /** Make an offer (or walk away): SAOP's first move, AMOP's proposal phase. */
        PROPOSE,
        /** SAOP: accept the standing offer, make a counter-offer, or walk away. */
        RESPOND,
        /** Vote yes or no on a proposal (AMOP) or a modified text (mediation), or walk away. */
        VOTE,
        /** Sign the mediator's final text or not, or walk away. */
        RATIFY
    }

    public Request {
        if (party == null || kind == null) {
            throw new IllegalArgumentException("A request needs a party and a kind.");
        }
        if ((kind == Kind.PROPOSE) != (outcome == null)) {
            throw new IllegalArgumentException("A " + kind + " request " + (outcome == null ? "needs" : "takes no")
                    + " outcome.");
        }
    }
}

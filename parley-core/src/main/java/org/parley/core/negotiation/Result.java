package org.parley.core.negotiation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Stable;
import org.parley.core.model.Outcome;

/**
 * How a negotiation ended. With an agreement, the signers get their utility of {@code outcome} and
 * every other party its reservation value; without one, every party gets its reservation value.
 * {@code signers} and {@code payoffs} list parties in scenario order. {@code rounds} is the number of rounds
 * begun; {@code time} the normalised time at the end.
 */
@Stable
public record Result(
        boolean agreement, Outcome outcome, List<String> signers, Map<String, Payoff> payoffs, int rounds, double time,
        Ending ending, String reason) {

    /** A party's score: undiscounted, and discounted by its own discount at the end's round and time. */
    public record Payoff(double utility, double discounted) {}

    public enum Ending {
        /** The agreement rule's signers agreed. */
        AGREEMENT,
        /** The round or time limit passed. */
        DEADLINE,
        /** A party walked away (or misbehaved) and the agreement rule could no longer be met. */
        WALK_AWAY,
        /** The mediator's final text was not ratified. */
        NOT_RATIFIED
    }

    public Result {
        signers = List.copyOf(signers);
        payoffs = Collections.unmodifiableMap(new LinkedHashMap<>(payoffs));
        if (agreement != (outcome != null) || agreement != (ending == Ending.AGREEMENT)) {
            throw new IllegalArgumentException("An agreement needs an outcome and the AGREEMENT ending, and only it.");
        }
        reason = reason == null ? "" : reason;
    }

    public Payoff payoff(String party) {
        return payoffs.get(party);
    }
}

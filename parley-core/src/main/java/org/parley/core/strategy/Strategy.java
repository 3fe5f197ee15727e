package org.parley.core.strategy;

import org.parley.api.Stable;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Request;

/**
 * An AI diplomat. It is told its {@link Setup} once, then sees every public {@link Move} (its own
 * included) in order and answers each {@link Request} put to it. That is all it ever sees: its
 * own preferences, the domain, the protocol's state, the offers made so far and the time; never
 * another party's preferences. A strategy must be deterministic given its setup (its random
 * generator included) and what it has seen, so that a run can be replayed from its log.
 *
 * <p>Every call is watched: a strategy that throws, overruns the move time limit (which covers
 * observing the moves before its turn and acting) or answers with a move the protocol does not
 * allow is logged with the reason and leaves the table; the negotiation goes on without it. One
 * instance plays one party in one negotiation, and is called from one thread at a time.
 */
@Stable
public interface Strategy {

    void start(Setup setup);

    /** The move for {@code request}: an offer, an acceptance or rejection, or walking away. */
    Action act(Request request);

    /** A move that became public (proposals and votes of a phase are revealed when it closes). */
    default void observe(Move move) {}

    /**
     * The negotiation is over, after the strategy has observed its last moves: {@code agreement}
     * is the outcome agreed, or null when there was none. Called once, unless the strategy was put
     * out for misbehaving; for releasing what it holds or learning across negotiations.
     */
    default void end(Outcome agreement) {}
}

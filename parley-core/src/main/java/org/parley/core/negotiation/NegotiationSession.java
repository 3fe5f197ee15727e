package org.parley.core.negotiation;

import java.util.List;
import org.parley.core.model.Scenario;

/**
 * One negotiation under a protocol, driven step by step: the session says which moves it is
 * waiting for ({@link #pending()}), a move is handed in with {@link #submit}, and the session
 * advances. Moves may come from in-process strategies or from outside (a person through a
 * server); the session does not care which. Not thread-safe: one caller at a time.
 *
 * <p>The log is the session's only memory that matters: replaying the logged moves into a fresh
 * session of the same scenario and settings rebuilds the same state.
 */
public interface NegotiationSession {

    Scenario scenario();

    NegotiationSettings settings();

    /** The open requests, at most one per party, in party order; empty once finished. */
    List<Request> pending();

    /** The first open request in party order, or null. */
    default Request next() {
        List<Request> pending = pending();
        return pending.isEmpty() ? null : pending.get(0);
    }

    /** The open request of {@code party}, or null when the session waits for nothing from it. */
    Request pending(String party);

    /**
     * Hands in {@code party}'s move for its open request.
     *
     * @throws InvalidMoveException when the party has no open request or the move does not answer it;
     *     the session is unchanged
     */
    void submit(String party, Action action);

    /**
     * Records that {@code party} misbehaved (its strategy threw, overran its time or made an invalid
     * move); the party is treated as having walked away.
     */
    void misbehaved(String party, Action.Misbehaviour misbehaviour);

    /** Ends the session when its wall-clock deadline has passed; returns whether it is finished. */
    boolean checkDeadline();

    /**
     * Ends the negotiation now without agreement, as if its deadline had passed (the ending is
     * {@link Result.Ending#DEADLINE}), with {@code reason}: an organizer calling time. Nothing
     * happens if it has ended already.
     */
    default void stop(String reason) {
        throw new UnsupportedOperationException("This session cannot be stopped.");
    }

    boolean finished();

    /** The full log so far, in order. */
    List<Event> events();

    /** How many events, from the first, every party may see; the rest are sealed votes or proposals. */
    int published();

    /** The result, or null while the negotiation runs. */
    Result result();

    default NegotiationRecord record() {
        return new NegotiationRecord(scenario().name(), settings(), events(), result());
    }
}

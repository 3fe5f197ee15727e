package org.parley.core.negotiation;

import org.parley.api.Stable;
import org.parley.core.model.Outcome;

/**
 * What a party does at its turn, or what the protocol records about it. A party submits an
 * {@link Offer}, a {@link Vote} ({@link Accept} or {@link Reject}) or {@link WalkAway}; the engine
 * alone records {@link Misbehaviour} and the mediator's {@link Ratify}.
 *
 * <p>A party's action may carry a {@link #message()}, what it says to the table with the move, and
 * a {@link #rationale()}, why it moves, for the record. Both are optional: {@code new Offer(bid)}
 * says nothing. The message is public; the rationale is private to the party and the record
 * ({@link Event#move()} leaves it out of what the others see).
 */
@Stable
public sealed interface Action {

    /** The longest message a party may send with a move. */
    int MESSAGE_LIMIT = 500;

    /** The outcome the action concerns, or null when it concerns none (walking away, misbehaving). */
    Outcome outcome();

    /**
     * The action's one name in records, CSV and the API: offer, accept, reject, walk-away,
     * misbehaviour or ratify. Stored records hold it: never change one.
     */
    String key();

    /** How a trace or a page shows the action: offer, accept, reject, walk away, misbehaved, ratify. */
    String label();

    /** Whether the party leaves the table with it (walking away, or misbehaving and being put out). */
    default boolean leavesTable() {
        return false;
    }

    /** Whether only the engine or the mediator records it, never a party's move. */
    default boolean recordedByEngine() {
        return false;
    }

    /** What the party says to the table with the move, or null when it says nothing. */
    default String message() {
        return null;
    }

    /** Why the party moved (private to it and the record), or null when it does not say. */
    default Rationale rationale() {
        return null;
    }

    /**
     * The same move with a rationale and a message (either may be null); a move no party makes
     * (misbehaviour, ratify) says nothing and stays as it is.
     */
    default Action explained(Rationale why, String says) {
        return this;
    }

    /** The action as the other parties see it: the same move and message, without the rationale. */
    default Action withoutRationale() {
        return this;
    }

    /** A proposal: in SAOP it replaces the standing offer. */
    record Offer(Outcome outcome, Rationale rationale, String message) implements Action {
        public Offer {
            requireOutcome(outcome, "An offer");
            message = checkMessage(message);
        }

        public Offer(Outcome outcome) {
            this(outcome, null, null);
        }

        /** The same offer with a rationale and a message (either may be null). */
        @Override
        public Offer explained(Rationale why, String says) {
            return new Offer(outcome, why, says);
        }

        @Override
        public Offer withoutRationale() {
            return rationale == null ? this : new Offer(outcome, null, message);
        }

        @Override
        public String key() {
            return "offer";
        }

        @Override
        public String label() {
            return "offer";
        }
    }

    /** A yes or no on an outcome put to the party: the standing offer, a proposal, a text. */
    sealed interface Vote extends Action permits Accept, Reject {
        boolean yes();

        /** A vote's key and label are its answer. */
        @Override
        default String key() {
            return yes() ? "accept" : "reject";
        }

        @Override
        default String label() {
            return key();
        }
    }

    /** Yes to the outcome put to the party (the standing offer in SAOP, a proposal or text when voting). */
    record Accept(Outcome outcome, Rationale rationale, String message) implements Vote {
        public Accept {
            requireOutcome(outcome, "An acceptance");
            message = checkMessage(message);
        }

        public Accept(Outcome outcome) {
            this(outcome, null, null);
        }

        /** The same vote with a rationale and a message (either may be null). */
        @Override
        public Accept explained(Rationale why, String says) {
            return new Accept(outcome, why, says);
        }

        @Override
        public Accept withoutRationale() {
            return rationale == null ? this : new Accept(outcome, null, message);
        }

        @Override
        public boolean yes() {
            return true;
        }
    }

    /** No to the outcome put to the party in a vote (AMOP, mediation). */
    record Reject(Outcome outcome, Rationale rationale, String message) implements Vote {
        public Reject {
            requireOutcome(outcome, "A rejection");
            message = checkMessage(message);
        }

        public Reject(Outcome outcome) {
            this(outcome, null, null);
        }

        /** The same vote with a rationale and a message (either may be null). */
        @Override
        public Reject explained(Rationale why, String says) {
            return new Reject(outcome, why, says);
        }

        @Override
        public Reject withoutRationale() {
            return rationale == null ? this : new Reject(outcome, null, message);
        }

        @Override
        public boolean yes() {
            return false;
        }
    }

    /** The party leaves the table and takes its reservation value. */
    record WalkAway(Rationale rationale, String message) implements Action {
        public WalkAway {
            message = checkMessage(message);
        }

        public WalkAway() {
            this(null, null);
        }

        /** Walking away with a rationale and a message (either may be null). */
        @Override
        public WalkAway explained(Rationale why, String says) {
            return new WalkAway(why, says);
        }

        @Override
        public WalkAway withoutRationale() {
            return rationale == null ? this : new WalkAway(null, message);
        }

        @Override
        public Outcome outcome() {
            return null;
        }

        @Override
        public String key() {
            return "walk-away";
        }

        @Override
        public String label() {
            return "walk away";
        }

        @Override
        public boolean leavesTable() {
            return true;
        }
    }

    /**
     * Recorded by the engine when a party's strategy throws, overruns its move time limit or makes
     * an invalid move ({@code reason}), with what happened in words ({@code detail}: the exception,
     * the limit, the rule broken). The party is then treated as having walked away.
     */
    record Misbehaviour(Reason reason, String detail) implements Action {

        /** Why the engine put the party out. */
        public enum Reason {
            EXCEPTION("exception", "exception"),
            TIMEOUT("timeout", "timeout"),
            INVALID_MOVE("invalid-move", "invalid move");

            private final String key;
            private final String label;

            Reason(String key, String label) {
                this.key = key;
                this.label = label;
            }

            /** The name in records and CSV (records store it as the event's {@code kind}). */
            public String key() {
                return key;
            }

            /** The name in traces and on pages. */
            public String label() {
                return label;
            }

            /** The reason with this key; an {@link IllegalArgumentException} listing the keys if none. */
            public static Reason of(String key) {
                for (Reason reason : values()) {
                    if (reason.key.equals(key)) {
                        return reason;
                    }
                }
                throw new IllegalArgumentException("Unknown misbehaviour (" + key + "); expected exception, timeout or"
                        + " invalid-move.");
            }
        }

        public Misbehaviour {
            if (reason == null) {
                throw new IllegalArgumentException("A misbehaviour needs a reason.");
            }
            detail = detail == null ? "" : detail;
        }

        @Override
        public Outcome outcome() {
            return null;
        }

        @Override
        public String key() {
            return "misbehaviour";
        }

        @Override
        public String label() {
            return "misbehaved";
        }

        @Override
        public boolean leavesTable() {
            return true;
        }

        @Override
        public boolean recordedByEngine() {
            return true;
        }

        /** "timeout: its move took longer than ..." */
        public String describe() {
            return reason.label() + ": " + detail;
        }
    }

    /** The mediator puts its final text to the ratification vote (single-text mediation). */
    record Ratify(Outcome outcome) implements Action {
        public Ratify {
            requireOutcome(outcome, "A ratification");
        }

        @Override
        public String key() {
            return "ratify";
        }

        @Override
        public String label() {
            return "ratify";
        }

        @Override
        public boolean recordedByEngine() {
            return true;
        }
    }

    /**
     * A message as kept: null for none or blank, else the text as given; one with a line break or
     * another control character, or longer than {@link #MESSAGE_LIMIT}, is refused (a trace shows
     * one move a line, and a strategy's message is no place for a document).
     */
    private static String checkMessage(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        if (message.length() > MESSAGE_LIMIT) {
            throw new IllegalArgumentException("A message must be at most " + MESSAGE_LIMIT + " characters, got "
                    + message.length() + ".");
        }
        if (message.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("A message must be one line without control characters: ("
                    + message.replaceAll("\\p{Cntrl}", "?") + ").");
        }
        return message;
    }

    private static void requireOutcome(Outcome outcome, String what) {
        if (outcome == null) {
            throw new IllegalArgumentException(what + " needs an outcome.");
        }
    }
}

package org.parley.core.negotiation;

/**
 * A move the protocol does not allow: out of turn, of the wrong kind, or with an outcome that does
 * not fit the domain or breaks the mover's own hard constraints. The session is left unchanged, so
 * a person can try again; the engine records an AI strategy's invalid move as misbehaviour.
 */
public final class InvalidMoveException extends RuntimeException {

    public InvalidMoveException(String message) {
        super(message);
    }
}

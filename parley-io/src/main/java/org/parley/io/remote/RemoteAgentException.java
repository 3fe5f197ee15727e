package org.parley.io.remote;

/**
 * A remote agent failed: it could not be reached, did not answer in time, or answered with
 * something the protocol does not allow. Thrown from the strategy's call, so the engine records
 * it as that party's misbehaviour, with this message, and the negotiation goes on without it.
 */
public final class RemoteAgentException extends RuntimeException {

    public RemoteAgentException(String message) {
        super(message);
    }

    public RemoteAgentException(String message, Throwable cause) {
        super(message, cause);
    }
}

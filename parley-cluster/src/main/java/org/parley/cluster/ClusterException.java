package org.parley.cluster;

/** A cluster that cannot be formed or joined, or a negotiation a member could not run; the message says which. */
public final class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}

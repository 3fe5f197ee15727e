package org.parley.server;

/**
 * A request the API refuses: an HTTP status, the request field at fault (a dotted path such as
 * {@code deadline.rounds}, or null when no one field is), and a message that says what was
 * expected. Sent to the client as {@code {"error": {"status", "field", "message"}}}.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String field;

    public ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, field, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, null, message);
    }

    private long retryAfter;

    /** The same, telling the client to retry after this many seconds (a Retry-After header). */
    ApiException retryAfter(long seconds) {
        this.retryAfter = seconds;
        return this;
    }

    long retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}

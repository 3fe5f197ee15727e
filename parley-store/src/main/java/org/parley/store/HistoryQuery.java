package org.parley.store;

import java.time.Instant;

/**
 * A filter over stored negotiations; null fields do not filter. {@code strategy} matches records in
 * which any party played that strategy spec (exactly, or by its name before the first ':').
 */
public record HistoryQuery(String scenario, String strategy, Instant from, Instant to, String batch, int limit) {

    public static final HistoryQuery ALL = new HistoryQuery(null, null, null, null, null, 1000);

    public HistoryQuery {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit (" + limit + ") must be positive.");
        }
    }
}

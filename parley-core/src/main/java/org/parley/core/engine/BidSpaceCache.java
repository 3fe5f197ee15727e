package org.parley.core.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import org.parley.api.Stable;
import org.parley.core.model.Domain;
import org.parley.core.preference.Preferences;
import org.parley.core.strategy.BidSpace;

/**
 * Bid spaces built once per party's preferences and reused by every negotiation of a scenario, so
 * that repeated runs (tournaments, benchmarks) pay for sorting or the issue-wise tables once.
 * Thread-safe. Only the engine holds it: a strategy is handed its own bid space, never the cache.
 */
@Stable
public final class BidSpaceCache {

    private final Map<Preferences, BidSpace> spaces = new IdentityHashMap<>();

    public synchronized BidSpace get(Domain domain, Preferences preferences) {
        return spaces.computeIfAbsent(preferences, p -> BidSpace.of(domain, p));
    }
}

package org.parley.core.negotiation;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.api.Stable;

/**
 * Everything that, with the scenario, determines a run: the protocol (its registered key, e.g.
 * {@code sao}: see {@code org.parley.core.protocol.Protocols}), the deadline, the strategy
 * per party (in the scenario's party order), the seed every random choice derives from, and the
 * time a strategy may take for one move (null for no limit). Same scenario and settings, same
 * strategies: same run, except where a wall-clock limit cuts it.
 */
@Stable
public record NegotiationSettings(
        String protocol, Deadline deadline, Map<String, StrategySpec> strategies, long seed, Duration moveTimeLimit) {

    public static final Duration DEFAULT_MOVE_TIME_LIMIT = Duration.ofSeconds(1);

    public NegotiationSettings {
        if (protocol == null || protocol.isBlank() || deadline == null) {
            throw new IllegalArgumentException("Settings need a protocol and a deadline.");
        }
        strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        if (moveTimeLimit != null && (moveTimeLimit.isNegative() || moveTimeLimit.isZero())) {
            throw new IllegalArgumentException("The move time limit (" + moveTimeLimit + ") must be positive.");
        }
    }

    public StrategySpec strategy(String party) {
        StrategySpec spec = strategies.get(party);
        if (spec == null) {
            throw new IllegalArgumentException("No strategy for party (" + party + "); the settings name "
                    + strategies.keySet() + ".");
        }
        return spec;
    }

    public NegotiationSettings withStrategy(String party, StrategySpec spec) {
        Map<String, StrategySpec> copy = new LinkedHashMap<>(strategies);
        copy.put(party, spec);
        return new NegotiationSettings(protocol, deadline, copy, seed, moveTimeLimit);
    }
}

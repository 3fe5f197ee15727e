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
 * time a strategy may take for one move (null for no limit), and what each party has learned of the
 * others' reliability in earlier dealings: {@code trust} maps a party to its trust in each other
 * party, in [0, 1] (½ is a stranger's), empty outside a world of repeated negotiations. Each
 * strategy is told only its own party's row. Same scenario and settings, same strategies: same run,
 * except where a wall-clock limit cuts it.
 */
@Stable
public record NegotiationSettings(
        String protocol, Deadline deadline, Map<String, StrategySpec> strategies, long seed, Duration moveTimeLimit,
        Map<String, Map<String, Double>> trust) {

    public static final Duration DEFAULT_MOVE_TIME_LIMIT = Duration.ofSeconds(1);

    public NegotiationSettings {
        if (protocol == null || protocol.isBlank() || deadline == null) {
            throw new IllegalArgumentException("Settings need a protocol and a deadline.");
        }
        strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        if (moveTimeLimit != null && (moveTimeLimit.isNegative() || moveTimeLimit.isZero())) {
            throw new IllegalArgumentException("The move time limit (" + moveTimeLimit + ") must be positive.");
        }
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        if (trust != null) {
            trust.forEach((party, row) -> {
                Map<String, Double> copy = new LinkedHashMap<>();
                row.forEach((other, value) -> {
                    if (value == null || !(value >= 0 && value <= 1)) {
                        throw new IllegalArgumentException("The trust of " + party + " in " + other + " (" + value
                                + ") must lie in [0, 1].");
                    }
                    if (other.equals(party)) {
                        throw new IllegalArgumentException("The party (" + party + ") is given trust in itself.");
                    }
                    copy.put(other, value);
                });
                if (!copy.isEmpty()) {
                    rows.put(party, Collections.unmodifiableMap(copy));
                }
            });
        }
        trust = Collections.unmodifiableMap(rows);
    }

    /** Settings without trust: a negotiation outside a world. */
    public NegotiationSettings(String protocol, Deadline deadline, Map<String, StrategySpec> strategies, long seed,
            Duration moveTimeLimit) {
        this(protocol, deadline, strategies, seed, moveTimeLimit, Map.of());
    }

    /** {@code party}'s trust in each other party it has one for (none: it has no dealings to go on). */
    public Map<String, Double> trust(String party) {
        return trust.getOrDefault(party, Map.of());
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
        return new NegotiationSettings(protocol, deadline, copy, seed, moveTimeLimit, trust);
    }
}

package org.parley.core.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A weighted voting game attached to a scenario, [quota; w_1, ..., w_n]: a coalition wins when its
 * weights reach the quota (the war council's fleets: [60; 30, 25, 30, 15]).
 */
public record WeightedVoting(long quota, Map<String, Long> weights) {

    public WeightedVoting {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        if (quota <= 0) {
            throw new IllegalArgumentException("The quota (" + quota + ") must be positive.");
        }
        weights.forEach((player, weight) -> {
            if (weight < 0) {
                throw new IllegalArgumentException("The weight (" + weight + ") of (" + player + ") must not be negative.");
            }
        });
    }
}

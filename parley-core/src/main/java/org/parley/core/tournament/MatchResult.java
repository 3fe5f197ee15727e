package org.parley.core.tournament;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Result;

/**
 * What a tournament keeps of one negotiation (the GENIUS log columns, defined in docs/design.md, "Figures of one negotiation"). Per role, in
 * the scenario's party order: {@code utilities} undiscounted and {@code discounted} payoffs (the
 * reservation value for a party without a deal). {@code socialWelfare} is the sum of the
 * undiscounted payoffs; the distances are Euclidean, in the utility space of all parties, from the
 * payoff vector to the Pareto frontier and, in {@code distances}, to the point of every solution
 * concept by key, in the registry's order (NaN when no outcome is acceptable to all, or the
 * scenario is beyond the analysis). {@code finalOffer} is the
 * agreement, else the last outcome offered, else null. {@code time} is normalised; {@code millis}
 * is wall-clock time, the one figure that differs between runs.
 */
public record MatchResult(
        Match match, String scenario, List<String> parties, List<String> strategies, boolean agreement,
        Result.Ending ending, int rounds, double time, long millis, List<Double> utilities, List<Double> discounted,
        double socialWelfare, double distancePareto, Map<String, Double> distances, Outcome finalOffer) {

    public MatchResult {
        parties = List.copyOf(parties);
        strategies = List.copyOf(strategies);
        utilities = List.copyOf(utilities);
        discounted = List.copyOf(discounted);
        distances = Collections.unmodifiableMap(new LinkedHashMap<>(distances));
    }

    /** The distance to the point of the concept with {@code key}; NaN when unknown or not computed. */
    public double distance(String key) {
        return distances.getOrDefault(key, Double.NaN);
    }

    public int index() {
        return match.index();
    }
}

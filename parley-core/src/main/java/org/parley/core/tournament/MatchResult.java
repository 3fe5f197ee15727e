package org.parley.core.tournament;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Stable;
import org.parley.core.model.Outcome;
import org.parley.core.negotiation.Result;

/**
 * What a tournament keeps of one negotiation (the columns of a GENIUS tournament log; docs/design.md,
 * "Figures of one negotiation"). Per role, in
 * the scenario's party order: {@code utilities} undiscounted and {@code discounted} payoffs (the
 * reservation value for a party without a deal), and the {@code reservations} themselves, so that
 * {@link #advantage} needs nothing else. {@code socialWelfare} is the sum of the undiscounted
 * payoffs; the distances are the debrief's ({@link org.parley.core.analysis.NegotiationDebrief}):
 * Euclidean, in the utility space of all parties, from the payoff vector to the Pareto frontier of
 * the coalition that signed the deal (without one, of the winning coalition nearest to no deal;
 * non-members at their reservation value) and, in {@code distances}, to that coalition's point of
 * every solution concept by key, in the registry's order (NaN when that coalition has no
 * acceptable outcome, or the scenario is beyond the analysis). {@code finalOffer} is the
 * agreement, else the last outcome offered, else null. {@code time} is normalised; {@code millis}
 * is wall-clock time, the one figure that differs between runs. {@code misbehaviours} says, per
 * role, why the engine put that party out ("timeout: its move took longer than ..."), or is empty
 * when it was not.
 */
@Stable
public record MatchResult(
        Match match, String scenario, List<String> parties, List<String> strategies, boolean agreement,
        Result.Ending ending, int rounds, double time, long millis, List<Double> utilities, List<Double> discounted,
        List<Double> reservations, double socialWelfare, double distancePareto, Map<String, Double> distances,
        Outcome finalOffer, List<String> misbehaviours) {

    /** A result in which no party misbehaved. */
    public MatchResult(Match match, String scenario, List<String> parties, List<String> strategies, boolean agreement,
            Result.Ending ending, int rounds, double time, long millis, List<Double> utilities, List<Double> discounted,
            List<Double> reservations, double socialWelfare, double distancePareto, Map<String, Double> distances,
            Outcome finalOffer) {
        this(match, scenario, parties, strategies, agreement, ending, rounds, time, millis, utilities, discounted,
                reservations, socialWelfare, distancePareto, distances, finalOffer, Collections.nCopies(parties.size(), ""));
    }

    public MatchResult {
        misbehaviours = misbehaviours == null ? Collections.nCopies(parties.size(), "")
                : misbehaviours.stream().map(m -> m == null ? "" : m).toList();
        if (misbehaviours.size() != parties.size()) {
            throw new IllegalArgumentException("A match result needs one misbehaviour entry per party (" + parties.size()
                    + "), got " + misbehaviours.size() + ".");
        }
        parties = List.copyOf(parties);
        strategies = List.copyOf(strategies);
        utilities = List.copyOf(utilities);
        discounted = List.copyOf(discounted);
        reservations = List.copyOf(reservations);
        if (utilities.size() != parties.size() || discounted.size() != parties.size()
                || reservations.size() != parties.size()) {
            throw new IllegalArgumentException("A result needs one utility, discounted utility and reservation value"
                    + " per party (" + parties.size() + "), got " + utilities.size() + ", " + discounted.size() + " and "
                    + reservations.size() + ".");
        }
        distances = Collections.unmodifiableMap(new LinkedHashMap<>(distances));
    }

    /**
     * What role {@code role} gained over walking away: its undiscounted payoff minus its reservation
     * value: 0 without a deal (whatever the discount) and for a party that did not sign; negative
     * only when the strategy signed a deal worth less to it than walking away.
     */
    public double advantage(int role) {
        return utilities.get(role) - reservations.get(role);
    }

    /** The distance to the point of the concept with {@code key}; NaN when unknown or not computed. */
    public double distance(String key) {
        return distances.getOrDefault(key, Double.NaN);
    }

    /** Whether some party was put out for misbehaving. */
    public boolean misbehaved() {
        return misbehaviours.stream().anyMatch(m -> !m.isEmpty());
    }

    public int index() {
        return match.index();
    }
}

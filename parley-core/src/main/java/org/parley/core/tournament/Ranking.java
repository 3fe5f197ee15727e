package org.parley.core.tournament;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Stable;
import org.parley.core.negotiation.StrategySpec;

/**
 * The strategies ranked by their mean discounted payoff over every role they played (the score of
 * the ANAC competitions; Baarslag et al., "Evaluating practical negotiating agents: results and
 * analysis of the 2011 international competition", Artificial Intelligence 198, 2013), with the
 * other figures ANAC reports per agent, each a mean with a 95% Student-t interval ({@link
 * Estimate}).
 *
 * <p>Two kinds of sample. Payoffs (discounted, undiscounted, advantage) are one sample per role
 * played, so a strategy in two roles of one self-play negotiation counts twice. The negotiation's
 * own figures (agreement, social welfare, rounds, distances) are one sample per negotiation the
 * strategy took part in, whatever its number of roles there. The samples of one negotiation are not
 * independent (its parties' payoffs move together), and an agreement rate of 0 or 1 has a sample
 * deviation of 0, so its interval has width 0: the intervals are a guide, not a test. Ties keep the
 * order of the strategies as given.
 */
@Stable
public record Ranking(List<Row> rows) {

    /**
     * A mean of {@code count} samples, NaN ones left out, with the half-width of its two-sided 95%
     * Student-t interval: NaN below two samples, else t(0.975, count − 1) · sd / √count.
     */
    public record Estimate(double mean, double halfWidth, long count) {

        public static final Estimate NONE = new Estimate(Double.NaN, Double.NaN, 0);

        public double low() {
            return mean - halfWidth;
        }

        public double high() {
            return mean + halfWidth;
        }
    }

    /**
     * One strategy's figures: {@code samples} roles played in {@code negotiations} negotiations.
     * Per role played: {@code utility} the discounted payoff (the score), {@code undiscounted} the
     * payoff before discounting, {@code advantage} the undiscounted payoff minus the reservation
     * value. Per negotiation: {@code agreementRate} (samples 1 for an agreement, 0 otherwise),
     * {@code socialWelfare} (the sum of the parties' undiscounted payoffs), {@code rounds}, the
     * distance of the payoff vector to the Pareto frontier, and in {@code distances} to each
     * solution concept's point by key.
     */
    public record Row(
            int rank, String strategy, long negotiations, long samples, Estimate utility, Estimate undiscounted,
            Estimate advantage, Estimate agreementRate, Estimate socialWelfare, Estimate rounds,
            Estimate distancePareto, Map<String, Estimate> distances) {

        public Row {
            distances = Collections.unmodifiableMap(new LinkedHashMap<>(distances));
        }

        /** The distance to the point of the concept with {@code key}; {@link Estimate#NONE} when unknown. */
        public Estimate distance(String key) {
            return distances.getOrDefault(key, Estimate.NONE);
        }
    }

    public Ranking {
        rows = List.copyOf(rows);
    }

    public static Ranking of(List<StrategySpec> strategies, List<MatchResult> results) {
        int k = strategies.size();
        Stats[] stats = new Stats[k];
        for (int s = 0; s < k; s++) {
            stats[s] = new Stats();
        }
        for (MatchResult result : results) {
            boolean[] seen = new boolean[k];
            List<Integer> assignment = result.match().assignment();
            for (int role = 0; role < assignment.size(); role++) {
                int s = assignment.get(role);
                stats[s].utility.add(result.discounted().get(role));
                stats[s].undiscounted.add(result.utilities().get(role));
                stats[s].advantage.add(result.advantage(role));
                if (!seen[s]) {
                    seen[s] = true;
                    stats[s].negotiations++;
                    stats[s].agreement.add(result.agreement() ? 1 : 0);
                    stats[s].welfare.add(result.socialWelfare());
                    stats[s].rounds.add(result.rounds());
                    stats[s].pareto.add(result.distancePareto());
                    result.distances().forEach((key, d) -> stats[s].concepts.computeIfAbsent(key, x -> new Mean()).add(d));
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            order.add(s);
        }
        order.sort(Comparator.comparingDouble((Integer s) -> stats[s].utility.count == 0 ? Double.NEGATIVE_INFINITY
                : stats[s].utility.mean()).reversed());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int s = order.get(i);
            Stats st = stats[s];
            Map<String, Estimate> concepts = new LinkedHashMap<>();
            st.concepts.forEach((key, mean) -> concepts.put(key, mean.estimate()));
            rows.add(new Row(i + 1, strategies.get(s).toString(), st.negotiations, st.utility.count,
                    st.utility.estimate(), st.undiscounted.estimate(), st.advantage.estimate(), st.agreement.estimate(),
                    st.welfare.estimate(), st.rounds.estimate(), st.pareto.estimate(), concepts));
        }
        return new Ranking(rows);
    }

    private static final class Stats {
        final Mean utility = new Mean();
        final Mean undiscounted = new Mean();
        final Mean advantage = new Mean();
        final Mean agreement = new Mean();
        final Mean welfare = new Mean();
        final Mean rounds = new Mean();
        final Mean pareto = new Mean();
        /** By concept key, in the order the results list them. */
        final Map<String, Mean> concepts = new LinkedHashMap<>();
        long negotiations;
    }

    /** A running mean and variance (Welford 1962), skipping NaN. */
    static final class Mean {
        long count;
        double mean;
        double m2;

        void add(double x) {
            if (Double.isNaN(x)) {
                return;
            }
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
        }

        double mean() {
            return count == 0 ? Double.NaN : mean;
        }

        double sd() {
            return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
        }

        Estimate estimate() {
            return count == 0 ? Estimate.NONE : new Estimate(mean, StudentT.halfWidth95(sd(), count), count);
        }
    }
}

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
 * the ANAC competitions), with a 95% t-interval for the mean. The samples of one negotiation are
 * not independent of each other (its parties' payoffs move together), so the interval is a guide,
 * not a test. Ties keep the order of the strategies as given.
 */
@Stable
public record Ranking(List<Row> rows) {

    /**
     * One strategy's figures: {@code samples} roles played (in {@code negotiations} negotiations),
     * means over them of the discounted and undiscounted payoff, the share of agreements, and means
     * over its negotiations of social welfare, rounds, and distances (NaN distances left out): to the
     * frontier, and in {@code distances} to each solution concept's point by key.
     */
    public record Row(
            int rank, String strategy, long negotiations, long samples, double utility, double halfWidth,
            double undiscounted, double agreementRate, double socialWelfare, double rounds, double distancePareto,
            Map<String, Double> distances) {

        public Row {
            distances = Collections.unmodifiableMap(new LinkedHashMap<>(distances));
        }

        /** The mean distance to the point of the concept with {@code key}; NaN when unknown or never computed. */
        public double distance(String key) {
            return distances.getOrDefault(key, Double.NaN);
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
                if (!seen[s]) {
                    seen[s] = true;
                    stats[s].negotiations++;
                    stats[s].agreements += result.agreement() ? 1 : 0;
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
            rows.add(new Row(i + 1, strategies.get(s).toString(), st.negotiations, st.utility.count, st.utility.mean(),
                    StudentT.halfWidth95(st.utility.sd(), st.utility.count), st.undiscounted.mean(),
                    st.negotiations == 0 ? Double.NaN : (double) st.agreements / st.negotiations, st.welfare.mean(),
                    st.rounds.mean(), st.pareto.mean(), means(st.concepts)));
        }
        return new Ranking(rows);
    }

    private static final class Stats {
        final Mean utility = new Mean();
        final Mean undiscounted = new Mean();
        final Mean welfare = new Mean();
        final Mean rounds = new Mean();
        final Mean pareto = new Mean();
        /** By concept key, in the order the results list them. */
        final Map<String, Mean> concepts = new LinkedHashMap<>();
        long negotiations;
        long agreements;
    }

    private static Map<String, Double> means(Map<String, Mean> byKey) {
        Map<String, Double> means = new LinkedHashMap<>();
        byKey.forEach((key, mean) -> means.put(key, mean.mean()));
        return means;
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
    }
}

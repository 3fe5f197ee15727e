package org.parley.core.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;

/** The per-strategy figures, each checked against a computation by hand. */
class RankingTest {

    // t(0.975, ν) for ν = 1, 2, 3 (any table of Student's t).
    private static final double T1 = 12.7062047;
    private static final double T2 = 4.30265273;
    private static final double T3 = 3.18244631;

    /** Two roles with reservation values 0.1 and 0.2. */
    private static MatchResult result(int index, List<Integer> assignment, boolean agreement, double[] utilities,
            double[] discounted, double pareto, double nash) {
        return new MatchResult(new Match(index, 0, assignment, 0, index), "s", List.of("p", "q"), List.of("x", "y"),
                agreement, agreement ? Result.Ending.AGREEMENT : Result.Ending.DEADLINE, 10 + index, 0.5, 1,
                List.of(utilities[0], utilities[1]), List.of(discounted[0], discounted[1]), List.of(0.1, 0.2),
                utilities[0] + utilities[1], pareto, Map.of("nash", nash), null);
    }

    /** Sample standard deviation, written out. */
    private static double sd(double... xs) {
        double mean = 0;
        for (double x : xs) {
            mean += x / xs.length;
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }

    private static final List<MatchResult> RESULTS = List.of(
            // a against b: a deal worth 0.4 to a (reservation 0.1) and 0.9 to b (reservation 0.2).
            result(0, List.of(0, 1), true, new double[] {0.4, 0.9}, new double[] {0.3, 0.8}, 0.0, 0.1),
            // b against a: no deal, each gets its reservation value (discounted by the deadline).
            result(1, List.of(1, 0), false, new double[] {0.1, 0.2}, new double[] {0.05, 0.1}, 0.5, Double.NaN),
            // b against itself (self-play): b plays both roles.
            result(2, List.of(1, 1), true, new double[] {0.6, 0.7}, new double[] {0.6, 0.7}, 0.2, 0.3));

    private static Ranking ranking() {
        return Ranking.of(List.of(StrategySpec.parse("a"), StrategySpec.parse("b"), StrategySpec.parse("c")), RESULTS);
    }

    @Test
    void theScoreIsTheMeanDiscountedPayoffPerRolePlayedWithAStudentInterval() {
        Ranking.Row b = ranking().rows().get(0);
        assertThat(b.strategy()).isEqualTo("b");
        assertThat(b.rank()).isEqualTo(1);
        // b's roles: 0.8 (negotiation 0), 0.05 (1), 0.6 and 0.7 (both roles of 2).
        assertThat(b.samples()).isEqualTo(4);
        assertThat(b.negotiations()).isEqualTo(3);
        assertThat(b.utility().mean()).isCloseTo((0.8 + 0.05 + 0.6 + 0.7) / 4, within(1e-12));
        assertThat(b.utility().count()).isEqualTo(4);
        assertThat(b.utility().halfWidth()).isCloseTo(T3 * sd(0.8, 0.05, 0.6, 0.7) / 2, within(1e-6));
        assertThat(b.utility().low()).isCloseTo(b.utility().mean() - b.utility().halfWidth(), within(1e-15));
        assertThat(b.undiscounted().mean()).isCloseTo((0.9 + 0.1 + 0.6 + 0.7) / 4, within(1e-12));
        Ranking.Row a = ranking().rows().get(1);
        assertThat(a.strategy()).isEqualTo("a");
        assertThat(a.utility().mean()).isCloseTo(0.2, within(1e-12));
        // Two samples, 0.3 and 0.1: sd = √0.02, half-width t(1) · sd / √2 = 12.706 · 0.1.
        assertThat(a.utility().halfWidth()).isCloseTo(T1 * 0.1, within(1e-6));
    }

    @Test
    void theAdvantageIsThePayoffAboveTheReservationValue() {
        Ranking.Row b = ranking().rows().get(0);
        // 0.9 − 0.2, 0.1 − 0.1 (no deal: 0), 0.6 − 0.1, 0.7 − 0.2.
        assertThat(b.advantage().mean()).isCloseTo((0.7 + 0 + 0.5 + 0.5) / 4, within(1e-12));
        assertThat(b.advantage().halfWidth()).isCloseTo(T3 * sd(0.7, 0, 0.5, 0.5) / 2, within(1e-6));
        Ranking.Row a = ranking().rows().get(1);
        // 0.4 − 0.1 and 0.2 − 0.2.
        assertThat(a.advantage().mean()).isCloseTo(0.15, within(1e-12));
        assertThat(a.advantage().halfWidth()).isCloseTo(T1 * sd(0.3, 0) / Math.sqrt(2), within(1e-6));
    }

    @Test
    void theNegotiationsFiguresCountOncePerNegotiationEvenInSelfPlay() {
        Ranking.Row b = ranking().rows().get(0);
        // Agreements 1, 0, 1: 2/3, sd √(1/3), half-width t(2) · √(1/3) / √3 = t(2) / 3.
        assertThat(b.agreementRate().mean()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(b.agreementRate().count()).isEqualTo(3);
        assertThat(b.agreementRate().halfWidth()).isCloseTo(T2 / 3, within(1e-6));
        // Welfare 1.3, 0.3, 1.3.
        assertThat(b.socialWelfare().mean()).isCloseTo(2.9 / 3, within(1e-12));
        assertThat(b.socialWelfare().halfWidth()).isCloseTo(T2 * sd(1.3, 0.3, 1.3) / Math.sqrt(3), within(1e-6));
        assertThat(b.rounds().mean()).isCloseTo(11, within(1e-12));
        // Distances to the frontier 0, 0.5, 0.2; to the Nash point 0.1, NaN (left out), 0.3.
        assertThat(b.distancePareto().mean()).isCloseTo(0.7 / 3, within(1e-12));
        assertThat(b.distancePareto().halfWidth()).isCloseTo(T2 * sd(0, 0.5, 0.2) / Math.sqrt(3), within(1e-6));
        assertThat(b.distance("nash").mean()).isCloseTo(0.2, within(1e-12));
        assertThat(b.distance("nash").count()).isEqualTo(2);
        assertThat(b.distance("nash").halfWidth()).isCloseTo(T1 * sd(0.1, 0.3) / Math.sqrt(2), within(1e-6));
        assertThat(b.distance("unknown")).isEqualTo(Ranking.Estimate.NONE);
        Ranking.Row a = ranking().rows().get(1);
        assertThat(a.agreementRate().mean()).isEqualTo(0.5);
        assertThat(a.agreementRate().halfWidth()).isCloseTo(T1 * 0.5, within(1e-6));
        assertThat(a.socialWelfare().mean()).isCloseTo(0.8, within(1e-12));
        // A single Nash sample (negotiation 0): a mean but no interval.
        assertThat(a.distance("nash").mean()).isCloseTo(0.1, within(1e-12));
        assertThat(a.distance("nash").halfWidth()).isNaN();
    }

    @Test
    void aStrategyThatNeverPlayedRanksLastWithNoFigures() {
        Ranking.Row c = ranking().rows().get(2);
        assertThat(c.strategy()).isEqualTo("c");
        assertThat(c.samples()).isZero();
        assertThat(c.negotiations()).isZero();
        assertThat(c.utility()).isEqualTo(Ranking.Estimate.NONE);
        assertThat(c.agreementRate().mean()).isNaN();
    }
}

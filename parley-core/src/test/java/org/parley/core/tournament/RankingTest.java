package org.parley.core.tournament;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;

class RankingTest {

    private static MatchResult result(int index, List<Integer> assignment, boolean agreement, double... discounted) {
        List<Double> d = new java.util.ArrayList<>();
        for (double x : discounted) {
            d.add(x);
        }
        return new MatchResult(new Match(index, 0, assignment, 0, index), "s", List.of("p", "q"), List.of("a", "b"),
                agreement, agreement ? Result.Ending.AGREEMENT : Result.Ending.DEADLINE, 10 + index, 0.5, 1, d, d,
                d.stream().mapToDouble(Double::doubleValue).sum(), index == 0 ? Double.NaN : 0.1,
                java.util.Map.of("nash", index == 1 ? Double.NaN : 0.2 * index), null);
    }

    @Test
    void ranksByMeanDiscountedPayoffWithAStudentInterval() {
        List<StrategySpec> strategies = List.of(StrategySpec.parse("a"), StrategySpec.parse("b"), StrategySpec.parse("c"));
        List<MatchResult> results = List.of(
                result(0, List.of(0, 1), true, 0.2, 0.8),
                result(1, List.of(1, 0), false, 0.6, 0.4),
                result(2, List.of(1, 1), true, 0.5, 0.7));
        Ranking ranking = Ranking.of(strategies, results);
        Ranking.Row first = ranking.rows().get(0);
        assertThat(first.strategy()).isEqualTo("b");
        assertThat(first.rank()).isEqualTo(1);
        // b's samples: 0.8, 0.6, 0.5, 0.7 (it played both roles of negotiation 2).
        assertThat(first.samples()).isEqualTo(4);
        assertThat(first.negotiations()).isEqualTo(3);
        assertThat(first.utility()).isCloseTo(0.65, within(1e-12));
        double sd = Math.sqrt((0.15 * 0.15 + 0.05 * 0.05 + 0.15 * 0.15 + 0.05 * 0.05) / 3);
        assertThat(first.halfWidth()).isCloseTo(3.1824 * sd / 2, within(1e-4));
        assertThat(first.agreementRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(first.rounds()).isCloseTo(11, within(1e-12));
        // NaN distances are left out of the mean.
        assertThat(first.distancePareto()).isCloseTo(0.1, within(1e-12));
        // b played negotiations 0, 1 and 2: Nash distances 0, NaN, 0.4.
        assertThat(first.distance("nash")).isCloseTo(0.2, within(1e-12));
        assertThat(first.distance("unknown")).isNaN();
        Ranking.Row second = ranking.rows().get(1);
        assertThat(second.strategy()).isEqualTo("a");
        assertThat(second.utility()).isCloseTo(0.3, within(1e-12));
        assertThat(second.socialWelfare()).isCloseTo(1.0, within(1e-12));
        Ranking.Row third = ranking.rows().get(2);
        assertThat(third.strategy()).isEqualTo("c");
        assertThat(third.samples()).isZero();
        assertThat(third.utility()).isNaN();
    }
}

package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Scenario;

class WhyNoDealTest {

    @Test
    void smallestBlockerSetsUnderUnanimity() {
        // A accepts a, b; B only b (it forbids c); C at 0.65 only c, d. Without C's reservation all
        // accept b; without A's reservation and B's ban all accept c; without A's and B's
        // reservations all accept d. No single blocker but C's reservation is enough.
        Scenario scenario = ThreeParties.scenario(0.65, true, null);
        RuleAnalysis analysis = RuleAnalyzer.analyze(scenario, 11, 10);
        assertThat(analysis.noDeal()).isTrue();
        List<WhyNoDeal.CoalitionBlockers> answer = WhyNoDeal.explain(analysis, WhyNoDeal.DEFAULT_CHECKS);
        assertThat(answer).singleElement().satisfies(c -> {
            assertThat(c.members()).containsExactly("A", "B", "C");
            assertThat(c.feasible()).isFalse();
            assertThat(c.complete()).isTrue();
            assertThat(c.minimalSets()).extracting(set -> set.stream().map(WhyNoDeal.Blocker::toString).toList())
                    .containsExactly(
                            List.of("C: reservation 0.65"),
                            List.of("A: reservation 0.5", "B: forbid x = c"),
                            List.of("A: reservation 0.5", "B: reservation 0.45"));
        });
        WhyNoDeal.Blocker ban = answer.get(0).minimalSets().get(1).get(1);
        assertThat(ban.kind()).isEqualTo(WhyNoDeal.Blocker.Kind.CONSTRAINT);
        assertThat(ban.constraint()).isZero();
        WhyNoDeal.Blocker reservation = answer.get(0).minimalSets().get(0).get(0);
        assertThat(reservation.kind()).isEqualTo(WhyNoDeal.Blocker.Kind.RESERVATION);
        assertThat(reservation.reservation()).isEqualTo(0.65);
    }

    @Test
    void perMinimalWinningCoalition() {
        Scenario scenario = ThreeParties.scenario(0.65, true, ThreeParties.twoOfThreeWithA());
        List<WhyNoDeal.CoalitionBlockers> answer = WhyNoDeal.explain(RuleAnalyzer.analyze(scenario, 11, 10), 100);
        assertThat(answer).extracting(WhyNoDeal.CoalitionBlockers::members)
                .containsExactly(List.of("A", "B"), List.of("A", "C"));
        assertThat(answer.get(0).feasible()).isTrue();
        assertThat(answer.get(0).minimalSets()).isEmpty();
        assertThat(answer.get(1).feasible()).isFalse();
        assertThat(answer.get(1).minimalSets()).extracting(set -> set.stream().map(WhyNoDeal.Blocker::toString).toList())
                .containsExactly(List.of("A: reservation 0.5"), List.of("C: reservation 0.65"));
    }

    @Test
    void stopsAfterTheCheckLimitAndSaysSo() {
        Scenario scenario = ThreeParties.scenario(0.65, true, null);
        var answer = WhyNoDeal.explain(scenario, List.of("C", "B", "A"), 11, 3);
        assertThat(answer.members()).containsExactly("A", "B", "C");
        assertThat(answer.complete()).isFalse();
        assertThat(answer.checks()).isEqualTo(3);
        assertThat(answer.note()).contains("stopped after 3 checks");
        // The first two single blockers (A's reservation, B's ban) fail; nothing found yet.
        assertThat(answer.minimalSets()).isEmpty();
    }

    @Test
    void aFeasibleCoalitionHasNothingToRemove() {
        Scenario scenario = ThreeParties.scenario(0.5, false, AgreementRule.unanimity(List.of("A", "B", "C")));
        var answer = WhyNoDeal.explain(scenario, List.of("A", "B", "C"), 11, 100);
        assertThat(answer.feasible()).isTrue();
        assertThat(answer.minimalSets()).isEmpty();
    }
}

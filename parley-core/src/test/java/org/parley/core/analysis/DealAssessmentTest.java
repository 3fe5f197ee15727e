package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;

class DealAssessmentTest {

    private final RuleAnalysis analysis = RuleAnalyzer.analyze(
            ThreeParties.scenario(0.5, false, ThreeParties.twoOfThreeWithA()), 11, 10);

    @Test
    void judgedAgainstTheCoalitionThatSignedIt() {
        // d signed by A and C: A gets 0, C 1, B (outside) its 0.45. A and C alone can only agree on b
        // (0.6, 0.6); A and B would both have done strictly better with b (0.6 > 0, 0.5 > 0.45).
        DealAssessment deal = DealAssessment.assess(analysis, Outcome.of(3), List.of("C", "A"));
        assertThat(deal.signers()).containsExactly("A", "C");
        assertThat(deal.utilities()).containsExactly(Map.entry("A", 0.0), Map.entry("B", 0.45), Map.entry("C", 1.0));
        assertThat(deal.coalition().members()).containsExactly("A", "C");
        assertThat(deal.pareto()).isCloseTo(Math.sqrt(0.36 + 0.16), within(1e-12));
        assertThat(deal.concepts()).isNotEmpty().allSatisfy(c ->
                assertThat(c.distance()).isCloseTo(Math.sqrt(0.36 + 0.16), within(1e-12)));
        // The rule's frontier is A, B and C all signing b: (0.6, 0.5, 0.6).
        assertThat(deal.ruleFrontier()).isCloseTo(Math.sqrt(0.36 + 0.0025 + 0.16), within(1e-12));
        assertThat(deal.betterCoalitions()).singleElement().satisfies(better -> {
            assertThat(better.members()).containsExactly("A", "B");
            assertThat(better.outcome()).isEqualTo(Outcome.of(1));
            assertThat(better.utilities()).containsExactly(Map.entry("A", 0.6), Map.entry("B", 0.5));
            assertThat(better.baseline()).containsExactly(Map.entry("A", 0.0), Map.entry("B", 0.45));
        });
    }

    @Test
    void anEfficientDealHasNoBetterCoalition() {
        DealAssessment all = DealAssessment.assess(analysis, Outcome.of(1), List.of("A", "B", "C"));
        assertThat(all.pareto()).isZero();
        assertThat(all.ruleFrontier()).isZero();
        assertThat(all.betterCoalitions()).isEmpty();
        // b signed by A and B: A and C could also sign b, but A would get the same 0.6, not more.
        DealAssessment ab = DealAssessment.assess(analysis, Outcome.of(1), List.of("A", "B"));
        assertThat(ab.utilities()).containsEntry("C", 0.5);
        assertThat(ab.pareto()).isZero();
        assertThat(ab.betterCoalitions()).isEmpty();
    }

    @Test
    void signersMustSatisfyTheRule() {
        assertThatThrownBy(() -> DealAssessment.assess(analysis, Outcome.of(1), List.of("C", "B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The signers [B, C] do not satisfy the agreement rule (2 of 3, A required)");
        assertThatThrownBy(() -> DealAssessment.assess(analysis, Outcome.of(1), List.of("A", "Z")))
                .hasMessageContaining("Unknown signer (Z)");
        assertThatThrownBy(() -> DealAssessment.assess(analysis, Outcome.of(7), List.of("A", "B")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;

class RuleAnalyzerTest {

    @Test
    void aDealTheRulePassesThoughNotEveryoneAccepts() {
        // C at 0.65 accepts only c and d; A only a and b: nothing is acceptable to all three, but A and
        // B both accept b, and 2 of 3 with A signing is enough.
        Scenario scenario = ThreeParties.scenario(0.65, true, ThreeParties.twoOfThreeWithA());
        RuleAnalysis analysis = RuleAnalyzer.analyze(scenario, 11, 10);
        assertThat(analysis.unanimous()).isFalse();
        assertThat(analysis.outcomes()).isEqualTo(BigInteger.valueOf(4));
        assertThat(analysis.passing()).contains(BigInteger.ONE);
        assertThat(analysis.winning()).extracting(CoalitionAnalysis::members)
                .containsExactly(List.of("A", "B"), List.of("A", "C"), List.of("A", "B", "C"));
        assertThat(analysis.minimal()).extracting(CoalitionAnalysis::members)
                .containsExactly(List.of("A", "B"), List.of("A", "C"));
        CoalitionAnalysis ab = analysis.minimal().get(0);
        assertThat(ab.acceptable()).contains(BigInteger.ONE);
        // C stays out and gets its reservation value.
        assertThat(ab.frontier()).extracting(FrontierPoint::utilities).containsExactly(new double[] {0.6, 0.5, 0.65});
        assertThat(ab.lift(ab.analysis().nash().orElseThrow().point()).utilities()).containsExactly(0.6, 0.5, 0.65);
        assertThat(analysis.minimal().get(1).acceptable()).contains(BigInteger.ZERO);
        assertThat(analysis.frontier().points()).singleElement().satisfies(point -> {
            assertThat(point.vector().utilities()).containsExactly(0.6, 0.5, 0.65);
            assertThat(point.vector().count()).isEqualTo(1);
            assertThat(point.reach()).singleElement().satisfies(r -> {
                assertThat(r.signers()).containsExactly("A", "B");
                assertThat(r.outcomes(5)).containsExactly(Outcome.of(1));
            });
        });
        RuleAnalysis unanimous = RuleAnalyzer.analyze(scenario, AgreementRule.unanimity(scenario.partyNames()), 11, 10);
        assertThat(unanimous.passing()).contains(BigInteger.ZERO);
        assertThat(unanimous.noDeal()).isTrue();
    }

    @Test
    void aLargerSignerSetReachesWhatTheMinimalOnesCannot() {
        // All three accept b: with C signing too, C gets 0.6 instead of its 0.5; that pair dominates
        // both minimal coalitions' deals on b.
        Scenario scenario = ThreeParties.scenario(0.5, false, ThreeParties.twoOfThreeWithA());
        RuleAnalysis analysis = RuleAnalyzer.analyze(scenario, 11, 10);
        assertThat(analysis.passing()).contains(BigInteger.ONE);
        assertThat(analysis.minimal().get(0).frontier()).extracting(FrontierPoint::utilities)
                .containsExactly(new double[] {0.6, 0.5, 0.5});
        assertThat(analysis.minimal().get(1).frontier()).extracting(FrontierPoint::utilities)
                .containsExactly(new double[] {0.6, 0.45, 0.6});
        assertThat(analysis.frontier().points()).singleElement().satisfies(point -> {
            assertThat(point.vector().utilities()).containsExactly(0.6, 0.5, 0.6);
            assertThat(point.reach()).extracting(RuleFrontier.Reach::signers).containsExactly(List.of("A", "B", "C"));
        });
    }

    /* The smallest winning sets a party can sign with: from the public rule and names only. */
    @Test
    void theSmallestWinningSetsWithAMember() {
        List<String> parties = List.of("a", "b", "c", "d");
        AgreementRule twoOfFourWithA = new AgreementRule(2, java.util.Set.of("a"));
        assertThat(RuleAnalyzer.winningWith(twoOfFourWithA, parties, "a"))
                .containsExactly(List.of("a", "b"), List.of("a", "c"), List.of("a", "d"));
        // A party that is not required needs the required ones; the quorum is then already met.
        assertThat(RuleAnalyzer.winningWith(twoOfFourWithA, parties, "c")).containsExactly(List.of("a", "c"));
        assertThat(RuleAnalyzer.winningWith(AgreementRule.unanimity(parties), parties, "b"))
                .containsExactly(parties);
        assertThat(RuleAnalyzer.winningWith(new AgreementRule(3, java.util.Set.of()), parties, "d"))
                .containsExactly(List.of("a", "b", "d"), List.of("a", "c", "d"), List.of("b", "c", "d"));
        // Tavrik: the vethari can only join the two required parties.
        assertThat(RuleAnalyzer.winningWith(new AgreementRule(2, java.util.Set.of("federation", "kaldari")),
                List.of("federation", "kaldari", "vethari"), "vethari"))
                .containsExactly(List.of("federation", "kaldari", "vethari"));
        // Many parties: the sets are listed lazily and capped.
        List<String> many = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "p" + i).toList();
        assertThat(RuleAnalyzer.winningWith(new AgreementRule(15, java.util.Set.of()), many, "p0"))
                .hasSize(RuleAnalyzer.MAX_WINNING);
    }

    @Test
    void mobiusCoefficients() {
        // 2 of 3 with A and B required: only {A, B} counts, {A, B, C} has coefficient 0.
        assertThat(RuleAnalyzer.mobius(0, 0)).isEqualTo(1);
        assertThat(RuleAnalyzer.mobius(1, 0)).isZero();
        // 5 of 6 with 2 required: 3 of the 4 others; the full set counts −3 (−C(4,3) + C(4,4)).
        assertThat(RuleAnalyzer.mobius(3, 3)).isEqualTo(1);
        assertThat(RuleAnalyzer.mobius(4, 3)).isEqualTo(-3);
        // Majority of 5, nobody required: sizes 3, 4, 5 count 1, −3, 6 (= C(4, 2)).
        assertThat(RuleAnalyzer.mobius(3, 3)).isEqualTo(1);
        assertThat(RuleAnalyzer.mobius(4, 3)).isEqualTo(-3);
        assertThat(RuleAnalyzer.mobius(5, 3)).isEqualTo(6);
    }

    @Test
    void sixPartiesFiveOfSixCountsMatchEnumeration() {
        var settings = new ScenarioGenerator.Settings(6, 4, 4, 7, 0.5, 2);
        Scenario generated = ScenarioGenerator.generate(settings);
        AgreementRule rule = new AgreementRule(5, Set.of("party-1", "party-2"));
        Scenario scenario = RuleAnalyzerProperties.withRule(generated, rule);
        RuleAnalysis analysis = RuleAnalyzer.analyze(scenario, 11, 10);
        var oracle = BruteForceRuleAnalysis.analyze(scenario, rule, 11);
        assertThat(analysis.winning()).hasSize(5);
        assertThat(analysis.minimal()).hasSize(4);
        assertThat(analysis.passing()).contains(BigInteger.valueOf(oracle.passing()));
        assertThat(analysis.passing().orElseThrow())
                .isGreaterThanOrEqualTo(analysis.coalition(scenario.partyNames()).orElseThrow().acceptable().orElseThrow());
    }

    @Test
    void refusesRulesWithTooManyWinningSets() {
        var settings = new ScenarioGenerator.Settings(12, 2, 2, 1);
        Scenario scenario = ScenarioGenerator.generate(settings);
        assertThatThrownBy(() -> RuleAnalyzer.analyze(scenario, new AgreementRule(2, Set.of()), 11, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lets 4083 signer sets")
                .hasMessageContaining("stops at 1024")
                .hasMessageContaining("--rule unanimous");
        assertThatThrownBy(() -> RuleAnalyzer.analyze(scenario, new AgreementRule(2, Set.of("nobody")), 11, 10))
                .hasMessageContaining("unknown party (nobody)");
    }

    @Test
    void describesRules() {
        List<String> parties = List.of("federation", "kaldari", "vethari");
        assertThat(RuleAnalyzer.describe(new AgreementRule(2, Set.of("kaldari", "federation")), parties))
                .isEqualTo("2 of 3, federation and kaldari required");
        assertThat(RuleAnalyzer.describe(AgreementRule.unanimity(parties), parties)).isEqualTo("unanimity (3 of 3)");
        assertThat(RuleAnalyzer.describe(new AgreementRule(2, Set.of()), parties)).isEqualTo("2 of 3");
    }
}

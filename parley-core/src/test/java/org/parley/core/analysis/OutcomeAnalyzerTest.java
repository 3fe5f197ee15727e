package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.DiscreteValueFunction;

class OutcomeAnalyzerTest {

    private static final Domain SPLIT = new Domain(List.of(new DiscreteIssue("a", List.of("x", "y", "z")),
            new DiscreteIssue("b", List.of("x", "y"))));

    /** Two parties with opposed points: u1 = (0/30/60 + 0/40) / 100, u2 = (60/30/0 + 40/0) / 100. */
    private static Scenario split(double r1, double r2, List<Constraint> constraints) {
        var u1 = LinearAdditiveUtility.fromPoints(SPLIT, new double[][] {{0, 30, 60}, {0, 40}}, 100);
        var u2 = LinearAdditiveUtility.fromPoints(SPLIT, new double[][] {{60, 30, 0}, {40, 0}}, 100);
        return new Scenario("split", SPLIT, List.of(
                new Party("one", new Preferences(u1, constraints, r1, Discount.NONE)),
                new Party("two", new Preferences(u2, List.of(), r2, Discount.NONE))));
    }

    @Test
    void theIssueWiseFrontierReportsEveryMergeAndRefusesFrontiersBeyondMemory() {
        // Three parties, 40 issues of 3 values: values rarely tie, so the frontiers grow.
        AnalysisProblem problem = AnalysisProblem.of(org.parley.core.TestScenarios.random(3, 3, 40, 3, 0, null));
        List<long[]> reports = new java.util.ArrayList<>();
        ParetoFrontier frontier = new IssueWiseParetoFrontier().frontier(problem,
                (done, total, vectors, held) -> reports.add(new long[] {done, total, vectors, held}), 1L << 32);
        assertThat(reports).hasSize(39);
        assertThat(reports).extracting(r -> r[0]).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 39).boxed().toList());
        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(39));
        long[] last = reports.get(38);
        assertThat(last[2]).isEqualTo(frontier.points().size());
        assertThat(last[3]).isGreaterThan(last[2]);
        // Half of the memory given must hold every frontier built; a quarter of what they need does not.
        long needed = last[3] * 4 * Long.BYTES;
        assertThatThrownBy(() -> new IssueWiseParetoFrontier().frontier(problem, AnalysisProgress.NONE, needed / 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The Pareto frontiers of this analysis grow past")
                .hasMessageContaining("this Java may still use");
    }

    @Test
    void zeroSumFrontierIsEveryAcceptableOutcome() {
        // Every outcome gives u1 + u2 = 1, so all 6 are efficient; reservations 0.3 each keep 4 of them
        // (u1 in {0, 0.3, 0.4, 0.6, 0.7, 1.0}: 0.3, 0.4, 0.6, 0.7 pass both).
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(split(0.3, 0.3, List.of())), 10);
        assertThat(analysis.outcomes()).isEqualTo(BigInteger.valueOf(6));
        assertThat(analysis.acceptable()).contains(BigInteger.valueOf(4));
        assertThat(analysis.pareto().count()).isEqualTo(4);
        assertThat(analysis.pareto().points()).extracting(p -> p.utility(0)).containsExactly(0.7, 0.6, 0.4, 0.3);
        // Nash: gains (0.4, 0) (0.3, 0.1) (0.1, 0.3) (0, 0.4): products 0, 0.03, 0.03, 0: a tie.
        BargainingPoint nash = analysis.nash().orElseThrow();
        assertThat(nash.ties()).isEqualTo(2);
        assertThat(nash.point().utilities()).containsExactly(0.6, 0.4);
        // Utilitarian: every outcome sums to 1, all four tie.
        assertThat(analysis.utilitarian().orElseThrow().ties()).isEqualTo(4);
        assertThat(analysis.ranges()).extracting(r -> r.worst().getAsDouble()).containsExactly(0.3, 0.3);
    }

    @Test
    void aRealRangeIsAnalysedAtTheValuesAsWritten() {
        // x in −1..2 at 11 steps: −1, −0.7, ..., 0.2, ..., 2. "At least 0.2" keeps 0.2 and the six above
        // it; computed in binary the 0.2 step was 0.19999999999999996 and fell out (6 acceptable).
        Domain domain = new Domain(List.of(new RealIssue("x", -1, 2)));
        var utility = new LinearAdditiveUtility(domain, new double[] {1},
                List.of(new PiecewiseLinearValueFunction(new double[] {-1, 2}, new double[] {0, 1})));
        var atLeast = new Constraint.Require(new Condition.InRange(0, 0.2, Double.POSITIVE_INFINITY));
        Scenario scenario = new Scenario("real", domain, List.of(
                new Party("a", new Preferences(utility, List.of(atLeast), 0, Discount.NONE))));
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario, null, 11), 10);
        assertThat(analysis.acceptable()).contains(BigInteger.valueOf(7));
        assertThat(analysis.ranges().get(0).worst().getAsDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(new BruteForceParetoFrontier().analyze(AnalysisProblem.of(scenario, null, 11), 10).acceptable())
                .contains(BigInteger.valueOf(7));
    }

    @Test
    void distancesToFrontierAndPoints() {
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(split(0.3, 0.3, List.of())), 10);
        var d = analysis.distances(new double[] {0.7, 0.0});
        // Nearest frontier vector (0.7, 0.3): 0.3; nearest Nash vector (0.6, 0.4): √(0.01 + 0.16).
        assertThat(d.pareto()).isCloseTo(0.3, within(1e-12));
        assertThat(d.nash()).isCloseTo(Math.sqrt(0.17), within(1e-12));
        var agreed = analysis.distances(Outcome.of(2, 0)); // u = (0.6, 0.4): a Nash point
        assertThat(agreed.nash()).isCloseTo(0, within(1e-12));
        assertThat(agreed.pareto()).isCloseTo(0, within(1e-12));
        assertThatThrownBy(() -> analysis.distances(new double[] {0.5})).hasMessageContaining("Expected 2 utilities");
    }

    @Test
    void constraintsAndNoAcceptableOutcome() {
        var requireBx = new Constraint.Require(new Condition.OneOf(1, java.util.Set.of(0)));
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(split(0.5, 0.5, List.of(requireBx))), 10);
        // With b = x: u1 in {0, 0.3, 0.6}, u2 = 1 − u1: none meets both 0.5.
        assertThat(analysis.acceptable()).contains(BigInteger.ZERO);
        assertThat(analysis.pareto().isEmpty()).isTrue();
        assertThat(analysis.points()).isEmpty();
        assertThat(analysis.ranges().get(0).best()).isEmpty();
        assertThat(analysis.distances(new double[] {0.5, 0.5}).pareto()).isNaN();
    }

    @Test
    void jointSurplusForCoalitions() {
        Scenario scenario = split(0.3, 0.2, List.of());
        // Alone, a party's best: one gets 1.0 − 0.3; together Σ (u − r) = 1 − 0.5 everywhere it is acceptable.
        assertThat(OutcomeAnalyzer.jointSurplus(scenario, List.of("one"), 11).getAsDouble()).isCloseTo(0.7, within(1e-12));
        assertThat(OutcomeAnalyzer.jointSurplus(scenario, List.of("one", "two"), 11).getAsDouble())
                .isCloseTo(0.5, within(1e-12));
        assertThat(OutcomeAnalyzer.jointSurplus(split(0.6, 0.6, List.of()), List.of("one", "two"), 11)).isEmpty();
        assertThatThrownBy(() -> OutcomeAnalyzer.jointSurplus(scenario, List.of("three"), 11))
                .hasMessageContaining("Unknown party (three)");
    }

    @Test
    void indifferentPartyIsLeftOutOfTheMaxMinObjectives() {
        // Party "flat" scores every outcome 0.5 = its reservation: best_i == r_i.
        var u1 = LinearAdditiveUtility.fromPoints(SPLIT, new double[][] {{0, 30, 60}, {0, 40}}, 100);
        var flat = new LinearAdditiveUtility(SPLIT, new double[] {0.5, 0},
                List.of(new DiscreteValueFunction(new double[] {1, 1, 1}), new DiscreteValueFunction(new double[] {0, 0})));
        Scenario scenario = new Scenario("flat", SPLIT, List.of(
                new Party("one", new Preferences(u1, List.of(), 0.2, Discount.NONE)),
                new Party("flat", new Preferences(flat, List.of(), 0.5, Discount.NONE))));
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario), 10);
        // Without the rule every acceptable outcome would tie at 0; with it, one's best outcome wins alone.
        assertThat(analysis.egalitarian().orElseThrow().ties()).isEqualTo(1);
        assertThat(analysis.egalitarian().orElseThrow().point().utilities()).containsExactly(1.0, 0.5);
        assertThat(analysis.kalaiSmorodinsky().orElseThrow().point().utilities()).containsExactly(1.0, 0.5);
        assertThat(analysis.nash().orElseThrow().point().utilities()).containsExactly(1.0, 0.5);
        assertThat(new BruteForceParetoFrontier().analyze(AnalysisProblem.of(scenario), 10).points())
                .isEqualTo(analysis.points());
    }

    @Test
    void utilitiesThatAreNotLinearAdditiveFallBackToEnumeration() {
        var u1 = LinearAdditiveUtility.fromPoints(SPLIT, new double[][] {{0, 30, 60}, {0, 40}}, 100);
        Preferences product = new Preferences(o -> (o.value(0) / 2) * o.value(1));
        Scenario scenario = new Scenario("nonlinear", SPLIT, List.of(
                new Party("one", new Preferences(u1)), new Party("product", product)));
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario), 10);
        assertThat(analysis.method()).isEqualTo("brute-force");
        // (z, y) is best for both: u = (1.0, 1.0) dominates every other outcome.
        assertThat(analysis.pareto().count()).isEqualTo(1);
        assertThat(analysis.pareto().outcomes(10)).containsExactly(Outcome.of(2, 1));
    }

    @Test
    void realIssuesAreDiscretised() {
        Domain domain = new Domain(List.of(new RealIssue("price", 0, 100)));
        var up = new LinearAdditiveUtility(domain, new double[] {1},
                List.of(PiecewiseLinearValueFunction.linear(0, 0, 100, 1)));
        var down = new LinearAdditiveUtility(domain, new double[] {1},
                List.of(PiecewiseLinearValueFunction.linear(0, 1, 100, 0)));
        Scenario scenario = new Scenario("price", domain, List.of(
                new Party("seller", new Preferences(up, List.of(), 0.25, Discount.NONE)),
                new Party("buyer", new Preferences(down, List.of(), 0.25, Discount.NONE))));
        Analysis analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(scenario, null, 5), 10);
        // Prices 0, 25, 50, 75, 100: 25, 50 and 75 leave both at least 0.25.
        assertThat(analysis.outcomes()).isEqualTo(BigInteger.valueOf(5));
        assertThat(analysis.acceptable()).contains(BigInteger.valueOf(3));
        assertThat(analysis.nash().orElseThrow().outcome()).isEqualTo(new Outcome(50));
        assertThatThrownBy(() -> AnalysisProblem.of(scenario, null, 1)).hasMessageContaining("at least 2 steps");
    }

    @Test
    void rejectsUnknownAndRepeatedParties() {
        Scenario scenario = split(0, 0, List.of());
        assertThatThrownBy(() -> AnalysisProblem.of(scenario, List.of("one", "nobody"), 11))
                .hasMessageContaining("Unknown party (nobody)").hasMessageContaining("[one, two]");
        assertThatThrownBy(() -> AnalysisProblem.of(scenario, List.of("one", "one"), 11))
                .hasMessageContaining("named twice");
    }

    @Test
    void generatedScenariosWithConstraintsAgreeWithEnumeration() {
        for (long seed = 1; seed <= 40; seed++) {
            int parties = 2 + (int) (seed % 3);
            var settings = new ScenarioGenerator.Settings(parties, 5, 4, seed, 0.6, (int) (seed % 5));
            var problem = AnalysisProblem.of(ScenarioGenerator.generate(settings));
            Analysis fast = OutcomeAnalyzer.analyze(problem, 50);
            Analysis oracle = new BruteForceParetoFrontier().analyze(problem, 50);
            assertThat(fast.acceptable()).as("seed %d", seed).isEqualTo(oracle.acceptable());
            assertThat(fast.pareto().points()).as("seed %d", seed).isEqualTo(oracle.pareto().points());
            assertThat(fast.points()).as("seed %d", seed).isEqualTo(oracle.points());
            assertThat(fast.ranges()).as("seed %d", seed).isEqualTo(oracle.ranges());
        }
    }
}

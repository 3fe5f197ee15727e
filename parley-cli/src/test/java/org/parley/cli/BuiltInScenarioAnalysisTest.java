package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.BargainingPoint;
import org.parley.core.analysis.BruteForceParetoFrontier;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioReader;

/**
 * The figures of the three built-in scenarios, pinned. Computed by enumeration and checked by hand
 * where noted (points are the scenario tables' points; utility = points / 100).
 */
class BuiltInScenarioAnalysisTest {

    private static Analysis analyze(String name) {
        Scenario scenario = ScenarioReader.read(Path.of("..", "scenarios", name + ".yaml"));
        AnalysisProblem problem = AnalysisProblem.of(scenario);
        Analysis fast = OutcomeAnalyzer.analyze(problem, 100);
        Analysis oracle = new BruteForceParetoFrontier().analyze(problem, 100);
        assertThat(fast.acceptable()).isEqualTo(oracle.acceptable());
        assertThat(fast.pareto().points()).isEqualTo(oracle.pareto().points());
        assertThat(fast.points()).isEqualTo(oracle.points());
        assertThat(fast.ranges()).isEqualTo(oracle.ranges());
        return fast;
    }

    private static void assertPoint(Analysis analysis, BargainingPoint point, long ties, Map<String, String> outcome,
            double... utilities) {
        var domain = analysis.problem().space().domain();
        assertThat(domain.format(point.outcome())).as(point.concept()).isEqualTo(outcome);
        assertThat(point.point().utilities()).as(point.concept()).containsExactly(utilities);
        assertThat(point.ties()).as(point.concept()).isEqualTo(ties);
    }

    private static Map<String, String> outcome(Scenario scenario, String... options) {
        var names = scenario.domain().names();
        var map = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < options.length; i++) {
            map.put(names.get(i), options[i]);
        }
        return map;
    }

    @Test
    void trinityStation() {
        Analysis a = analyze("trinity-station");
        Scenario s = a.problem().scenario();
        assertThat(a.outcomes()).isEqualTo(BigInteger.valueOf(162)); // 3·3·3·2·3
        assertThat(a.acceptable()).contains(BigInteger.valueOf(41));
        assertThat(a.pareto().count()).isEqualTo(11);
        assertThat(a.pareto().points()).hasSize(11);
        // Nash by hand: loyalists 30+20+12+5+15 = 82, rebels 10+15+30+0+10 = 65, advent 15+25+15+5+10 = 70,
        // exodus 10+10+10+20+10 = 60.
        assertPoint(a, a.nash().orElseThrow(), 1,
                outcome(s, "hold", "full", "supreme-commander", "independent", "proportional"), 0.82, 0.65, 0.70, 0.60);
        assertPoint(a, a.kalaiSmorodinsky().orElseThrow(), 1,
                outcome(s, "hold", "limited", "supreme-commander", "independent", "proportional"), 0.77, 0.60, 0.60, 0.70);
        // Utilitarian by hand: per issue the largest point sum — hold and strike tie at 65, full 70,
        // supreme-commander 67 (committee is forbidden by the rebels), independent (exodus requires it),
        // equal 50: 282 twice; the lexicographically first is hold.
        assertPoint(a, a.utilitarian().orElseThrow(), 2,
                outcome(s, "hold", "full", "supreme-commander", "independent", "equal"), 0.87, 0.70, 0.75, 0.50);
        assertPoint(a, a.egalitarian().orElseThrow(), 1,
                outcome(s, "hold", "limited", "supreme-commander", "independent", "proportional"), 0.77, 0.60, 0.60, 0.70);
        assertThat(a.ranges()).extracting(r -> r.best().getAsDouble()).containsExactly(0.87, 0.85, 0.85, 1.0);
        assertThat(a.ranges()).extracting(r -> r.worst().getAsDouble()).containsExactly(0.35, 0.35, 0.30, 0.40);
    }

    @Test
    void cardassianTalks() {
        Analysis a = analyze("cardassian-talks");
        Scenario s = a.problem().scenario();
        assertThat(a.outcomes()).isEqualTo(BigInteger.valueOf(81));
        assertThat(a.acceptable()).contains(BigInteger.valueOf(57));
        assertThat(a.pareto().count()).isEqualTo(8);
        // By hand: federation 25+30+0+15 = 70, union 30+0+30+10 = 70; gains 0.35 · 0.30.
        var fair = outcome(s, "full-alliance", "battle-group", "not-discussed", "trade-agreement");
        assertPoint(a, a.nash().orElseThrow(), 1, fair, 0.70, 0.70);
        assertPoint(a, a.kalaiSmorodinsky().orElseThrow(), 1, fair, 0.70, 0.70);
        assertPoint(a, a.egalitarian().orElseThrow(), 1, fair, 0.70, 0.70);
        // Per issue point sums 55 + 30 + 30 (not-discussed and humanitarian-access tie) + 25 = 140, twice.
        assertPoint(a, a.utilitarian().orElseThrow(), 2,
                outcome(s, "full-alliance", "battle-group", "humanitarian-access", "trade-agreement"), 0.85, 0.55);
        assertThat(a.ranges()).extracting(r -> r.best().getAsDouble()).containsExactly(0.95, 0.92);
        assertThat(a.ranges()).extracting(r -> r.worst().getAsDouble()).containsExactly(0.35, 0.40);
    }

    @Test
    void tavrikAccord() {
        Analysis a = analyze("tavrik-accord");
        Scenario s = a.problem().scenario();
        assertThat(a.outcomes()).isEqualTo(BigInteger.valueOf(1458)); // 3^6 · 2
        assertThat(a.acceptable()).contains(BigInteger.valueOf(228));
        assertThat(a.pareto().count()).isEqualTo(122);
        assertThat(a.pareto().points()).hasSize(95);
        // Two outcomes share the Nash vector: licensed-competition + single-price and vethari-exclusive +
        // market-price both give (10, 10, 40) points on export-control and pricing.
        // The first in rank order is reported.
        var nash = outcome(s, "federation", "kaldari", "kaldari-control", "vethari-exclusive", "market-price",
                "medical-aid", "none");
        assertPoint(a, a.nash().orElseThrow(), 2, nash, 0.63, 0.42, 0.70);
        assertPoint(a, a.kalaiSmorodinsky().orElseThrow(), 2, nash, 0.63, 0.42, 0.70);
        assertPoint(a, a.egalitarian().orElseThrow(), 2, nash, 0.63, 0.42, 0.70);
        // By hand: the largest point sum per issue (authority = federation is required) is 35 + 25 + 12
        // + 40 + 25 + 18 + 25; on transition-guarantee none and federation-guarantee tie at 25, but the
        // guarantee leaves the federation 38 < 40.
        assertPoint(a, a.utilitarian().orElseThrow(), 1, outcome(s, "federation", "kaldari", "kaldari-control",
                "vethari-exclusive", "single-price", "medical-aid", "none"), 0.53, 0.32, 0.95);
        assertThat(a.ranges()).extracting(r -> r.best().getAsDouble()).containsExactly(0.89, 0.72, 0.95);
        assertThat(a.ranges()).extracting(r -> r.worst().getAsDouble()).containsExactly(0.40, 0.20, 0.45);
        assertThat(a.nash().orElseThrow().tiedOutcomes()).hasSize(2);
    }

    @Test
    void tavrikAccordBetweenTheRequiredSigners() {
        Scenario scenario = ScenarioReader.read(Path.of("..", "scenarios", "tavrik-accord.yaml"));
        AnalysisProblem problem = AnalysisProblem.of(scenario, List.of("federation", "kaldari"), 11);
        Analysis fast = OutcomeAnalyzer.analyze(problem, 100);
        Analysis oracle = new BruteForceParetoFrontier().analyze(problem, 100);
        assertThat(fast.acceptable()).isEqualTo(oracle.acceptable());
        assertThat(fast.points()).isEqualTo(oracle.points());
        // Without the vethari more outcomes are acceptable.
        assertThat(fast.acceptable().orElseThrow()).isGreaterThan(BigInteger.valueOf(228));
    }
}

package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/** The issue-wise analysis agrees with enumeration on thousands of small random scenarios. */
class IssueWiseParetoFrontierProperties {

    private static final int LIST = 10_000;

    record Case(Scenario scenario, List<String> parties) {}

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            int k = 2 + random.nextInt(3);
            Scenario scenario = RandomScenarios.scenario(random, k);
            List<String> parties = new ArrayList<>(scenario.partyNames());
            if (random.nextInt(4) == 0) {
                parties.remove(random.nextInt(parties.size()));
            }
            return new Case(scenario, parties);
        });
    }

    @Property(tries = 3000)
    void agreesWithBruteForce(@ForAll("cases") Case c) {
        AnalysisProblem problem = AnalysisProblem.of(c.scenario(), c.parties(), OutcomeSpace.DEFAULT_REAL_STEPS);
        Analysis fast = OutcomeAnalyzer.analyze(problem, LIST);
        Analysis oracle = new BruteForceParetoFrontier().analyze(problem, LIST);
        assertThat(fast.method()).isEqualTo("issue-wise");
        assertThat(fast.outcomes()).isEqualTo(oracle.outcomes());
        assertThat(fast.acceptable()).isEqualTo(oracle.acceptable());
        assertThat(fast.pareto().points()).isEqualTo(oracle.pareto().points());
        assertThat(fast.pareto().count()).isEqualTo(oracle.pareto().count());
        assertThat(fast.pareto().outcomes(LIST)).isEqualTo(oracle.pareto().outcomes(LIST));
        assertThat(fast.pareto().outcomes(LIST)).hasSize((int) fast.pareto().count());
        for (FrontierPoint point : fast.pareto().points()) {
            for (Outcome outcome : fast.pareto().outcomes(point, LIST)) {
                assertThat(problem.satisfiesConstraints(outcome)).isTrue();
                assertThat(utilitiesOf(problem, outcome)).isEqualTo(point.fixed());
            }
        }
        assertThat(fast.ranges()).isEqualTo(oracle.ranges());
        assertThat(fast.points().keySet()).isEqualTo(oracle.points().keySet());
        // Every registered concept, the built-ins and any other found on the class path.
        for (String key : SolutionConcepts.registered().keys()) {
            var f = fast.point(key);
            var o = oracle.point(key);
            assertThat(f.isPresent()).isEqualTo(o.isPresent());
            assertThat(f.isPresent()).isEqualTo(!fast.pareto().isEmpty());
            if (f.isPresent()) {
                assertThat(f.get().point()).as(key).isEqualTo(o.get().point());
                assertThat(f.get().ties()).as(key).isEqualTo(o.get().ties());
                assertThat(f.get().tiedPoints()).as(key).isEqualTo(o.get().tiedPoints());
                // Outcomes of a vector are listed in rank order by both methods.
                assertThat(f.get().tiedOutcomes()).isEqualTo(o.get().tiedOutcomes());
                assertThat(f.get().outcome()).isEqualTo(o.get().outcome());
                assertThat(f.get().tiedOutcomes()).hasSize((int) f.get().ties());
            }
        }
    }

    private static long[] utilitiesOf(AnalysisProblem problem, Outcome outcome) {
        OutcomeSpace space = problem.space();
        int[] indices = new int[space.issueCount()];
        for (int i = 0; i < indices.length; i++) {
            double[] values = space.values(i);
            for (int v = 0; v < values.length; v++) {
                if (values[v] == outcome.value(i)) {
                    indices[i] = v;
                }
            }
        }
        return problem.fixedUtilities(indices);
    }

    @Property(tries = 200)
    void acceptableCountAgreesOnLargerSpaces(@ForAll("seeds") long seed) {
        // More issues, so that the count really splits into two halves.
        Random random = new Random(seed);
        Scenario scenario = RandomScenarios.scenario(random, 2 + random.nextInt(3));
        var problem = AnalysisProblem.of(scenario);
        assertThat(OutcomeAnalyzer.analyze(problem, 0).acceptable())
                .isEqualTo(new BruteForceParetoFrontier().analyze(problem, 0).acceptable());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}

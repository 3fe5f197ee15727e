package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * The branch and bound gives the joint surplus of the maximum over the frontier, exactly (the same
 * fixed-point units), for every coalition of random scenarios with ties, constraints and outcomes
 * at a reservation, and of generated scenarios with hard constraints and many parties.
 */
class BranchAndBoundJointSurplusProperties {

    @Property(tries = 500)
    void asTheMaximumOverTheFrontier(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int parties) {
        assertEveryCoalition(RandomScenarios.scenario(new Random(seed), parties));
    }

    @Property(tries = 30)
    void onGeneratedScenariosWithConstraints(@ForAll long seed, @ForAll @IntRange(min = 2, max = 8) int parties,
            @ForAll @IntRange(min = 0, max = 6) int constraints) {
        Random random = new Random(seed);
        assertEveryCoalition(ScenarioGenerator.generate(new ScenarioGenerator.Settings(parties, 2 + random.nextInt(4),
                2 + random.nextInt(4), seed, random.nextDouble() * 0.6, constraints)));
    }

    /* Past its node budget the search gives up (null), and the caller falls back on the frontier. */
    @Property(tries = 20)
    void givesUpPastItsNodeBudget(@ForAll long seed) {
        Scenario scenario = ScenarioGenerator.generate(new ScenarioGenerator.Settings(4, 5, 4, seed, 0.2, 0));
        AnalysisProblem problem = AnalysisProblem.of(scenario);
        var blocks = new IssueWiseParetoFrontier().blocks(problem);
        assertThat(BranchAndBoundJointSurplus.solve(problem, blocks, 3)).isNull();
        var units = BranchAndBoundJointSurplus.solve(problem, blocks, Long.MAX_VALUE);
        var onFrontier = OutcomeAnalyzer.jointSurplusOnFrontier(problem);
        assertThat(units.isPresent()).isEqualTo(onFrontier.isPresent());
        if (units.isPresent()) {
            assertThat(FixedPoint.toUtility(units.getAsLong())).isEqualTo(onFrontier.getAsDouble());
        }
    }

    private static void assertEveryCoalition(Scenario scenario) {
        List<String> names = scenario.partyNames();
        for (int s = 1; s < 1 << names.size(); s++) {
            List<String> coalition = new ArrayList<>();
            for (int p = 0; p < names.size(); p++) {
                if ((s >>> p & 1) != 0) {
                    coalition.add(names.get(p));
                }
            }
            AnalysisProblem problem = AnalysisProblem.of(scenario, coalition, OutcomeSpace.DEFAULT_REAL_STEPS);
            assertThat(OutcomeAnalyzer.jointSurplus(scenario, coalition, OutcomeSpace.DEFAULT_REAL_STEPS))
                    .as("coalition %s", coalition).isEqualTo(OutcomeAnalyzer.jointSurplusOnFrontier(problem));
        }
    }
}

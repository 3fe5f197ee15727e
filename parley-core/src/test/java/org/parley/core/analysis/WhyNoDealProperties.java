package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Preferences;

/**
 * The minimal blocker sets of every minimal winning signer set are exactly those found by trying
 * every subset of blockers against every outcome.
 */
class WhyNoDealProperties {

    private static final int STEPS = OutcomeSpace.DEFAULT_REAL_STEPS;

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(random -> {
            Scenario scenario = RandomScenarios.scenario(random, 2 + random.nextInt(3));
            return RuleAnalyzerProperties.withRule(scenario, RuleAnalyzerProperties.rule(random, scenario.partyNames()));
        });
    }

    @Property(tries = 600)
    void minimalBlockerSetsAgreeWithEnumeration(@ForAll("scenarios") Scenario scenario) {
        RuleAnalysis analysis = RuleAnalyzer.analyze(scenario, STEPS, 1);
        for (WhyNoDeal.CoalitionBlockers answer : WhyNoDeal.explain(analysis, 1 << 16)) {
            List<String> members = answer.members();
            List<String[]> blockers = blockers(scenario, members);
            int b = blockers.size();
            boolean[] feasible = new boolean[1 << b];
            for (int set = 0; set < 1 << b; set++) {
                feasible[set] = feasible(scenario, members, blockers, set);
            }
            Statistics.collect(feasible[0] ? "feasible" : "blocked");
            assertThat(answer.feasible()).isEqualTo(feasible[0]);
            assertThat(answer.complete()).isTrue();
            List<List<String>> expected = new ArrayList<>();
            if (!feasible[0]) {
                for (int size = 1; size <= b; size++) {
                    for (int set = 0; set < 1 << b; set++) {
                        if (Integer.bitCount(set) != size || !feasible[set]) {
                            continue;
                        }
                        boolean minimal = true;
                        for (int t = 0; t < b; t++) {
                            if ((set >> t & 1) == 1 && feasible[set & ~(1 << t)]) {
                                minimal = false;
                            }
                        }
                        if (minimal) {
                            List<String> names = new ArrayList<>();
                            for (int t = 0; t < b; t++) {
                                if ((set >> t & 1) == 1) {
                                    names.add(blockers.get(t)[0] + ": " + blockers.get(t)[2]);
                                }
                            }
                            expected.add(names);
                        }
                    }
                }
            }
            assertThat(answer.minimalSets()).extracting(set -> set.stream().map(WhyNoDeal.Blocker::toString).toList())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** {party, constraint index or "r", text} per blocker. */
    private static List<String[]> blockers(Scenario scenario, List<String> members) {
        List<String[]> list = new ArrayList<>();
        for (String name : members) {
            Preferences p = scenario.party(name).preferences();
            for (int c = 0; c < p.constraints().size(); c++) {
                list.add(new String[] {name, Integer.toString(c), p.constraints().get(c).describe(scenario.domain())});
            }
            if (p.reservation() > 0) {
                list.add(new String[] {name, "r", "reservation " + p.reservation()});
            }
        }
        return list;
    }

    private static boolean feasible(Scenario scenario, List<String> members, List<String[]> blockers, int removed) {
        AnalysisProblem all = AnalysisProblem.of(scenario, null, STEPS);
        OutcomeSpace space = all.space();
        for (long r = 0; r < space.count().longValueExact(); r++) {
            Outcome o = space.outcome(r);
            long[] u = DealAssessment.onGridUtilities(all, o);
            boolean ok = true;
            for (String name : members) {
                int i = scenario.indexOf(name);
                Preferences p = scenario.parties().get(i).preferences();
                boolean reservationGone = false;
                for (int t = 0; t < blockers.size(); t++) {
                    String[] blocker = blockers.get(t);
                    if ((removed >> t & 1) == 1 && blocker[0].equals(name)) {
                        if (blocker[1].equals("r")) {
                            reservationGone = true;
                        }
                    }
                }
                if (!reservationGone && u[i] < all.threshold(i)) {
                    ok = false;
                }
                for (int c = 0; c < p.constraints().size() && ok; c++) {
                    boolean gone = false;
                    for (int t = 0; t < blockers.size(); t++) {
                        String[] blocker = blockers.get(t);
                        if ((removed >> t & 1) == 1 && blocker[0].equals(name) && blocker[1].equals(Integer.toString(c))) {
                            gone = true;
                        }
                    }
                    if (!gone && !p.constraints().get(c).satisfiedBy(o)) {
                        ok = false;
                    }
                }
                if (!ok) {
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}

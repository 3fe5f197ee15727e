package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.TestScenarios;
import org.parley.core.model.Domain;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Preferences;

/** Both bid spaces against brute force over every outcome of small random spaces with constraints. */
class BidSpaceProperties {

    private static Preferences withConstraints(Scenario scenario, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Domain domain = scenario.domain();
        Preferences base = scenario.parties().get(0).preferences();
        List<Constraint> constraints = new ArrayList<>();
        int a = random.nextInt(domain.size());
        int b = (a + 1) % domain.size();
        constraints.add(new Constraint.Implication(new Condition.OneOf(a, Set.of(0)), new Condition.OneOf(b, Set.of(1))));
        constraints.add(new Constraint.Forbid(new Condition.OneOf(random.nextInt(domain.size()), Set.of(2))));
        return new Preferences(base.utility(), constraints, base.reservation(), base.discount());
    }

    private static List<Outcome> feasible(Domain domain, Preferences preferences) {
        OutcomeSpace space = new OutcomeSpace(domain);
        List<Outcome> all = new ArrayList<>();
        for (long r = 0; r < space.count().longValue(); r++) {
            Outcome o = space.outcome(r);
            if (preferences.satisfiesConstraints(o)) {
                all.add(o);
            }
        }
        return all;
    }

    @Property(tries = 60)
    void sortedAtLeastIsTheClosestFromAbove(@ForAll @IntRange(min = 0, max = 1000) long seed,
            @ForAll @DoubleRange(min = 0, max = 1.05) double target) {
        Scenario scenario = TestScenarios.random(seed, 1, 4, 3, 0, null);
        Preferences preferences = withConstraints(scenario, seed);
        BidSpace space = new SortedArrayBidSpace(new OutcomeSpace(scenario.domain()), preferences);
        List<Outcome> all = feasible(scenario.domain(), preferences);
        double best = all.stream().mapToDouble(preferences::utility).max().orElseThrow();
        double closest = all.stream().mapToDouble(preferences::utility).filter(u -> u >= target - 1e-9).min().orElse(best);
        Outcome found = space.atLeast(target);
        assertThat(preferences.satisfiesConstraints(found)).isTrue();
        assertThat(preferences.utility(found)).isEqualTo(closest);
        assertThat(space.max()).isEqualTo(best);
        assertThat(space.min()).isEqualTo(all.stream().mapToDouble(preferences::utility).min().orElseThrow());
        Outcome below = space.below(target);
        double expectedBelow = all.stream().mapToDouble(preferences::utility).filter(u -> u < target).max().orElse(-1);
        assertThat(below == null ? -1 : preferences.utility(below)).isEqualTo(expectedBelow);
    }

    @Property(tries = 60)
    void issueWiseAtLeastIsFeasibleAtOrAboveTheTargetAndWithinItsResolution(
            @ForAll @IntRange(min = 0, max = 1000) long seed, @ForAll @DoubleRange(min = 0, max = 1.05) double target) {
        Scenario scenario = TestScenarios.random(seed, 1, 5, 3, 0, null);
        Preferences preferences = withConstraints(scenario, seed);
        IssueWiseBidSpace space = new IssueWiseBidSpace(new OutcomeSpace(scenario.domain()), preferences);
        List<Outcome> all = feasible(scenario.domain(), preferences);
        double best = all.stream().mapToDouble(preferences::utility).max().orElseThrow();
        double closest = all.stream().mapToDouble(preferences::utility).filter(u -> u >= target - 1e-9).min().orElse(best);
        Outcome found = space.atLeast(target);
        assertThat(preferences.satisfiesConstraints(found)).isTrue();
        double u = preferences.utility(found);
        assertThat(u).isGreaterThanOrEqualTo(Math.min(target, best) - 1e-9);
        // Within one quantisation step per issue of the exact answer.
        assertThat(u - closest).isLessThanOrEqualTo(5.0 * 2 / IssueWiseBidSpace.BUCKETS + 1e-9);
        assertThat(space.max()).isEqualTo(best);
        assertThat(space.min()).isEqualTo(all.stream().mapToDouble(preferences::utility).min().orElseThrow());
        Outcome below = space.below(target);
        double expectedBelow = all.stream().mapToDouble(preferences::utility).filter(x -> x < target).max().orElse(-1);
        if (below == null) {
            assertThat(expectedBelow).isEqualTo(-1);
        } else {
            assertThat(preferences.satisfiesConstraints(below)).isTrue();
            assertThat(preferences.utility(below)).isLessThan(target);
            assertThat(expectedBelow - preferences.utility(below)).isLessThanOrEqualTo(5.0 * 2 / IssueWiseBidSpace.BUCKETS + 1e-9);
        }
    }

    @Property(tries = 40)
    void randomDrawsStayInTheBandAndKeepTheConstraints(@ForAll @IntRange(min = 0, max = 1000) long seed,
            @ForAll @DoubleRange(min = 0, max = 0.9) double lo) {
        Scenario scenario = TestScenarios.random(seed, 1, 4, 3, 0, null);
        Preferences preferences = withConstraints(scenario, seed);
        double hi = lo + 0.1;
        SplittableRandom random = new SplittableRandom(seed);
        for (BidSpace space : List.of(new SortedArrayBidSpace(new OutcomeSpace(scenario.domain()), preferences),
                new IssueWiseBidSpace(new OutcomeSpace(scenario.domain()), preferences))) {
            boolean any = feasible(scenario.domain(), preferences).stream()
                    .anyMatch(o -> preferences.utility(o) >= lo && preferences.utility(o) <= hi);
            Outcome drawn = space.random(lo, hi, random);
            if (drawn != null) {
                assertThat(preferences.satisfiesConstraints(drawn)).isTrue();
                assertThat(preferences.utility(drawn)).isBetween(lo - 1e-9, hi + 1e-9);
            } else if (space instanceof SortedArrayBidSpace) {
                assertThat(any).isFalse();
            }
        }
    }

    @Property(tries = 30)
    void sortedNextWalksEveryFeasibleOutcomeInDecreasingUtility(@ForAll @IntRange(min = 0, max = 1000) long seed) {
        Scenario scenario = TestScenarios.random(seed, 1, 3, 3, 0, null);
        Preferences preferences = withConstraints(scenario, seed);
        BidSpace space = new SortedArrayBidSpace(new OutcomeSpace(scenario.domain()), preferences);
        List<Outcome> walked = new ArrayList<>();
        for (Outcome o = space.best(); o != null; o = space.next(o)) {
            walked.add(o);
        }
        assertThat(walked).containsExactlyInAnyOrderElementsOf(feasible(scenario.domain(), preferences));
        for (int k = 1; k < walked.size(); k++) {
            assertThat(preferences.utility(walked.get(k))).isLessThanOrEqualTo(preferences.utility(walked.get(k - 1)));
        }
    }
}

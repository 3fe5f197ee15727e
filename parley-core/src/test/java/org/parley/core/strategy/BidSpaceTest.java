package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Preferences;

class BidSpaceTest {

    @Test
    void smallSpacesAreSortedLargeOnesSearchedIssueWise() {
        Scenario small = TestScenarios.random(1, 1, 4, 10, 0, null);
        Scenario large = TestScenarios.random(1, 1, 10, 10, 0, null);
        assertThat(BidSpace.of(small.domain(), small.parties().get(0).preferences())).isInstanceOf(SortedArrayBidSpace.class);
        assertThat(BidSpace.of(large.domain(), large.parties().get(0).preferences())).isInstanceOf(IssueWiseBidSpace.class);
    }

    @Test
    void aTenToTheTenSpaceAnswersWithoutEnumeration() {
        Scenario large = TestScenarios.random(3, 1, 10, 10, 0, null);
        Preferences preferences = large.parties().get(0).preferences();
        long start = System.nanoTime();
        BidSpace space = BidSpace.of(large.domain(), preferences);
        SplittableRandom random = new SplittableRandom(1);
        for (int k = 0; k < 10_000; k++) {
            double target = (0.2 + 0.6 * random.nextDouble()) * space.max();
            Outcome o = space.atLeast(target);
            double u = preferences.utility(o);
            assertThat(u).isGreaterThanOrEqualTo(target - 1e-9);
            // Utilities are whole points over the scale (about 1/900 apart) and 10^10 outcomes cover
            // the middle of the range densely: the nearest lies within a point.
            assertThat(u - target).isLessThan(2e-3);
        }
        // Enumerating 10^10 outcomes would take minutes; this takes well under a few seconds.
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    /**
     * 10,000 issues without constraints: building the search is linear in the issues. It built an
     * outcome of all 10,000 values for every option of every issue (1.6 GB allocated, minutes on a
     * loaded machine before parley run printed its first move); counted in allocated bytes, which
     * the machine's load does not change.
     */
    @Test
    void tenThousandIssuesBuildWithoutAnOutcomePerOption() {
        Scenario scenario = TestScenarios.random(7, 1, 10_000, 2, 0, null);
        Preferences preferences = scenario.parties().get(0).preferences();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        BidSpace space = BidSpace.of(scenario.domain(), preferences);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(space).isInstanceOf(IssueWiseBidSpace.class);
        assertThat(preferences.utility(space.atLeast(0.5 * space.max()))).isGreaterThanOrEqualTo(0.5 * space.max() - 1e-9);
        // The table of reachable sums, 16 KiB per issue (164 MB), and little else.
        assertThat(allocated).as("bytes allocated").isLessThan(400L << 20);
    }

    @Test
    void aSpaceBeyondMemoryIsRefusedUpFrontWithTheReason() {
        IssueWiseBidSpace.refuseBeyondMemory(10_000, 4L << 30);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IssueWiseBidSpace.refuseBeyondMemory(10_000, 256L << 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("163 MB per party for its 10000 independent issues")
                .hasMessageContaining("268 MB this Java may use");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> IssueWiseBidSpace.refuseBeyondMemory(IssueWiseBidSpace.BUCKETS, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the 65536 an issue-wise search resolves");
    }

    @Test
    void anUnsatisfiableSpaceIsEmpty() {
        Scenario scenario = TestScenarios.cardassianTalks();
        var constraints = java.util.List.<org.parley.core.preference.Constraint>of(
                new org.parley.core.preference.Constraint.Require(
                        new org.parley.core.preference.Condition.OneOf(0, java.util.Set.of(0))),
                new org.parley.core.preference.Constraint.Forbid(
                        new org.parley.core.preference.Condition.OneOf(0, java.util.Set.of(0))));
        Preferences impossible = new Preferences(scenario.parties().get(0).preferences().utility(), constraints, 0, null);
        assertThat(new SortedArrayBidSpace(new org.parley.core.model.OutcomeSpace(scenario.domain()), impossible).isEmpty())
                .isTrue();
        assertThat(new IssueWiseBidSpace(new org.parley.core.model.OutcomeSpace(scenario.domain()), impossible).isEmpty())
                .isTrue();
    }

    @Test
    void aBandAboveTheBestHoldsNothing() {
        Scenario scenario = TestScenarios.random(5, 1, 10, 10, 0, null);
        Preferences preferences = scenario.parties().get(0).preferences();
        BidSpace space = BidSpace.of(scenario.domain(), preferences);
        assertThat(space.random(space.max() + 0.01, space.max() + 0.2, new SplittableRandom(1))).isNull();
        assertThat(space.below(space.min())).isNull();
        assertThat(space.atLeast(space.max() + 0.5)).isEqualTo(space.best());
    }
}

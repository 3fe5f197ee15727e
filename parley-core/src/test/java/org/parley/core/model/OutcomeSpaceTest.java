package org.parley.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomeSpaceTest {

    @Test
    void discretisesRealRangesIncludingBothEnds() {
        Domain domain = new Domain(List.of(new RealIssue("share", 0.1, 0.7), new IntegerIssue("n", -1, 1)));
        OutcomeSpace space = new OutcomeSpace(domain, 4);
        assertThat(space.values(0)).containsExactly(0.1, 0.3, 0.5, 0.7);
        assertThat(space.values(1)).containsExactly(-1, 0, 1);
        assertThat(space.count()).isEqualTo(BigInteger.valueOf(12));
        assertThat(space.discretised()).isTrue();
    }

    @Test
    void numbersOutcomesInMixedRadixLastIssueFastest() {
        Domain domain = new Domain(List.of(new DiscreteIssue("a", List.of("x", "y")), new DiscreteIssue("b", List.of("p", "q", "r"))));
        OutcomeSpace space = new OutcomeSpace(domain);
        assertThat(space.outcome(0)).isEqualTo(Outcome.of(0, 0));
        assertThat(space.outcome(1)).isEqualTo(Outcome.of(0, 1));
        assertThat(space.outcome(5)).isEqualTo(Outcome.of(1, 2));
        Set<Outcome> all = new HashSet<>();
        for (long rank = 0; rank < 6; rank++) {
            all.add(space.outcome(rank));
        }
        assertThat(all).hasSize(6);
        assertThat(space.discretised()).isFalse();
    }

    @Test
    void everyValueOfARealRangeLiesInTheRangeWhateverTheRounding() {
        // Here min + (max − min)·10/10 rounds to just above max.
        RealIssue issue = new RealIssue("x", 0.20938417613145166, 4.1419351257737125);
        OutcomeSpace space = new OutcomeSpace(new Domain(List.of(issue)), 11);
        for (double x : space.values(0)) {
            assertThat(issue.contains(x)).as("%s", x).isTrue();
        }
        assertThat(space.values(0)[10]).isEqualTo(issue.max());
    }

    @Test
    void needsAtLeastTwoSteps() {
        Domain domain = new Domain(List.of(new RealIssue("share", 0, 1)));
        assertThatThrownBy(() -> new OutcomeSpace(domain, 1)).hasMessageContaining("at least 2 steps");
    }
}

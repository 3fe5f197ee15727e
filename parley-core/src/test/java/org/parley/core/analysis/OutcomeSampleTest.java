package org.parley.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Issue;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;

class OutcomeSampleTest {

    /** {@code issues} issues of ten options each: 10^issues outcomes. */
    private static Domain tens(int issues) {
        List<Issue> list = new ArrayList<>();
        List<String> options = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        for (int i = 0; i < issues; i++) {
            list.add(new DiscreteIssue("i" + i, options));
        }
        return new Domain(list);
    }

    @Test
    void aSmallSpaceIsDrawnWhole() {
        Domain domain = tens(2);
        OutcomeSample sample = OutcomeSample.of(domain, OutcomeSpace.DEFAULT_REAL_STEPS, 100, o -> o.value(0) < 5);
        assertThat(sample.complete()).isTrue();
        assertThat(new HashSet<>(sample.outcomes())).hasSize(100);
        assertThat(sample.acceptableCount()).isEqualTo(50);
        assertThat(sample.describe()).isEqualTo("all 100 outcomes");
    }

    @Test
    void aLargeSpaceIsSampledUniformlyOnEveryIssue() {
        // 10^12 outcomes, as in the space whose evenly spaced ranks gave 780 distinct points of 6,000.
        Domain domain = tens(12);
        OutcomeSample sample = OutcomeSample.of(domain, OutcomeSpace.DEFAULT_REAL_STEPS, 6000, o -> o.value(0) < 5);
        assertThat(sample.complete()).isFalse();
        assertThat(new HashSet<>(sample.outcomes()).size()).isGreaterThan(5990);
        for (int issue = 0; issue < 12; issue++) {
            int[] counts = new int[10];
            for (Outcome o : sample.outcomes()) {
                counts[(int) o.value(issue)]++;
            }
            for (int option = 0; option < 10; option++) {
                // 600 expected; five standard deviations (~23 each) either side.
                assertThat(counts[option]).as("issue %d option %d", issue, option).isBetween(480, 720);
            }
        }
        assertThat(sample.extraAcceptable()).isZero();
        assertThat(sample.extraUnacceptable()).isZero();
        assertThat(sample.describe()).isEqualTo("6,000 of 1.0e12 outcomes drawn uniformly at random");
    }

    @Test
    void aThinRegionIsToppedUpAndTheCountsSaySo() {
        Domain domain = tens(8);
        // 1 % of the space: the uniform draws hold about 40 of 4,000; the chart wants 400.
        Predicate<Outcome> thin = o -> o.value(0) == 3 && o.value(1) == 7;
        OutcomeSample sample = OutcomeSample.of(domain, OutcomeSpace.DEFAULT_REAL_STEPS, 4000, thin);
        int inUniform = 0;
        for (int k = 0; k < sample.uniform(); k++) {
            inUniform += sample.acceptable().get(k) ? 1 : 0;
            assertThat(sample.acceptable().get(k)).isEqualTo(thin.test(sample.outcomes().get(k)));
        }
        assertThat(inUniform).isBetween(10, 80);
        assertThat(sample.acceptableCount()).isEqualTo(OutcomeSample.minimumPerRegion(4000));
        assertThat(sample.extraAcceptable()).isEqualTo(400 - inUniform);
        assertThat(sample.outcomes()).hasSize(4000 + sample.extraAcceptable());
        for (int k = sample.uniform(); k < sample.outcomes().size(); k++) {
            assertThat(thin.test(sample.outcomes().get(k))).isTrue();
        }
        assertThat(sample.describe()).isEqualTo(
                "4,000 of 100,000,000 outcomes drawn uniformly at random, plus " + (400 - inUniform) + " acceptable ones");
    }

    @Test
    void anEmptyRegionCostsABoundedNumberOfDrawsAndIsNotInvented() {
        Domain domain = tens(8);
        long start = System.nanoTime();
        OutcomeSample none = OutcomeSample.of(domain, OutcomeSpace.DEFAULT_REAL_STEPS, 4000, o -> false);
        assertThat(none.acceptableCount()).isZero();
        assertThat(none.outcomes()).hasSize(4000);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void theSameSpaceGivesTheSameSample() {
        Domain domain = tens(9);
        Predicate<Outcome> half = o -> o.value(4) < 5;
        assertThat(OutcomeSample.of(domain, 11, 1000, half)).isEqualTo(OutcomeSample.of(domain, 11, 1000, half));
    }

    @Test
    void aSampleOfNothingIsRefused() {
        assertThatThrownBy(() -> OutcomeSample.of(tens(1), 11, 0, o -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void realIssuesAreDrawnAtRandomPointsOfTheirRange() {
        Domain domain = new Domain(List.of(new org.parley.core.model.RealIssue("x", 0, 1)));
        OutcomeSample sample = OutcomeSample.of(domain, 11, 500, o -> o.value(0) > 0.5);
        Set<Double> distinct = new HashSet<>();
        sample.outcomes().forEach(o -> distinct.add(o.value(0)));
        assertThat(distinct.size()).isGreaterThan(450);
    }
}

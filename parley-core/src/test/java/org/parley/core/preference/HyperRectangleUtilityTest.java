package org.parley.core.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Outcome;
import org.parley.core.preference.HyperRectangleUtility.Aggregation;
import org.parley.core.preference.HyperRectangleUtility.Bound;
import org.parley.core.preference.HyperRectangleUtility.Group;
import org.parley.core.preference.HyperRectangleUtility.Rectangle;

class HyperRectangleUtilityTest {

    static final Domain DOMAIN = new Domain(List.of(new IntegerIssue("x", 1, 5), new IntegerIssue("y", 1, 5),
            new DiscreteIssue("colour", List.of("red", "blue"))));

    /** 60 inside x∈[1,3]·y∈[2,4]; 40·0.5 outside x∈[2,5]; 0.5 · max(80 when y=5, 30 always); over 100. */
    static HyperRectangleUtility example() {
        Rectangle block = new Rectangle(List.of(new Bound(0, 1, 3), new Bound(1, 2, 4)), false, 60, 1);
        Rectangle outside = new Rectangle(List.of(new Bound(0, 2, 5)), true, 40, 0.5);
        Group inner = new Group(Aggregation.MAX, 0.5, List.of(
                new Rectangle(List.of(new Bound(1, 5, 5)), false, 80, 1), new Rectangle(List.of(), false, 30, 1)));
        return new HyperRectangleUtility(DOMAIN, new Group(Aggregation.SUM, 1, List.of(block, outside, inner)), 100);
    }

    @Test
    void sumsMinimaAndMaximaOfWeightedRectanglesOverTheNormaliser() {
        HyperRectangleUtility u = example();
        assertThat(u.utility(new Outcome(1, 2, 0))).isCloseTo((60 + 20 + 15) / 100.0, within(1e-12));
        assertThat(u.utility(new Outcome(3, 5, 1))).isCloseTo(40 / 100.0, within(1e-12));
        assertThat(u.utility(new Outcome(1, 5, 0))).isCloseTo((20 + 40) / 100.0, within(1e-12));
        assertThat(u.utility(new Outcome(4, 1, 0))).isCloseTo(15 / 100.0, within(1e-12));
    }

    @Test
    void utilitiesAboveTheNormaliserAreCappedAtOneAsInGenius() {
        HyperRectangleUtility u = new HyperRectangleUtility(DOMAIN, new Group(Aggregation.SUM, 1,
                List.of(new Rectangle(List.of(), false, 150, 1))), 100);
        assertThat(u.utility(new Outcome(1, 1, 0))).isEqualTo(1.0);
        HyperRectangleUtility min = new HyperRectangleUtility(DOMAIN, new Group(Aggregation.MIN, 7, List.of(
                new Rectangle(List.of(new Bound(0, 1, 2)), false, 50, 1), new Rectangle(List.of(), false, 30, 1))), 100);
        // The root's own weight (7) is never applied.
        assertThat(min.utility(new Outcome(1, 1, 0))).isCloseTo(0.3, within(1e-12));
        assertThat(min.utility(new Outcome(3, 1, 0))).isZero();
    }

    @Test
    void equalTreesAreEqualAndMistakesAreNamed() {
        assertThat(example()).isEqualTo(example()).hasSameHashCodeAs(example());
        assertThatThrownBy(() -> new HyperRectangleUtility(DOMAIN, new Group(Aggregation.SUM, 1,
                List.of(new Rectangle(List.of(new Bound(2, 0, 1)), false, 1, 1))), 1))
                .hasMessageContaining("discrete issue (colour)");
        assertThatThrownBy(() -> new HyperRectangleUtility(DOMAIN, new Group(Aggregation.SUM, 1,
                List.of(new Rectangle(List.of(new Bound(5, 0, 1)), false, 1, 1))), 1))
                .hasMessageContaining("issue #6");
        assertThatThrownBy(() -> new Rectangle(List.of(), false, -1, 1)).hasMessageContaining("utility (-1.0)");
        assertThatThrownBy(() -> new Bound(0, 3, 2)).hasMessageContaining("empty");
        assertThatThrownBy(() -> new Group(Aggregation.MAX, 1, List.of())).hasMessageContaining("max group");
        assertThatThrownBy(() -> new HyperRectangleUtility(DOMAIN, new Group(Aggregation.SUM, 1, List.of()), 0))
                .hasMessageContaining("normaliser");
    }
}

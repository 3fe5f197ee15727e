package org.parley.core.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Outcome;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    private final Domain domain = new Domain(List.of(
            new DiscreteIssue("a", List.of("x", "y", "z")),
            new DiscreteIssue("b", List.of("p", "q"))));

    @Test
    void pointsBecomeWeightsAndValues() {
        LinearAdditiveUtility u = LinearAdditiveUtility.fromPoints(domain, new double[][] {{0, 30, 60}, {40, 10}}, 100);
        assertThat(u.weights()).containsExactly(0.6, 0.4);
        assertThat(u.utility(Outcome.of(1, 1))).isCloseTo(0.4, within(1e-12));
        assertThat(u.utility(Outcome.of(2, 0))).isCloseTo(1.0, within(1e-12));
        assertThat(u.term(0, 1)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void anOutcomeWorthExactlyTheReservationIsAcceptableWhateverTheRounding() {
        // 0.30 + 0.05 is 0.35000000000000003 and 0.25 + 0.10 is 0.35 in binary floating point.
        LinearAdditiveUtility u = LinearAdditiveUtility.fromPoints(domain, new double[][] {{30, 25, 0}, {5, 10}}, 100);
        Preferences p = new Preferences(u, List.of(), 0.35, Discount.NONE);
        assertThat(p.acceptable(Outcome.of(0, 0))).isTrue();
        assertThat(p.acceptable(Outcome.of(1, 1))).isTrue();
        assertThat(p.acceptable(Outcome.of(1, 0))).isFalse();
    }

    @Test
    void hardConstraintsMakeOutcomesUnacceptableWhateverTheirUtility() {
        LinearAdditiveUtility u = LinearAdditiveUtility.fromPoints(domain, new double[][] {{0, 50, 60}, {40, 0}}, 100);
        Constraint forbidZ = new Constraint.Forbid(new Condition.OneOf(0, Set.of(2)));
        Constraint ifYThenQ = new Constraint.Implication(new Condition.OneOf(0, Set.of(1)), new Condition.OneOf(1, Set.of(1)));
        Preferences p = new Preferences(u, List.of(forbidZ, ifYThenQ), 0.1, Discount.NONE);
        assertThat(p.acceptable(Outcome.of(2, 0))).isFalse(); // the best outcome, but forbidden
        assertThat(p.acceptable(Outcome.of(1, 0))).isFalse(); // y requires q
        assertThat(p.acceptable(Outcome.of(1, 1))).isTrue();
        assertThat(p.acceptable(Outcome.of(0, 0))).isTrue();
        assertThat(forbidZ.describe(domain)).isEqualTo("forbid a = z");
        assertThat(ifYThenQ.describe(domain)).isEqualTo("if a = y then b = q");
        assertThat(ifYThenQ.issues()).containsExactly(0, 1);
    }

    @Test
    void discountsPerRoundOrOverTime() {
        assertThat(Discount.perRound(0.9).apply(0.5, 2, 0.7)).isCloseTo(0.405, within(1e-12));
        assertThat(Discount.overTime(0.5).apply(0.8, 7, 0.5)).isCloseTo(0.8 * Math.sqrt(0.5), within(1e-12));
        assertThat(Discount.NONE.apply(0.8, 100, 1)).isEqualTo(0.8);
        assertThatThrownBy(() -> Discount.perRound(1.2)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> Discount.perRound(0)).hasMessageContaining("(0, 1]");
    }

    @Test
    void piecewiseLinearInterpolatesAndClamps() {
        PiecewiseLinearValueFunction f = new PiecewiseLinearValueFunction(new double[] {0, 10, 20}, new double[] {0, 1, 0.5});
        assertThat(f.value(-5)).isEqualTo(0);
        assertThat(f.value(5)).isCloseTo(0.5, within(1e-12));
        assertThat(f.value(10)).isEqualTo(1);
        assertThat(f.value(15)).isCloseTo(0.75, within(1e-12));
        assertThat(f.value(30)).isEqualTo(0.5);
        assertThat(f.max()).isEqualTo(1);
        assertThatThrownBy(() -> new PiecewiseLinearValueFunction(new double[] {0, 0}, new double[] {0, 1}))
                .hasMessageContaining("must increase");
        assertThatThrownBy(() -> new PiecewiseLinearValueFunction(new double[] {0}, new double[] {1.5}))
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void rejectsNegativeWeightsWeightsAboveOneAndMismatchedTables() {
        Domain d = new Domain(List.of(new DiscreteIssue("a", List.of("x", "y")), new IntegerIssue("n", 0, 3)));
        List<ValueFunction> functions = List.of(new DiscreteValueFunction(new double[] {0, 1}), PiecewiseLinearValueFunction.linear(0, 0, 3, 1));
        assertThatThrownBy(() -> new LinearAdditiveUtility(d, new double[] {-0.1, 1.1}, functions))
                .hasMessageContaining("weight (-0.1) of issue (a) must be a non-negative");
        assertThatThrownBy(() -> new LinearAdditiveUtility(d, new double[] {0.6, 0.6}, functions))
                .hasMessageContaining("sum to 1.2");
        assertThatThrownBy(() -> new LinearAdditiveUtility(d, new double[] {0.5, 0.5},
                List.of(new DiscreteValueFunction(new double[] {0, 1, 1}), functions.get(1))))
                .hasMessageContaining("one value per option (2)");
        LinearAdditiveUtility u = new LinearAdditiveUtility(d, new double[] {0.5, 0.5}, functions);
        assertThat(u.utility(new Outcome(1, 3))).isEqualTo(1.0);
        assertThat(u.utility(new Outcome(0, 1.5))).isCloseTo(0.25, within(1e-12));
    }
}

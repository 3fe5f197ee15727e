package org.parley.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RealIssueTest {

    @Test
    void gridValuesCarryTheDecimalsOfTheRangeAndTheStep() {
        // In binary arithmetic −1 + 3·5/10 is 0.19999999999999996, and "at least 0.2" refused it.
        RealIssue x = new RealIssue("x", -1, 2);
        assertThat(x.grid(11)).containsExactly(-1, -0.7, -0.4, -0.1, 0.2, 0.5, 0.8, 1.1, 1.4, 1.7, 2);
        assertThat(new RealIssue("share", 0.1, 0.7).grid(7)).containsExactly(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7);
        assertThat(new RealIssue("price", 0, 1).grid(21)[7]).isEqualTo(0.35);
        assertThat(x.gridValue(4, 11)).isEqualTo(0.2);
    }

    @Test
    void aStepWithoutAnEndingDecimalGivesTheNearestDoubles() {
        assertThat(new RealIssue("x", 0, 1).grid(4)).containsExactly(0, 1.0 / 3, 2.0 / 3, 1);
        assertThat(new RealIssue("x", 0, 2).grid(7)).containsExactly(0, 1.0 / 3, 2.0 / 3, 1, 4.0 / 3, 5.0 / 3, 2);
    }

    @Test
    void aSinglePointAndTooFewStepsOrAStepOutsideTheGrid() {
        assertThat(new RealIssue("x", 0.5, 0.5).grid(11)).containsExactly(0.5);
        assertThat(new RealIssue("x", 0.5, 0.5).gridValue(3, 11)).isEqualTo(0.5);
        assertThatThrownBy(() -> new RealIssue("x", 0, 1).grid(1)).hasMessageContaining("at least 2 steps");
        assertThatThrownBy(() -> new RealIssue("x", 0, 1).gridValue(11, 11)).hasMessageContaining("[0, 10]");
    }

    /**
     * Ends with up to four decimals, any number of steps: every value is the double nearest to the
     * exact rational min + (max − min)·k/(steps − 1), worked out here in integers; the grid
     * increases, keeps its ends exactly and agrees with gridValue.
     */
    @Property(tries = 500)
    void everyValueIsTheDoubleNearestTheExactOne(@ForAll @IntRange(min = -100_000, max = 100_000) int a,
            @ForAll @IntRange(min = 1, max = 100_000) int width, @ForAll @IntRange(min = 0, max = 4) int decimals,
            @ForAll @IntRange(min = 2, max = 200) int steps) {
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        double min = BigDecimal.valueOf(a).multiply(unit).doubleValue();
        double max = BigDecimal.valueOf((long) a + width).multiply(unit).doubleValue();
        RealIssue issue = new RealIssue("x", min, max);
        double[] grid = issue.grid(steps);
        assertThat(grid).hasSize(steps);
        assertThat(grid[0]).isEqualTo(min);
        assertThat(grid[steps - 1]).isEqualTo(max);
        for (int k = 0; k < steps; k++) {
            // (a·(steps − 1) + width·k) / ((steps − 1)·10^decimals), as an exact fraction.
            BigInteger numerator = BigInteger.valueOf(a).multiply(BigInteger.valueOf(steps - 1))
                    .add(BigInteger.valueOf(width).multiply(BigInteger.valueOf(k)));
            BigInteger denominator = BigInteger.valueOf(steps - 1).multiply(BigInteger.TEN.pow(decimals));
            double nearest = new BigDecimal(numerator).divide(new BigDecimal(denominator), new MathContext(60)).doubleValue();
            assertThat(grid[k]).as("k = %d", k).isEqualTo(nearest);
            assertThat(issue.gridValue(k, steps)).isEqualTo(grid[k]);
            if (k > 0) {
                assertThat(grid[k]).isGreaterThan(grid[k - 1]);
            }
        }
    }

    /**
     * Ends with many decimals or far apart (beyond what fits a double's integers) are worked out in
     * BigDecimal: still the double nearest the value between the ends as Java writes them.
     */
    @Property(tries = 300)
    void longDecimalsAndWideRangesStayNearest(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int a,
            @ForAll @IntRange(min = 1, max = 1_000_000) int width, @ForAll @IntRange(min = -12, max = 22) int decimals,
            @ForAll @IntRange(min = 2, max = 50) int steps) {
        double min = BigDecimal.valueOf(a).movePointLeft(decimals).doubleValue();
        double max = BigDecimal.valueOf((long) a + width).movePointLeft(decimals).doubleValue();
        if (!(min < max)) {
            return;
        }
        double[] grid = new RealIssue("x", min, max).grid(steps);
        BigDecimal low = BigDecimal.valueOf(min);
        BigDecimal span = BigDecimal.valueOf(max).subtract(low);
        for (int k = 1; k < steps - 1; k++) {
            double nearest = low.add(span.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(steps - 1),
                    new MathContext(60))).doubleValue();
            assertThat(grid[k]).as("k = %d", k).isEqualTo(nearest);
        }
    }
}

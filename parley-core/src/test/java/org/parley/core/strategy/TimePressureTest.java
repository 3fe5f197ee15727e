package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.core.negotiation.Deadline;
import org.parley.core.preference.Discount;

class TimePressureTest {

    @Test
    void withoutADiscountPlanTimeIsTheClock() {
        TimePressure none = new TimePressure(Discount.NONE, Deadline.rounds(100));
        assertThat(none.discounted()).isFalse();
        assertThat(none.planTime(0.37)).isEqualTo(0.37);
        assertThat(none.step()).isEqualTo(1);
        assertThat(none.factor(0.8)).isEqualTo(1);
    }

    /* δ = 0.98 per round over 100 rounds: half the value is gone by round 34, and the plan runs ahead of the clock. */
    @Test
    void aDiscountPullsThePlanForward() {
        TimePressure federation = new TimePressure(Discount.perRound(0.98), Deadline.rounds(100));
        assertThat(federation.factor(0.34)).isCloseTo(Math.pow(0.98, 34), within(1e-12));
        assertThat(federation.step()).isEqualTo(0.98);
        double end = Math.pow(0.98, 100);
        assertThat(federation.planTime(0.34)).isCloseTo((1 - Math.pow(0.98, 34)) / (1 - end), within(1e-12));
        assertThat(federation.planTime(0.34)).isGreaterThan(0.55);
        assertThat(federation.planTime(1)).isEqualTo(1);
        // A milder discount pulls it forward less.
        TimePressure union = new TimePressure(Discount.perRound(0.995), Deadline.rounds(100));
        assertThat(union.planTime(0.34)).isBetween(0.34, federation.planTime(0.34));
        // GENIUS's discount over normalised time needs no rounds.
        TimePressure genius = new TimePressure(Discount.overTime(0.5), Deadline.rounds(10));
        assertThat(genius.factor(1)).isEqualTo(0.5);
        assertThat(genius.step()).isCloseTo(Math.pow(0.5, 0.1), within(1e-12));
    }

    /* Under a time-only deadline a per-round discount is read from the pace of the rounds seen. */
    @Test
    void aTimeOnlyDeadlineLearnsThePaceOfRounds() {
        TimePressure pressure = new TimePressure(Discount.perRound(0.9), Deadline.time(Duration.ofSeconds(10)));
        assertThat(pressure.factor(0.5)).isEqualTo(1);
        pressure.observe(5, 0.25);
        assertThat(pressure.factor(0.5)).isCloseTo(Math.pow(0.9, 10), within(1e-12));
        assertThat(pressure.step()).isEqualTo(0.9);
    }

    /* The time-dependent strategies concede earlier under a discount, unless told not to. */
    @Test
    void aDiscountAwareConcederConcedesEarlier() {
        var talks = org.parley.core.TestScenarios.cardassianTalks();
        Setup federation = StrategyFixtures.setup(talks, "federation");
        TimeDependentBidding aware = new TimeDependentBidding(1, true);
        TimeDependentBidding classic = new TimeDependentBidding(1, false);
        aware.start(federation, null);
        classic.start(federation, null);
        assertThat(aware.target(0.2)).isLessThan(classic.target(0.2) - 0.1);
        assertThat(aware.target(0)).isEqualTo(classic.target(0));
        assertThat(aware.target(1)).isEqualTo(classic.target(1));
        Setup union = StrategyFixtures.setup(talks, "union");
        TimeDependentBidding unionAware = new TimeDependentBidding(1, true);
        unionAware.start(union, null);
        TimeDependentBidding unionClassic = new TimeDependentBidding(1, false);
        unionClassic.start(union, null);
        // The union's milder discount moves its curve less than the federation's.
        assertThat(unionClassic.target(0.2) - unionAware.target(0.2)).isLessThan(classic.target(0.2) - aware.target(0.2));
    }
}

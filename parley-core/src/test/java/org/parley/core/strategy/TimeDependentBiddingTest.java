package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;

class TimeDependentBiddingTest {

    private final Scenario talks = TestScenarios.cardassianTalks();

    private TimeDependentBidding started(double e) {
        TimeDependentBidding bidding = new TimeDependentBidding(e);
        bidding.start(StrategyFixtures.setup(talks, "union"), null);
        return bidding;
    }

    @Test
    void theTargetFollowsFaratinsCurveDownToTheReservationValue() {
        TimeDependentBidding linear = started(1);
        // union: best 0.30 + 0.20 + 0.30 + 0.20 = 1.0, reservation 0.40.
        assertThat(linear.target(0)).isCloseTo(1.0, within(1e-12));
        assertThat(linear.target(0.5)).isCloseTo(0.7, within(1e-12));
        assertThat(linear.target(1)).isCloseTo(0.4, within(1e-12));
        TimeDependentBidding boulware = started(0.2);
        assertThat(boulware.target(0.5)).isCloseTo(1 - 0.6 * Math.pow(0.5, 5), within(1e-12));
        TimeDependentBidding conceder = started(2);
        assertThat(conceder.target(0.5)).isCloseTo(1 - 0.6 * Math.sqrt(0.5), within(1e-12));
        for (double t = 0.05; t < 1; t += 0.05) {
            assertThat(boulware.target(t)).isGreaterThan(linear.target(t));
            assertThat(linear.target(t)).isGreaterThan(conceder.target(t));
        }
    }

    @Test
    void bidsAreAtOrJustAboveTheTarget() {
        TimeDependentBidding bidding = started(1);
        var preferences = talks.party("union").preferences();
        for (double t = 0; t <= 1; t += 0.01) {
            Outcome bid = bidding.bid(t);
            double u = preferences.utility(bid);
            assertThat(u).isGreaterThanOrEqualTo(bidding.target(t) - 1e-9);
            assertThat(u).isLessThanOrEqualTo(bidding.target(t) + 0.08); // the union's utilities lie at most 0.08 apart
        }
    }

    @Test
    void bidsNeverBreakTheOwnConstraints() {
        Scenario tavrik = TestScenarios.tavrikAccord();
        TimeDependentBidding bidding = new TimeDependentBidding(2);
        bidding.start(StrategyFixtures.setup(tavrik, "federation"), null);
        for (double t = 0; t <= 1; t += 0.01) {
            assertThat(tavrik.party("federation").preferences().acceptable(bidding.bid(t))).isTrue();
        }
    }

    @Test
    void theExponentMustBePositive() {
        assertThatThrownBy(() -> new TimeDependentBidding(0)).hasMessageContaining("positive");
    }
}

package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;

class TitForTatBiddingTest {

    private final Scenario talks = TestScenarios.cardassianTalks();
    // Utilities to the union: 0.40 and 0.50.
    private double unionUtility(Outcome o) {
        return talks.party("union").preferences().utility(o);
    }

    @Test
    void absoluteModeConcedesTheSameAmount() {
        TitForTatBidding tft = new TitForTatBidding(TitForTatBidding.Mode.ABSOLUTE);
        tft.start(StrategyFixtures.setup(talks, "union"), null);
        assertThat(tft.target()).isCloseTo(1.0, within(1e-12));
        Outcome first = Outcome.of(0, 2, 2, 0);   // 5 + 0 + 0 + 0 = 0.05
        Outcome second = Outcome.of(1, 2, 2, 0);  // 20 + 0 + 0 + 0 = 0.20
        tft.observe(StrategyFixtures.offer("federation", first, 0.1));
        assertThat(tft.target()).isCloseTo(1.0, within(1e-12));
        tft.observe(StrategyFixtures.offer("federation", second, 0.2));
        assertThat(tft.target()).isCloseTo(1.0 - (unionUtility(second) - unionUtility(first)), within(1e-12));
        assertThat(unionUtility(tft.bid(0.2))).isGreaterThanOrEqualTo(tft.target() - 1e-9);
        // A retraction is answered in kind.
        double before = tft.target();
        tft.observe(StrategyFixtures.offer("federation", first, 0.3));
        assertThat(tft.target()).isCloseTo(Math.min(1, before + 0.15), within(1e-12));
    }

    @Test
    void relativeModeConcedesTheSameProportion() {
        TitForTatBidding tft = new TitForTatBidding(TitForTatBidding.Mode.RELATIVE);
        tft.start(StrategyFixtures.setup(talks, "union"), null);
        Outcome first = Outcome.of(1, 2, 2, 0);   // 0.20
        Outcome second = Outcome.of(2, 2, 2, 0);  // 0.30
        tft.observe(StrategyFixtures.offer("federation", first, 0.1));
        tft.observe(StrategyFixtures.offer("federation", second, 0.2));
        assertThat(tft.target()).isCloseTo(1.0 * 0.20 / 0.30, within(1e-12));
    }

    @Test
    void neverBelowTheReservationValue() {
        TitForTatBidding tft = new TitForTatBidding(TitForTatBidding.Mode.ABSOLUTE);
        tft.start(StrategyFixtures.setup(talks, "union"), null);
        tft.observe(StrategyFixtures.offer("federation", Outcome.of(0, 2, 2, 0), 0.1));
        tft.observe(StrategyFixtures.offer("federation", Outcome.of(2, 0, 0, 2), 0.2)); // 0.05 -> 1.00
        assertThat(tft.target()).isCloseTo(0.40, within(1e-12));
    }
}

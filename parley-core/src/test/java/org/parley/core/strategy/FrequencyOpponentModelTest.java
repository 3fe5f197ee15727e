package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.StrategySpec;

class FrequencyOpponentModelTest {

    private final Scenario talks = TestScenarios.cardassianTalks();

    @Test
    void anIssueTheOpponentNeverMovesOnGainsWeightAndItsValueGainsValue() {
        FrequencyOpponentModel model = new FrequencyOpponentModel();
        model.start(StrategyFixtures.setup(talks, "federation"));
        // The union always asks for withdrawal of nothing on occupied-sector (index 2 = 0) and varies the rest.
        for (int k = 0; k < 12; k++) {
            Outcome offer = Outcome.of(k % 3, (k + 1) % 3, 0, (k + 2) % 3);
            model.update(StrategyFixtures.offer("union", offer, k / 100.0));
        }
        double[] weights = model.weights("union");
        assertThat(weights[2]).isGreaterThan(weights[0]).isGreaterThan(0.25);
        assertThat(model.utility("union", Outcome.of(0, 0, 0, 0)))
                .isGreaterThan(model.utility("union", Outcome.of(0, 0, 2, 0)));
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theFrequencyStrategyFavoursWhatTheOpponentSeemsToWant() {
        // After seeing the union insist on occupied-sector = not-discussed, the federation's bids
        // at a given level of its own utility lean towards that option.
        // A conceder (e = 2), so that the targets drop below 0.75, where not-discussed is possible.
        Strategy strategy = new StrategyRegistry().create(StrategySpec.parse("frequency:e=2"));
        Setup setup = StrategyFixtures.setup(talks, "federation");
        strategy.start(setup);
        for (int k = 0; k < 24; k++) {
            Outcome offer = Outcome.of(k % 3, (k + 1) % 3, 0, (k + 2) % 3);
            strategy.observe(StrategyFixtures.offer("union", offer, k / 100.0));
        }
        int notDiscussed = 0;
        int bids = 0;
        for (double t = 0.5; t < 0.99; t += 0.01) {
            Outcome bid = ((Action.Offer) strategy.act(StrategyFixtures.propose("federation", t))).outcome();
            assertThat(setup.acceptable(bid)).isTrue();
            notDiscussed += bid.index(2) == 0 ? 1 : 0;
            bids++;
        }
        assertThat(notDiscussed).isGreaterThan(bids / 2);
    }
}

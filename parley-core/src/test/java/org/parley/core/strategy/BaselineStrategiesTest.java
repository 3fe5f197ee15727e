package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.StrategySpec;

class BaselineStrategiesTest {

    private final Scenario tavrik = TestScenarios.tavrikAccord();
    private final StrategyRegistry registry = new StrategyRegistry();

    @Test
    void theHardlinerAlwaysOffersItsBestAndAcceptsNothingLess() {
        Strategy hardliner = registry.create(new StrategySpec("hardliner"));
        hardliner.start(StrategyFixtures.setup(tavrik, "vethari"));
        BidSpace bids = StrategyFixtures.setup(tavrik, "vethari").bids();
        for (double t = 0; t < 1; t += 0.1) {
            assertThat(hardliner.act(StrategyFixtures.propose("vethari", t))).isEqualTo(new Action.Offer(bids.best()));
        }
        Outcome good = bids.below(bids.max());
        assertThat(hardliner.act(StrategyFixtures.respond("vethari", good, "kaldari", 0.99)))
                .isEqualTo(new Action.Offer(bids.best()));
        assertThat(hardliner.act(StrategyFixtures.respond("vethari", bids.best(), "kaldari", 0.99)))
                .isEqualTo(new Action.Accept(bids.best()));
    }

    @Test
    void theRandomStrategyOffersVariedAcceptableOutcomes() {
        Strategy random = registry.create(new StrategySpec("random"));
        Setup setup = StrategyFixtures.setup(tavrik, "federation");
        random.start(setup);
        Set<Outcome> seen = new HashSet<>();
        for (int k = 0; k < 100; k++) {
            Action action = random.act(StrategyFixtures.propose("federation", k / 100.0));
            Outcome offered = ((Action.Offer) action).outcome();
            assertThat(setup.acceptable(offered)).isTrue();
            seen.add(offered);
        }
        assertThat(seen.size()).isGreaterThan(20);
    }

    @Test
    void aPartyWithNothingAcceptableWalksAway() {
        var base = tavrik.party("vethari").preferences();
        // Without its monopoly the vethari's best is 0.75, below a reservation value of 0.8.
        var hopeless = new org.parley.core.preference.Preferences(base.utility(), java.util.List.of(
                new org.parley.core.preference.Constraint.Forbid(
                        new org.parley.core.preference.Condition.OneOf(3, java.util.Set.of(0)))), 0.8, null);
        Setup setup = new Setup("vethari", tavrik.partyNames(), tavrik.domain(), hopeless,
                BidSpace.of(tavrik.domain(), hopeless), tavrik.agreement(), "sao",
                org.parley.core.negotiation.Deadline.rounds(10), new java.util.SplittableRandom(1));
        Strategy strategy = registry.create(new StrategySpec("boulware"));
        strategy.start(setup);
        assertThat(strategy.act(StrategyFixtures.propose("vethari", 0))).isEqualTo(new Action.WalkAway());
    }
}

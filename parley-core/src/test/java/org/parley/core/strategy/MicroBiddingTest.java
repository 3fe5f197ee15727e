package org.parley.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.TestScenarios;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.engine.Negotiation;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.StrategySpec;

class MicroBiddingTest {

    private final Scenario talks = TestScenarios.cardassianTalks();

    @Test
    void concedesOnlyWhenTheOpponentHasMadeAsManyDistinctOffers() {
        Strategy micro = new StrategyRegistry().create(new StrategySpec("micro"));
        Setup setup = StrategyFixtures.setup(talks, "union");
        micro.start(setup);
        BidSpace bids = setup.bids();

        Outcome first = offer(micro, 0.0);
        assertThat(first).isEqualTo(bids.best());
        micro.observe(own(first));
        // The federation has made no offer: the union repeats itself.
        assertThat(offer(micro, 0.1)).isEqualTo(first);
        Outcome federationOne = Outcome.of(0, 2, 2, 0);
        micro.observe(StrategyFixtures.offer("federation", federationOne, 0.1));
        Outcome second = offer(micro, 0.2);
        assertThat(second).isEqualTo(bids.next(first));
        micro.observe(own(second));
        // The same federation offer again is not a new proposal: no concession.
        micro.observe(StrategyFixtures.offer("federation", federationOne, 0.2));
        Outcome third = offer(micro, 0.3);
        assertThat(third).isIn(first, second);
        micro.observe(StrategyFixtures.offer("federation", Outcome.of(1, 2, 2, 0), 0.3));
        assertThat(offer(micro, 0.4)).isEqualTo(bids.next(second));
    }

    @Test
    void acceptsWhatIsAtLeastItsWorstNextProposal() {
        Strategy micro = new StrategyRegistry().create(new StrategySpec("micro"));
        Setup setup = StrategyFixtures.setup(talks, "union");
        micro.start(setup);
        BidSpace bids = setup.bids();
        micro.observe(own(bids.best()));
        // Not ready to concede: its worst next proposal is its best outcome.
        Outcome second = bids.next(bids.best());
        assertThat(micro.act(StrategyFixtures.respond("union", second, "federation", 0.1)))
                .isInstanceOf(Action.Offer.class);
        micro.observe(StrategyFixtures.offer("federation", Outcome.of(0, 0, 0, 0), 0.1));
        // Ready: its next proposal would be the second best, so that is acceptable now.
        assertThat(micro.act(StrategyFixtures.respond("union", second, "federation", 0.2)))
                .isEqualTo(new Action.Accept(second));
    }

    @Test
    void neverProposesBelowItsReservation() {
        Strategy micro = new StrategyRegistry().create(new StrategySpec("micro"));
        Setup setup = StrategyFixtures.setup(talks, "union");
        micro.start(setup);
        for (int k = 0; k < 200; k++) {
            Outcome mine = offer(micro, k / 200.0);
            assertThat(setup.acceptable(mine)).isTrue();
            micro.observe(own(mine));
            micro.observe(StrategyFixtures.offer("federation", new org.parley.core.model.OutcomeSpace(talks.domain())
                    .outcome(k % 81), k / 200.0));
        }
    }

    /*
     * Cardassian-talks has ties (the union's 0.90 and 0.82, for one). MiCRO used to keep the first
     * outcome of a tie as its lowest, so next(lowest) gave the tie's second again, already proposed:
     * it made no new proposal and never conceded again. Against an opponent with a new offer every
     * round, each of its proposals must now be new until its reservation value stops it.
     */
    @Test
    void walksThroughTiesOneNewProposalPerOpponentProposal() {
        Strategy micro = new StrategyRegistry().create(new StrategySpec("micro"));
        Setup setup = StrategyFixtures.setup(talks, "union");
        micro.start(setup);
        var space = new org.parley.core.model.OutcomeSpace(talks.domain());
        Set<Outcome> mine = new HashSet<>();
        int acceptable = 0;
        for (int k = 0; k < 81; k++) {
            if (setup.acceptable(space.outcome(k))) {
                acceptable++;
            }
        }
        for (int k = 0; k < acceptable; k++) {
            Outcome next = offer(micro, k / 100.0);
            assertThat(mine.add(next)).as("proposal %d is new", k).isTrue();
            micro.observe(own(next));
            micro.observe(StrategyFixtures.offer("federation", space.outcome(k), k / 100.0));
        }
        assertThat(mine).hasSize(acceptable);
    }

    /* Two MiCROs concede in step; on 81 outcomes 100 rounds are enough to meet. */
    @Test
    void twoMicrosAgreeOnTheCardassianTalks() {
        var settings = new NegotiationSettings("sao", Deadline.rounds(100),
                Map.of("federation", new StrategySpec("micro"), "union", new StrategySpec("micro")), 1, null);
        Result result = Negotiation.run(talks, settings);
        assertThat(result.agreement()).isTrue();
    }

    private static Outcome offer(Strategy strategy, double t) {
        return ((Action.Offer) strategy.act(StrategyFixtures.propose("union", t))).outcome();
    }

    private static Move own(Outcome outcome) {
        return new Move(0, 0, "union", new Action.Offer(outcome));
    }
}

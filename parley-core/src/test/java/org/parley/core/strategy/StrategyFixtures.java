package org.parley.core.strategy;

import java.util.SplittableRandom;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Move;
import org.parley.core.negotiation.Request;

final class StrategyFixtures {

    private StrategyFixtures() {}

    static Setup setup(Scenario scenario, String party) {
        var preferences = scenario.party(party).preferences();
        return new Setup(party, scenario.partyNames(), scenario.domain(), preferences,
                BidSpace.of(scenario.domain(), preferences), scenario.agreement(), "sao", Deadline.rounds(100),
                new SplittableRandom(1));
    }

    static Move offer(String party, Outcome outcome, double time) {
        return new Move((int) (time * 100), time, party, new Action.Offer(outcome));
    }

    static Request propose(String party, double time) {
        return new Request(party, Request.Kind.PROPOSE, (int) (time * 100), time, null, null, null);
    }

    static Request respond(String party, Outcome standing, String proposer, double time) {
        return new Request(party, Request.Kind.RESPOND, (int) (time * 100), time, standing, null, proposer);
    }
}

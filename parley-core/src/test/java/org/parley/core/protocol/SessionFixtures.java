package org.parley.core.protocol;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;

/** Sessions where every party is played by the test itself. */
final class SessionFixtures {

    private SessionFixtures() {}

    static NegotiationSettings humans(Scenario scenario, String protocol, Deadline deadline) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        for (String party : scenario.partyNames()) {
            strategies.put(party, StrategySpec.human());
        }
        return new NegotiationSettings(protocol, deadline, strategies, 7, Duration.ofSeconds(1));
    }

    static NegotiationSession open(Scenario scenario, String protocol, int rounds) {
        NegotiationSettings settings = humans(scenario, protocol, Deadline.rounds(rounds));
        return Protocols.get(protocol).open(scenario, settings, TimeSource.live(settings.deadline()));
    }
}

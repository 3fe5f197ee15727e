package org.parley.core.protocol;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSession;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.ProtocolType;
import org.parley.core.negotiation.StrategySpec;

/** Sessions where every party is played by the test itself. */
final class SessionFixtures {

    private SessionFixtures() {}

    static NegotiationSettings humans(Scenario scenario, ProtocolType protocol, Deadline deadline) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        for (String party : scenario.partyNames()) {
            strategies.put(party, StrategySpec.human());
        }
        return new NegotiationSettings(protocol, deadline, strategies, 7, Duration.ofSeconds(1));
    }

    static NegotiationSession open(Scenario scenario, ProtocolType protocol, int rounds) {
        NegotiationSettings settings = humans(scenario, protocol, Deadline.rounds(rounds));
        return Protocol.of(protocol).open(scenario, settings, TimeSource.live(settings.deadline()));
    }
}

package org.parley.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.protocol.Protocols;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;

/** The engine's own round-trip cases (from its tests of the former codec), on the one codec. */
class EngineRecordsJsonTest {

    private final Scenario tavrik = ScenarioReader.read(Path.of("..", "scenarios", "tavrik-accord.yaml"));
    private final NegotiationJson json = NegotiationJson.of(tavrik.domain());

    private NegotiationSettings settings(String protocol, Deadline deadline) {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        tavrik.parties().forEach(p -> strategies.put(p.name(), org.parley.core.strategy.StrategyRegistry.defaultSpec(p)));
        return new NegotiationSettings(protocol, deadline, strategies, 3, Duration.ofMillis(500));
    }

    @Test
    void recordsOfEveryProtocolRoundTrip() {
        for (String protocol : Protocols.registry().keys()) {
            Negotiation negotiation = Negotiation.start(tavrik, settings(protocol, new Deadline(30, Duration.ofSeconds(60))));
            negotiation.run();
            NegotiationRecord record = negotiation.session().record();
            String text = json.write(record);
            NegotiationRecord read = json.readRecord(text, "record.json");
            assertThat(read).isEqualTo(record);
            assertThat(json.write(read)).isEqualTo(text);
        }
    }

    @Test
    void aRunningNegotiationAndMisbehaviourRoundTrip() {
        Outcome o = Outcome.of(0, 2, 1, 1, 2, 1, 1);
        List<Event> events = List.of(
                new Event(0, 0, "federation", new Action.Offer(o), 0.6),
                new Event(0, 0, "kaldari", new Action.Reject(o), 0.73),
                new Event(0, 0, "vethari", new Action.Misbehaviour(Action.Misbehaviour.Reason.TIMEOUT, "too slow"), Double.NaN),
                new Event(1, 0.5, "federation", new Action.WalkAway(), Double.NaN));
        NegotiationRecord record = new NegotiationRecord("tavrik-accord", settings("amop", Deadline.rounds(2)),
                events, null);
        String text = json.write(record);
        assertThat(text).contains("\"kind\":\"timeout\"").contains("\"result\":null");
        assertThat(json.readRecord(text)).isEqualTo(record);
    }

    @Test
    void mistakesNameTheSourceAndTheField() {
        String bad = """
                {"scenario": "tavrik-accord",
                 "settings": {"protocol": "sao", "deadline": {"rounds": 5}, "strategies": {}, "seed": 1},
                 "events": [{"round": 0, "time": 0, "party": "federation", "action": "shout"}],
                 "result": null}""";
        assertThatThrownBy(() -> json.readRecord(bad, "bad.json"))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("bad.json: events[0].action:")
                .hasMessageContaining("shout");
        String badOption = bad.replace("\"action\": \"shout\"", "\"action\": \"offer\", \"outcome\": {\"authority\": \"nobody\"}");
        assertThatThrownBy(() -> json.readRecord(badOption, "bad.json"))
                .isInstanceOf(FormatException.class).hasMessageContaining("events[0].outcome.authority");
        String badProtocol = bad.replace("\"sao\"", "\"auction\"");
        assertThatThrownBy(() -> json.readRecord(badProtocol, "bad.json"))
                .isInstanceOf(FormatException.class).hasMessageContaining("Unknown protocol");
        assertThatThrownBy(() -> json.readRecord("{\"scenario\": ", "cut.json"))
                .isInstanceOf(FormatException.class).hasMessageStartingWith("cut.json:1:").hasMessageContaining("not valid JSON");
    }
}

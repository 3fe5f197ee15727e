package org.parley.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.StrategySpec;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;

class NegotiationJsonTest {

    private static final Scenario CARDASSIAN = ScenarioReader.read(Path.of("..", "scenarios", "cardassian-talks.yaml"));

    private static NegotiationRecord cardassianRun() {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("federation", StrategySpec.parse("conceder"));
        strategies.put("union", StrategySpec.parse("boulware"));
        return RandomRuns.run(CARDASSIAN, new NegotiationSettings("sao", Deadline.rounds(40), strategies, 7, null));
    }

    @Test
    void writesOutcomesAsReadableIssueToOptionMaps() {
        NegotiationRecord record = cardassianRun();
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        JsonNode tree = NegotiationJson.parse(json.write(record), "test");
        assertThat(tree.get("scenario").asText()).isEqualTo("cardassian-talks");
        assertThat(tree.at("/settings/protocol").asText()).isEqualTo("sao");
        assertThat(tree.at("/settings/deadline/rounds").asInt()).isEqualTo(40);
        assertThat(tree.at("/settings/strategies/union").asText()).isEqualTo("boulware");
        assertThat(tree.at("/settings/seed").asLong()).isEqualTo(7);
        JsonNode first = tree.get("events").get(0);
        assertThat(first.get("party").asText()).isEqualTo("federation");
        assertThat(first.get("action").asText()).isEqualTo("offer");
        assertThat(first.get("round").asInt()).isZero();
        // The federation's best outcome, by name.
        assertThat(first.get("outcome").get("defence").asText()).isEqualTo("full-alliance");
        assertThat(first.get("outcome").get("exchange").asText()).isEqualTo("none");
        assertThat(first.get("utility").asDouble()).isEqualTo(1.0);
        JsonNode result = tree.get("result");
        assertThat(result.get("agreement").asBoolean()).isEqualTo(record.result().agreement());
        assertThat(result.get("payoffs").get("union").get("discounted").asDouble())
                .isEqualTo(record.result().payoff("union").discounted());
        assertThat(result.get("ending").asText()).isIn("agreement", "deadline", "walk-away");
    }

    @Test
    void anUnfinishedRecordHasANullResult() {
        NegotiationRecord record = cardassianRun();
        NegotiationRecord running = new NegotiationRecord(record.scenario(), record.settings(),
                record.events().subList(0, 3), null);
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        assertThat(json.write(running)).contains("\"result\":null");
        assertThat(json.readRecord(json.write(running))).isEqualTo(running);
    }

    @Test
    void mistakesNameTheFieldAndWhatWasExpected() {
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        assertThatThrownBy(() -> json.readEvent("{\"round\":0,\"time\":0.5,\"party\":\"union\",\"action\":\"offer\","
                + "\"outcome\":{\"defence\":\"lasting-peace\",\"front\":\"no-ships\",\"occupied-sector\":\"not-discussed\","
                + "\"exchange\":\"none\"}}"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("outcome.defence")
                .hasMessageContaining("no option (lasting-peace)");
        assertThatThrownBy(() -> json.readEvent("{\"round\":0,\"time\":0.5,\"party\":\"union\",\"action\":\"offer\","
                + "\"outcome\":{\"defence\":\"defensive-pact\"}}"))
                .hasMessageContaining("outcome.front: missing");
        assertThatThrownBy(() -> json.readEvent("{\"round\":0,\"time\":0.5,\"party\":\"union\",\"action\":\"shout\"}"))
                .hasMessageContaining("action: unknown action (shout)");
        assertThatThrownBy(() -> json.readEvent("{\"round\":-1,\"time\":0.5,\"party\":\"union\",\"action\":\"walk-away\"}"))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> NegotiationJson.readSettings("{\"protocol\":\"sao\",\"deadline\":{},\"strategies\":{},"
                + "\"seed\":1}"))
                .hasMessageContaining("deadline").hasMessageContaining("round limit, a time limit, or both");
        assertThatThrownBy(() -> NegotiationJson.readSettings("{\"protocol\":\"sao\""))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> NegotiationJson.readSettings("{\"protocol\":\"poker\",\"deadline\":{\"rounds\":3},"
                + "\"strategies\":{},\"seed\":1}"))
                .hasMessageContaining("protocol: Unknown protocol (poker)");
    }

    @Test
    void strategiesThatTheirTextCannotHoldAreWrittenAsObjects() {
        StrategySpec odd = new StrategySpec("time-dependent", Map.of("e", "a,b"));
        JsonNode node = NegotiationJson.strategyNode(odd);
        assertThat(node.isObject()).isTrue();
        assertThat(NegotiationJson.strategy(node, "s")).isEqualTo(odd);
        assertThat(NegotiationJson.strategyNode(StrategySpec.parse("time-dependent:e=0.2")).asText())
                .isEqualTo("time-dependent:e=0.2");
    }

    @Test
    void eventsWithoutOutcomeOrUtilityLeaveThemOut() {
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        String text = json.write(new Event(3, 0.25, "union", new org.parley.core.negotiation.Action.WalkAway(), Double.NaN));
        assertThat(text).isEqualTo("{\"round\":3,\"time\":0.25,\"party\":\"union\",\"action\":\"walk-away\"}");
    }
}

package org.parley.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Rationale;
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
    void aWorldsTrustIsKeptWithTheSettingsAndLeftOutElsewhere() {
        Map<String, StrategySpec> strategies = new LinkedHashMap<>();
        strategies.put("federation", StrategySpec.parse("linear:wary=0.6"));
        strategies.put("union", StrategySpec.parse("boulware"));
        NegotiationSettings told = new NegotiationSettings("sao", Deadline.rounds(10), strategies, 4, null,
                Map.of("federation", Map.of("union", 0.25)));
        String text = NegotiationJson.write(told);
        assertThat(text).contains("\"trust\":{\"federation\":{\"union\":0.25}}");
        assertThat(NegotiationJson.readSettings(text)).isEqualTo(told);
        NegotiationSettings plain = new NegotiationSettings("sao", Deadline.rounds(10), strategies, 4, null);
        assertThat(NegotiationJson.write(plain)).doesNotContain("trust");
        assertThat(NegotiationJson.readSettings(NegotiationJson.write(plain))).isEqualTo(plain);
        assertThatThrownBy(() -> NegotiationJson.readSettings(text.replace("0.25", "2")))
                .hasMessageContaining("must lie in [0, 1]");
    }

    /* Each mistake, anywhere in a record, is one line: the source, the path of the field, what was expected. */
    @Test
    void everyMistakeNamesItsPathAndWhatWasExpected() {
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        String settings = "{\"protocol\":\"sao\",\"deadline\":{\"rounds\":3},\"strategies\":{\"union\":\"boulware\"},"
                + "\"seed\":1}";
        String offer = "{\"defence\":\"defensive-pact\",\"front\":\"no-ships\",\"occupied-sector\":\"not-discussed\","
                + "\"exchange\":\"none\"}";
        String[][] cases = {
            {"{\"settings\":" + settings + ",\"events\":[]}", "scenario: missing"},
            {"{\"scenario\":5,\"settings\":" + settings + ",\"events\":[]}", "scenario: expected text, not 5"},
            {"{\"scenario\":null,\"settings\":" + settings + ",\"events\":[]}", "scenario: missing"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":{}}", "events: expected a list"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":\"1\",\"time\":0,\"party\":\"a\","
                + "\"action\":\"walk-away\"}]}", "events[0].round: expected a whole number"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":0,\"time\":0,\"party\":\"a\","
                + "\"action\":\"walk-away\"},{\"round\":1.5,\"time\":0,\"party\":\"a\",\"action\":\"walk-away\"}]}",
                "events[1].round: expected a whole number, not 1.5"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":1,\"time\":0,\"party\":\"a\","
                + "\"action\":\"offer\"}]}", "events[0].outcome: missing; an offer concerns an outcome"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":1,\"time\":2,\"party\":\"a\","
                + "\"action\":\"walk-away\"}]}", "events[0]: The time (2.0) must lie in [0, 1]."},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":1,\"time\":0,\"party\":\"a\","
                + "\"action\":\"misbehaviour\",\"kind\":\"panic\"}]}",
                "events[0].kind: unknown kind (panic); expected exception, timeout or invalid-move"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":1,\"time\":0,\"party\":\"a\","
                + "\"action\":\"offer\",\"outcome\":" + offer + ",\"utility\":\"high\"}]}",
                "events[0].utility: expected a number"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[{\"round\":1,\"time\":0,\"party\":\"a\","
                + "\"action\":\"offer\",\"outcome\":[1]}]}",
                "events[0].outcome: expected an object from issue to option or number, not [1]"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[],\"result\":{\"agreement\":\"yes\","
                + "\"signers\":[],\"payoffs\":{},\"rounds\":1,\"time\":1,\"ending\":\"deadline\"}}",
                "result.agreement: expected true or false"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[],\"result\":{\"agreement\":false,"
                + "\"signers\":[],\"payoffs\":{\"union\":{\"utility\":1}},\"rounds\":1,\"time\":1,\"ending\":\"deadline\"}}",
                "result.payoffs.union.discounted: missing"},
            {"{\"scenario\":\"x\",\"settings\":" + settings + ",\"events\":[],\"result\":{\"agreement\":false,"
                + "\"signers\":[],\"payoffs\":{},\"rounds\":1,\"time\":1,\"ending\":\"bored\"}}",
                "result.ending: unknown ending (bored); expected agreement, deadline, walk-away or not-ratified"},
            {"{\"scenario\":\"x\",\"settings\":{\"protocol\":\"sao\",\"deadline\":{\"time\":\"soon\"},\"strategies\":{},"
                + "\"seed\":1},\"events\":[]}",
                "settings.deadline.time: expected an ISO-8601 duration such as PT10S, not soon"},
            {"{\"scenario\":\"x\",\"settings\":{\"protocol\":\"sao\",\"deadline\":{\"rounds\":3},\"strategies\":"
                + "{\"union\":5},\"seed\":1},\"events\":[]}",
                "settings.strategies.union: expected a strategy such as \"boulware\" or \"time-dependent:e=0.2\", not 5"},
            {"{\"scenario\":\"x\",\"settings\":{\"protocol\":\"sao\",\"deadline\":{\"rounds\":3},\"strategies\":{},"
                + "\"seed\":\"1\"},\"events\":[]}", "settings.seed: expected a whole number"},
            {"{\"scenario\":\"x\",\"settings\":[],\"events\":[]}", "settings: expected an object"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> json.readRecord(c[0], "record.json")).as(c[0])
                    .isInstanceOf(FormatException.class).hasMessage("record.json: " + c[1]);
        }
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

    @Test
    void messagesAndRationalesAreStoredAndReadBack() {
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        Outcome offer = CARDASSIAN.domain().outcome(Map.of("defence", "defensive-pact", "front", "no-ships",
                "occupied-sector", "not-discussed", "exchange", "none"));
        Rationale why = Rationale.of(Rationale.CONCESSION_ANSWERED).term("party", "union").figure("target", 0.625);
        Event event = new Event(4, 0.5, "federation", new Action.Offer(offer, why, "You moved; so do we."), 0.7);
        String text = json.write(event);
        assertThat(text).endsWith("\"utility\":0.7,\"message\":\"You moved; so do we.\",\"rationale\":{\"kind\":"
                + "\"concession-answered\",\"terms\":{\"party\":\"union\"},\"figures\":{\"target\":0.625}}}");
        assertThat(json.readEvent(text)).isEqualTo(event);
        Event walk = new Event(5, 0.6, "union", new Action.WalkAway(Rationale.of(Rationale.WALK_AWAY), null), Double.NaN);
        assertThat(json.write(walk)).endsWith("\"rationale\":{\"kind\":\"walk-away\"}}");
        assertThat(json.readEvent(json.write(walk))).isEqualTo(walk);
    }

    /* Records written before actions carried words have neither field, and read as silent actions. */
    @Test
    void eventsWithoutMessageOrRationaleReadAsSilentActions() {
        NegotiationJson json = NegotiationJson.of(CARDASSIAN.domain());
        Event read = json.readEvent("{\"round\":0,\"time\":0.5,\"party\":\"union\",\"action\":\"accept\","
                + "\"outcome\":{\"defence\":\"defensive-pact\",\"front\":\"no-ships\","
                + "\"occupied-sector\":\"not-discussed\",\"exchange\":\"none\"},\"utility\":0.4}");
        assertThat(read.action().message()).isNull();
        assertThat(read.action().rationale()).isNull();
        assertThat(read.action()).isEqualTo(new Action.Accept(read.offer()));
        assertThatThrownBy(() -> json.readEvent("{\"round\":0,\"time\":0.5,\"party\":\"union\","
                + "\"action\":\"walk-away\",\"rationale\":{\"terms\":{}}}"))
                .hasMessageContaining("rationale.kind: missing");
    }
}

package org.parley.io.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.parley.core.analysis.NegotiationDebrief;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;

/** Debriefs in a record's JSON: written with the result, read back equal, and absent from older records. */
class DebriefJsonTest {

    /**
     * Debriefs of real engine runs on random scenarios, under random quorum rules (deals signed by
     * some parties, failed runs with last offers, real issues off the analysed grid), read back equal
     * from the result's JSON, and the result and record read as without a debrief.
     */
    @Property(tries = 120)
    void debriefsOfRandomRunsRoundTrip(@ForAll long seed) {
        Random random = new Random(seed);
        Scenario plain = RandomRuns.scenario(random, true);
        int quorum = 1 + random.nextInt(plain.parties().size());
        Scenario scenario = new Scenario(plain.name(), plain.description(), plain.domain(), plain.parties(),
                new AgreementRule(quorum, random.nextBoolean() ? Set.of() : Set.of(plain.partyNames().get(0))), null);
        NegotiationRecord record = RandomRuns.run(scenario, RandomRuns.settings(random, scenario));
        NegotiationDebrief debrief = NegotiationDebrief.of(scenario, record.result(), record.events());
        Statistics.collect(record.result().agreement() ? "deal" : "no deal");
        NegotiationJson json = NegotiationJson.of(scenario.domain());

        String result = json.write(record.result(), debrief);
        assertThat(json.readDebrief(result)).contains(debrief);
        assertThat(json.readResult(result)).isEqualTo(record.result());
        assertThat(json.write(record.result(), json.readDebrief(result).orElseThrow())).isEqualTo(result);
        assertThat(json.readDebrief(json.write(record.result()))).isEmpty();

        ObjectNode tree = json.recordNode(record, debrief);
        assertThat(json.debrief(tree.at("/result/debrief"), "result.debrief")).isEqualTo(debrief);
        assertThat(json.readRecord(NegotiationJson.text(tree))).isEqualTo(record);
        assertThat(json.readRecordDebrief(NegotiationJson.text(tree))).contains(debrief);
    }

    @Test
    void olderRecordsHaveNoDebriefAndStillRead() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/json/golden-records.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                lines.add(mapper.readTree(line));
            }
        }
        assertThat(lines).isNotEmpty();
        int debriefed = 0;
        for (JsonNode line : lines) {
            Scenario scenario = ScenarioReader.read(line.get("scenario").textValue(), "golden scenario");
            NegotiationJson json = NegotiationJson.of(scenario.domain());
            String text = line.get("record").textValue();
            NegotiationRecord record = json.readRecord(text);
            assertThat(json.readRecordDebrief(text)).isEmpty();
            if (record.result() == null) {
                continue;
            }
            assertThat(json.readDebrief(json.write(record.result()))).isEmpty();
            // Debriefed now, the old record carries its debrief and reads back as it was.
            NegotiationDebrief debrief = NegotiationDebrief.of(scenario, record.result(), record.events());
            String withDebrief = NegotiationJson.text(json.recordNode(record, debrief));
            assertThat(json.readRecord(withDebrief)).isEqualTo(record);
            assertThat(json.readRecordDebrief(withDebrief)).contains(debrief);
            debriefed++;
        }
        assertThat(debriefed).isPositive();
    }

    @Test
    void aWrongFieldIsNamedByItsPath() {
        Scenario scenario = GoldenRecords.everyAction().scenario();
        NegotiationRecord record = GoldenRecords.everyAction().record();
        NegotiationJson json = NegotiationJson.of(scenario.domain());
        NegotiationDebrief debrief = NegotiationDebrief.of(scenario, record.result(), record.events());
        ObjectNode node = json.debriefNode(debrief);
        ((ObjectNode) node.get("lastOffers").get("parties").get(0)).put("own", "high");
        assertThatThrownBy(() -> json.debrief(node, "result.debrief"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("result.debrief.lastOffers.parties[0].own: expected a number or null, not \"high\"");
        ObjectNode other = json.debriefNode(debrief);
        other.remove("coalition");
        assertThatThrownBy(() -> json.debrief(other, "result.debrief")).hasMessageContaining("result.debrief.coalition: missing");
    }
}

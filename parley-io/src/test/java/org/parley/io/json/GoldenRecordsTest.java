package org.parley.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.io.ScenarioReader;

/**
 * The JSON form is stored in databases and sent to browsers, so it must not drift: records written
 * by the hand-built codec that Jackson's data binding replaced ({@code json/golden-records.jsonl},
 * one line per record: the scenario and the record, each as text; see {@link GoldenRecords}) read
 * back and are written again byte for byte.
 */
class GoldenRecordsTest {

    private record Line(Scenario scenario, String record) {}

    private static List<Line> lines() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Line> lines = new ArrayList<>();
        try (InputStream in = GoldenRecordsTest.class.getResourceAsStream("/json/golden-records.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode node = mapper.readTree(line);
                lines.add(new Line(ScenarioReader.read(node.get("scenario").textValue(), "golden scenario"),
                        node.get("record").textValue()));
            }
        }
        return lines;
    }

    @Test
    void storedRecordsReadAndAreWrittenAgainByteForByte() throws IOException {
        List<Line> lines = lines();
        assertThat(lines).hasSize(11);
        for (Line line : lines) {
            NegotiationJson json = NegotiationJson.of(line.scenario().domain());
            NegotiationRecord record = json.readRecord(line.record());
            assertThat(json.write(record)).isEqualTo(line.record());
            assertThat(json.readRecord(json.write(record))).isEqualTo(record);
            // The parts on their own, as the store keeps them.
            assertThat(NegotiationJson.write(record.settings())).isEqualTo(
                    NegotiationJson.text(NegotiationJson.parse(line.record(), "golden").get("settings")));
            for (Event event : record.events()) {
                assertThat(json.readEvent(json.write(event))).isEqualTo(event);
            }
        }
    }

    /* The hand-made record with every kind of action is built here again: written now, it gives the stored text. */
    @Test
    void theRecordWithEveryActionIsWrittenAsStored() throws IOException {
        GoldenRecords.Sample everyAction = GoldenRecords.everyAction();
        List<Line> lines = lines();
        NegotiationJson json = NegotiationJson.of(everyAction.scenario().domain());
        assertThat(json.write(everyAction.record())).isEqualTo(lines.get(lines.size() - 2).record());
        assertThat(json.readRecord(lines.get(lines.size() - 2).record())).isEqualTo(everyAction.record());
    }
}

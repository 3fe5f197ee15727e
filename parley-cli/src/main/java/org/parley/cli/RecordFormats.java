package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.io.Csv;
import org.parley.io.ScenarioWriter;
import org.parley.io.json.NegotiationJson;
import org.parley.store.Archive;
import org.parley.store.StoredNegotiation;

/** Stored negotiations as documents: the JSON export (record plus scenario) and the CSV event log. */
final class RecordFormats {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordFormats() {}

    /**
     * The record as {@code parley run --json} prints it, with its id, where it came from, and the
     * whole scenario in Parley's format (so the file stands alone: {@code scenarioFile} reads with
     * {@code parley check}).
     */
    static ObjectNode json(Archive.Entry entry) {
        Scenario scenario = entry.scenario();
        StoredNegotiation stored = entry.stored();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", stored.id());
        node.setAll(NegotiationJson.of(scenario.domain()).recordNode(entry.negotiation(), RunCommand.debrief(entry)));
        ObjectNode meta = node.putObject("stored");
        meta.put("source", stored.source());
        meta.put("status", stored.status().name().toLowerCase(java.util.Locale.ROOT));
        meta.put("createdAt", stored.createdAt().toString());
        meta.put("finishedAt", stored.finishedAt() == null ? null : stored.finishedAt().toString());
        meta.put("batch", stored.batch());
        JsonNode scenarioTree = MAPPER.valueToTree(ScenarioWriter.toTree(scenario));
        node.set("scenarioFile", scenarioTree);
        return node;
    }

    static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /**
     * The event log as CSV: one row per event, with the outcome's value on every issue and every
     * party's undiscounted utility of it (so a spreadsheet can plot the run), then a misbehaviour's
     * reason, what the party said and the kind of its rationale.
     */
    static String csv(Archive.Entry entry) {
        Scenario scenario = entry.scenario();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("seq", "round", "time", "party", "action"));
        header.addAll(scenario.domain().names());
        for (Party party : scenario.parties()) {
            header.add("utility:" + party.name());
        }
        header.add("reason");
        header.add("message");
        header.add("rationale");
        List<Event> events = entry.negotiation().events();
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            List<Object> row = new ArrayList<>();
            row.add(i);
            row.add(event.round());
            row.add(Csv.number(event.time()));
            row.add(event.party());
            row.add(event.action().key());
            Outcome outcome = event.offer();
            if (outcome == null) {
                for (int k = 0; k < scenario.domain().size(); k++) {
                    row.add("");
                }
                for (int k = 0; k < scenario.parties().size(); k++) {
                    row.add("");
                }
            } else {
                row.addAll(scenario.domain().format(outcome).values());
                for (Party party : scenario.parties()) {
                    row.add(Csv.number(party.preferences().utility(outcome)));
                }
            }
            row.add(event.action() instanceof Action.Misbehaviour m ? m.reason().key() + ": " + m.detail() : "");
            row.add(event.action().message() == null ? "" : event.action().message());
            row.add(event.action().rationale() == null ? "" : event.action().rationale().kind());
            rows.add(row);
        }
        return Csv.write(header, rows);
    }
}

package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parley.io.json.NegotiationJson;
import org.parley.store.HistoryQuery;
import org.parley.store.StoredNegotiation;
import org.parley.store.PartyAssignment;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists stored negotiations, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List stored negotiations, newest first (see parley show ID for one of them).")
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--scenario", paramLabel = "NAME", description = "Only negotiations of this scenario (its name).")
    String scenario;

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "Only negotiations where a party played this strategy (boulware matches boulware:ac=const too).")
    String strategy;

    @Option(names = "--since", paramLabel = "DATE",
            description = "From this day (2026-01-31) or moment (2026-01-31T14:00, or with a zone: ...Z), local time.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Up to the end of this day, or up to this moment.")
    String until;

    @Option(names = {"--tournament", "--world"}, paramLabel = "ID", description = "Only the negotiations of this"
            + " tournament, or of this world run (world:NAME:SEED, as parley world prints it).")
    String batch;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N records (default 50).")
    int limit;

    @Option(names = "--json", description = "Print the records as JSON.")
    boolean json;

    @Mixin
    StoreOption store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UserException("--limit (" + limit + "): expected a positive number of records.");
        }
        Instant from = since == null ? null : parseDate("--since", since, false);
        Instant to = until == null ? null : parseDate("--until", until, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new UserException("--since (" + since + ") must come before --until (" + until + ").");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (RecordStore records = store.open()) {
            List<StoredNegotiation> found = records.history(new HistoryQuery(blank(scenario), blank(strategy), from, to,
                    blank(batch), limit));
            if (json) {
                ArrayNode array = MAPPER.createArrayNode();
                found.forEach(record -> array.add(jsonOf(record)));
                out.println(NegotiationJson.pretty(array));
            } else if (found.isEmpty()) {
                out.println("No records" + (scenario == null && strategy == null && from == null && to == null
                        && batch == null ? "" : " match") + " in " + records.location() + ".");
            } else {
                table(found, out);
            }
        }
        out.flush();
        return 0;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A day (from its start; with {@code endOfDay}, up to the start of the next day) or a moment,
     * in the local time zone unless the text names one.
     */
    static Instant parseDate(String flag, String text, boolean endOfDay) {
        String t = text.strip();
        ZoneId zone = ZoneId.systemDefault();
        try {
            LocalDate day = LocalDate.parse(t);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a plain day
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // not a local moment
        }
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserException(flag + " (" + text + "): expected a day like 2026-01-31 or a moment like"
                    + " 2026-01-31T14:00 (local) or 2026-01-31T14:00:00Z.");
        }
    }

    /** What the table and the JSON show of a record's result, read from its stored JSON. */
    record Summary(String status, Integer rounds, List<Double> utilities) {

        static Summary of(StoredNegotiation record) {
            if (record.status() == RecordStatus.RUNNING) {
                return new Summary("running", null, null);
            }
            if (record.result() == null) {
                return new Summary(record.status().name().toLowerCase(Locale.ROOT), null, null);
            }
            JsonNode result = NegotiationJson.parse(record.result(), "record " + record.id());
            List<Double> utilities = new ArrayList<>();
            for (PartyAssignment party : record.parties()) {
                JsonNode payoff = result.path("payoffs").path(party.party());
                utilities.add(payoff.has("discounted") ? payoff.get("discounted").asDouble() : Double.NaN);
            }
            String status = result.path("agreement").asBoolean() ? "agreement"
                    : result.path("ending").asText("no agreement").replace('-', ' ');
            return new Summary(status, result.path("rounds").asInt(), utilities);
        }
    }

    private static ObjectNode jsonOf(StoredNegotiation record) {
        Summary summary = Summary.of(record);
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", record.id());
        node.put("createdAt", record.createdAt().toString());
        node.put("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
        node.put("source", record.source());
        node.put("batch", record.batch());
        node.put("scenario", record.scenarioName());
        node.put("status", record.status().name().toLowerCase(Locale.ROOT));
        if (record.agreement() == null) {
            node.putNull("agreement");
        } else {
            node.put("agreement", record.agreement());
        }
        if (summary.rounds() == null) {
            node.putNull("rounds");
        } else {
            node.put("rounds", summary.rounds());
        }
        ArrayNode parties = node.putArray("parties");
        for (int i = 0; i < record.parties().size(); i++) {
            PartyAssignment party = record.parties().get(i);
            ObjectNode p = parties.addObject().put("party", party.party()).put("strategy", party.strategy());
            if (summary.utilities() != null && !Double.isNaN(summary.utilities().get(i))) {
                p.put("discounted", summary.utilities().get(i));
            }
        }
        return node;
    }

    private static void table(List<StoredNegotiation> records, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "when", "source", "scenario", "result", "rounds", "parties: strategy (discounted utility)"});
        ZoneId zone = ZoneId.systemDefault();
        for (StoredNegotiation record : records) {
            Summary summary = Summary.of(record);
            List<String> parties = new ArrayList<>();
            for (int i = 0; i < record.parties().size(); i++) {
                PartyAssignment p = record.parties().get(i);
                String utility = summary.utilities() == null || Double.isNaN(summary.utilities().get(i)) ? ""
                        : String.format(Locale.ROOT, " %.2f", summary.utilities().get(i));
                parties.add(p.party() + "=" + p.strategy() + utility);
            }
            rows.add(new String[] {record.id().substring(0, Math.min(8, record.id().length())),
                WHEN.format(record.createdAt().atZone(zone)), record.source(), record.scenarioName(), summary.status(),
                summary.rounds() == null ? "" : summary.rounds().toString(), String.join(" · ", parties)});
        }
        Tables.print(rows, out, 5);
    }
}

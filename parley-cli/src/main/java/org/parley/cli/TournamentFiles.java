package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Result;
import org.parley.core.tournament.Match;
import org.parley.core.tournament.MatchResult;
import org.parley.core.tournament.Ranking;
import org.parley.core.tournament.TournamentPlan;
import org.parley.io.Csv;
import org.parley.io.json.NegotiationJson;

/**
 * A tournament's folder. {@code results.jsonl} is the journal: one line per finished negotiation,
 * appended and handed to the operating system as each finishes, in completion order, so that an
 * interrupted or killed run loses only the negotiations under way. {@code results.csv} (index
 * order), {@code ranking.csv} (one row per strategy), {@code summary.json} and the ranking charts
 * are written from it at the end (and results.csv also on Ctrl-C).
 *
 * <p>Public for tournaments run by hand: a program that runs a {@link
 * org.parley.core.tournament.TournamentRunner} itself writes the same files as {@code parley
 * tournament}:
 * <pre>{@code
 * TournamentFiles files = new TournamentFiles(Path.of("my-tournament"));
 * files.openJournal();
 * runner.run(Set.of(), threads, (result, record) -> files.append(result, plan, null));
 * files.closeJournal();
 * Map<Integer, MatchResult> results = files.readJournal(plan);
 * files.writeCsv(plan, results);
 * files.writeRanking(Ranking.of(plan.strategies(), new ArrayList<>(results.values())));
 * }</pre>
 * The folder must exist. Appending is safe from the runner's threads.
 */
@org.parley.api.Stable
public final class TournamentFiles {

    /** The tournament's set-up, written by {@code parley tournament} (what {@code --resume} reads). */
    public static final String CONFIG = "tournament.json";
    /** The journal: one JSON line per finished negotiation. */
    public static final String JOURNAL = "results.jsonl";
    /** One row per negotiation, in index order. */
    public static final String CSV = "results.csv";
    /** The ranking and per-scenario figures, written by {@code parley tournament}. */
    public static final String SUMMARY = "summary.json";
    /** One row per strategy, in rank order. */
    public static final String RANKING = "ranking.csv";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private FileChannel journal;
    private boolean closed;

    public TournamentFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path path(String name) {
        return dir.resolve(name);
    }

    // ---------------------------------------------------------------------------------------------
    // The journal

    /** Opens the journal for appending, creating it when missing. */
    public synchronized void openJournal() {
        try {
            journal = FileChannel.open(path(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + path(JOURNAL) + ": " + e.getMessage(), e);
        }
    }

    /** Appends one finished negotiation in a single write; does nothing once the journal is closed. */
    public synchronized boolean append(MatchResult result, TournamentPlan plan, String recordId) {
        if (closed) {
            return false;
        }
        byte[] line = (NegotiationJson.text(toJson(result, plan, recordId)) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                journal.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + path(JOURNAL) + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** Closes the journal; later appends are dropped (Ctrl-C: what is written stays consistent). */
    public synchronized void closeJournal() {
        closed = true;
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException ignored) {
                // nothing more to write
            }
        }
    }

    /**
     * The negotiations the journal holds, by index. A last line cut short by a kill is dropped and
     * the file truncated to the lines before it; a line that does not belong to {@code plan} is an
     * error.
     */
    public Map<Integer, MatchResult> readJournal(TournamentPlan plan) {
        Map<Integer, MatchResult> results = new TreeMap<>();
        Path file = path(JOURNAL);
        if (!Files.exists(file)) {
            return results;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Match> matches = plan.matches();
        int start = 0;
        int lineNumber = 0;
        long good = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            if (end == bytes.length) {
                break; // no line break: cut short by a kill
            }
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            MatchResult result = fromJson(line, plan, matches, file + ":" + lineNumber);
            results.put(result.index(), result);
            start = end + 1;
            good = start;
        }
        if (good < bytes.length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(good);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot repair " + file + ": " + e.getMessage(), e);
            }
        }
        return results;
    }

    static ObjectNode toJson(MatchResult r, TournamentPlan plan, String recordId) {
        Scenario scenario = plan.scenarios().get(r.match().scenario());
        ObjectNode node = MAPPER.createObjectNode();
        node.put("index", r.index());
        node.put("scenario", r.scenario());
        node.put("repetition", r.match().repetition());
        node.put("seed", r.match().seed());
        node.set("parties", MAPPER.valueToTree(r.parties()));
        node.set("strategies", MAPPER.valueToTree(r.strategies()));
        node.put("agreement", r.agreement());
        node.put("ending", r.ending().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        node.put("rounds", r.rounds());
        node.put("time", r.time());
        node.put("millis", r.millis());
        node.set("utilities", MAPPER.valueToTree(r.utilities()));
        node.set("discounted", MAPPER.valueToTree(r.discounted()));
        node.set("reservations", MAPPER.valueToTree(r.reservations()));
        node.put("socialWelfare", r.socialWelfare());
        RecordFormats.putNumber(node, "distancePareto", r.distancePareto());
        for (String key : SolutionConcepts.registered().keys()) {
            RecordFormats.putNumber(node, SolutionConcepts.prefixed("distance", key), r.distance(key));
        }
        node.set("finalOffer", r.finalOffer() == null ? node.nullNode()
                : NegotiationJson.of(scenario.domain()).outcomeNode(r.finalOffer()));
        node.put("record", recordId);
        if (r.misbehaved()) {
            node.set("misbehaviours", MAPPER.valueToTree(r.misbehaviours()));
        }
        return node;
    }

    private static MatchResult fromJson(String line, TournamentPlan plan, List<Match> matches, String where) {
        JsonNode node;
        try {
            node = NegotiationJson.parse(line, where);
            int index = node.get("index").asInt(-1);
            if (index < 0 || index >= matches.size()) {
                throw new UserException(where + ": negotiation #" + index + " is not part of this tournament ("
                        + matches.size() + " negotiations).");
            }
            Match match = matches.get(index);
            Scenario scenario = plan.scenarios().get(match.scenario());
            List<String> strategies = strings(node.get("strategies"));
            List<String> planned = match.assignment().stream().map(s -> plan.strategies().get(s).toString()).toList();
            if (!node.get("scenario").asText().equals(scenario.name()) || !strategies.equals(planned)
                    || node.get("seed").asLong() != match.seed()) {
                throw new UserException(where + ": negotiation #" + index + " (" + node.get("scenario").asText() + ", "
                        + strategies + ") is not the one this tournament plans there (" + scenario.name() + ", "
                        + planned + "); was the folder written by another tournament?");
            }
            Map<String, Double> distances = new LinkedHashMap<>();
            for (String key : SolutionConcepts.registered().keys()) {
                // A journal written before a concept was registered has no field for it: NaN.
                distances.put(key, number(node.get(SolutionConcepts.prefixed("distance", key))));
            }
            JsonNode offer = node.get("finalOffer");
            Outcome finalOffer = offer == null || offer.isNull() ? null
                    : NegotiationJson.of(scenario.domain()).outcome(offer, "finalOffer");
            // Journals written before reservations were kept: the scenario's, which the tournament copied in.
            List<Double> reservations = node.has("reservations") ? doubles(node.get("reservations"))
                    : scenario.parties().stream().map(p -> p.preferences().reservation()).toList();
            return new MatchResult(match, scenario.name(), strings(node.get("parties")), strategies,
                    node.get("agreement").asBoolean(),
                    Result.Ending.valueOf(node.get("ending").asText().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    node.get("rounds").asInt(), node.get("time").asDouble(), node.get("millis").asLong(),
                    doubles(node.get("utilities")), doubles(node.get("discounted")), reservations,
                    node.get("socialWelfare").asDouble(),
                    number(node.get("distancePareto")), distances, finalOffer,
                    node.hasNonNull("misbehaviours") ? strings(node.get("misbehaviours")) : null);
        } catch (NullPointerException | IllegalArgumentException e) {
            if (e instanceof UserException user) {
                throw user;
            }
            throw new UserException(where + ": not a result line of a Parley tournament (" + e.getMessage() + ").");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asDouble()));
        return list;
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    // ---------------------------------------------------------------------------------------------
    // The CSV

    /**
     * One row per negotiation in index order; roles as party_i, strategy_i, utility_i, discounted_i,
     * advantage_i (undiscounted payoff minus reservation value).
     */
    static String csv(TournamentPlan plan, Map<Integer, MatchResult> results) {
        int roles = plan.scenarios().stream().mapToInt(s -> s.parties().size()).max().orElse(0);
        List<Object> header = new ArrayList<>(List.of("index", "scenario", "repetition", "seed"));
        for (int i = 1; i <= roles; i++) {
            header.add("party_" + i);
            header.add("strategy_" + i);
        }
        header.addAll(List.of("agreement", "ending", "rounds", "time", "millis"));
        for (int i = 1; i <= roles; i++) {
            header.add("utility_" + i);
        }
        for (int i = 1; i <= roles; i++) {
            header.add("discounted_" + i);
        }
        for (int i = 1; i <= roles; i++) {
            header.add("advantage_" + i);
        }
        header.addAll(List.of("social_welfare", "distance_pareto"));
        for (String key : SolutionConcepts.registered().keys()) {
            header.add("distance_" + SolutionConcepts.words(key, '_'));
        }
        header.add("final_offer");
        header.add("misbehaviour");
        List<List<Object>> rows = new ArrayList<>();
        for (MatchResult r : results.values()) {
            Scenario scenario = plan.scenarios().get(r.match().scenario());
            List<Object> row = new ArrayList<>(List.of(r.index(), r.scenario(), r.match().repetition(), r.match().seed()));
            for (int i = 0; i < roles; i++) {
                row.add(i < r.parties().size() ? r.parties().get(i) : "");
                row.add(i < r.parties().size() ? r.strategies().get(i) : "");
            }
            row.addAll(List.of(r.agreement(), r.ending().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    r.rounds(), Csv.number(r.time()), r.millis()));
            for (int i = 0; i < roles; i++) {
                row.add(i < r.parties().size() ? Csv.number(r.utilities().get(i)) : "");
            }
            for (int i = 0; i < roles; i++) {
                row.add(i < r.parties().size() ? Csv.number(r.discounted().get(i)) : "");
            }
            for (int i = 0; i < roles; i++) {
                row.add(i < r.parties().size() ? Csv.number(r.advantage(i)) : "");
            }
            row.addAll(List.of(Csv.number(r.socialWelfare()), Csv.number(r.distancePareto())));
            for (String key : SolutionConcepts.registered().keys()) {
                row.add(Csv.number(r.distance(key)));
            }
            row.add(r.finalOffer() == null ? "" : offer(scenario, r.finalOffer()));
            row.add(misbehaviour(r));
            rows.add(row);
        }
        return Csv.write(header, rows);
    }

    /** "party: reason: detail", joined by " | " when several misbehaved; "" when none did. */
    static String misbehaviour(MatchResult r) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < r.parties().size(); i++) {
            if (!r.misbehaviours().get(i).isEmpty()) {
                parts.add(r.parties().get(i) + ": " + r.misbehaviours().get(i));
            }
        }
        return String.join(" | ", parts);
    }

    static String offer(Scenario scenario, Outcome outcome) {
        List<String> parts = new ArrayList<>();
        scenario.domain().format(outcome).forEach((issue, value) -> parts.add(issue + "=" + value));
        return String.join("; ", parts);
    }

    /** Writes {@link #CSV} from {@code results} (by index). */
    public void writeCsv(TournamentPlan plan, Map<Integer, MatchResult> results) {
        write(CSV, csv(plan, results));
    }

    /**
     * One row per strategy in rank order: each figure's mean and, as {@code NAME_ci95}, the
     * half-width of its 95% interval (empty below two samples), so that the interval is mean ± ci95.
     */
    static String rankingCsv(Ranking ranking) {
        List<Object> header = new ArrayList<>(List.of("rank", "strategy", "negotiations", "samples"));
        List<String> names = new ArrayList<>(List.of("utility", "undiscounted", "advantage", "agreement_rate",
                "social_welfare", "rounds", "distance_pareto"));
        for (String key : SolutionConcepts.registered().keys()) {
            names.add("distance_" + SolutionConcepts.words(key, '_'));
        }
        for (String name : names) {
            header.add(name);
            header.add(name + "_ci95");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Ranking.Row r : ranking.rows()) {
            List<Object> row = new ArrayList<>(List.of(r.rank(), r.strategy(), r.negotiations(), r.samples()));
            List<Ranking.Estimate> estimates = new ArrayList<>(List.of(r.utility(), r.undiscounted(), r.advantage(),
                    r.agreementRate(), r.socialWelfare(), r.rounds(), r.distancePareto()));
            for (String key : SolutionConcepts.registered().keys()) {
                estimates.add(r.distance(key));
            }
            for (Ranking.Estimate e : estimates) {
                row.add(Csv.number(e.mean()));
                row.add(Csv.number(e.halfWidth()));
            }
            rows.add(row);
        }
        return Csv.write(header, rows);
    }

    /** Writes {@link #RANKING}. */
    public void writeRanking(Ranking ranking) {
        write(RANKING, rankingCsv(ranking));
    }

    /** Writes a file of the folder whole (a reader never sees half of it). */
    public synchronized void write(String name, String text) {
        Path file = path(name);
        try {
            Path temp = Files.createTempFile(dir, name, ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            // Replaced whole, so a reader (or a kill) never sees half a file.
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    JsonNode readJson(String name) {
        Path file = path(name);
        try {
            return NegotiationJson.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}

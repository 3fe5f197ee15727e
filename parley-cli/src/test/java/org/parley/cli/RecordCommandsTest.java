package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.Scenario;
import org.parley.io.ScenarioReader;
import org.parley.io.json.NegotiationJson;

/** parley run stores, history lists, show replays, export writes JSON and CSV: on a database of the test's own. */
class RecordCommandsTest {

    private static final String TALKS = "../scenarios/cardassian-talks.yaml";
    private static final String TAVRIK = "../scenarios/tavrik-accord.yaml";

    @TempDir
    static Path dir;

    static String db;
    static String talksId;
    static String tavrikId;
    static String talksTrace;

    @BeforeAll
    static void runTwo() throws Exception {
        db = dir.resolve("records.db").toString();
        CliRunner talks = CliRunner.run("run", TALKS, "--db", db, "--seed", "5", "--strategy", "union=micro");
        assertThat(talks.exitCode()).as(talks.err()).isZero();
        talksTrace = talks.out();
        Thread.sleep(5); // distinct creation times, so that newest-first is well defined
        CliRunner tavrik = CliRunner.run("run", TAVRIK, "--db", db, "--json", "--protocol", "amop");
        assertThat(tavrik.exitCode()).as(tavrik.err()).isZero();
        tavrikId = new ObjectMapper().readTree(tavrik.out()).get("id").asText();
        talksId = talks.out().lines().filter(l -> l.startsWith("recorded as ")).findFirst().orElseThrow().split(" ")[2];
    }

    @Test
    void runSaysWhereItStoredTheRecordAndNoRecordStoresNothing() {
        assertThat(talksTrace).containsPattern("recorded as [0-9a-f-]{36} in jdbc:sqlite:.*records\\.db \\(parley show [0-9a-f]{8}\\)");
        Path other = dir.resolve("unused.db");
        CliRunner run = CliRunner.run("run", TALKS, "--db", other.toString(), "--no-record");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("recorded as");
        assertThat(Files.exists(other)).isFalse();
    }

    @Test
    void historyListsNewestFirstAndFilters() throws Exception {
        CliRunner all = CliRunner.run("history", "--db", db);
        assertThat(all.exitCode()).as(all.err()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines.get(0)).startsWith("id        when").contains("parties: strategy (discounted utility)");
        assertThat(lines.get(1)).startsWith(tavrikId.substring(0, 8)).contains("tavrik-accord");
        assertThat(lines.get(2)).startsWith(talksId.substring(0, 8)).contains("cardassian-talks")
                .contains("union=micro").containsPattern("federation=\\S+ \\d\\.\\d\\d");
        assertThat(lines).noneMatch(line -> line.endsWith(" "));

        assertThat(CliRunner.run("history", "--db", db, "--scenario", "cardassian-talks").out()).contains(talksId.substring(0, 8))
                .doesNotContain(tavrikId.substring(0, 8));
        assertThat(CliRunner.run("history", "--db", db, "--strategy", "micro").out()).contains(talksId.substring(0, 8))
                .doesNotContain(tavrikId.substring(0, 8));
        assertThat(CliRunner.run("history", "--db", db, "--limit", "1").out().lines()).hasSize(2);
        assertThat(CliRunner.run("history", "--db", db, "--since", "2999-01-01").out()).startsWith("No records match");
        assertThat(CliRunner.run("history", "--db", db, "--until", "2000-01-01T00:00:00Z").out()).startsWith("No records match");
        assertThat(CliRunner.run("history", "--db", db, "--since", "2000-01-01", "--until",
                java.time.LocalDate.now().toString()).out()).contains(talksId.substring(0, 8));

        JsonNode json = new ObjectMapper().readTree(CliRunner.run("history", "--db", db, "--json").out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("id").asText()).isEqualTo(tavrikId);
        assertThat(json.get(1).get("scenario").asText()).isEqualTo("cardassian-talks");
        assertThat(json.get(1).get("parties").get(1).get("strategy").asText()).isEqualTo("micro");
        assertThat(json.get(1).get("rounds").asInt()).isPositive();
    }

    @Test
    void showReplaysTheSameTraceAsTheRun() {
        CliRunner show = CliRunner.run("show", talksId.substring(0, 6), "--db", db);
        assertThat(show.exitCode()).as(show.err()).isZero();
        List<String> shown = show.out().lines().toList();
        assertThat(shown.get(0)).startsWith("record " + talksId + " — run, stored ");
        // The trace is the run's, line for line (the run adds where it stored the record).
        List<String> ran = talksTrace.lines().filter(l -> !l.startsWith("recorded as ")).toList();
        assertThat(shown.subList(1, shown.size())).isEqualTo(ran);

        CliRunner json = CliRunner.run("show", tavrikId, "--db", db, "--json");
        CliRunner again = CliRunner.run("run", TAVRIK, "--json", "--protocol", "amop", "--no-record");
        assertThat(json.out().replace("\"id\" : \"" + tavrikId + "\",\n  ", "")).isEqualTo(again.out());
    }

    @Test
    void exportWritesTheRecordAsJsonWithItsScenarioAndAsCsv() throws Exception {
        Path file = dir.resolve("out/talks.json");
        CliRunner json = CliRunner.run("export", talksId, "--format", "json", "--out", file.toString(), "--db", db);
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().strip()).isEqualTo("wrote " + file);
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        assertThat(root.get("id").asText()).isEqualTo(talksId);
        assertThat(root.at("/stored/source").asText()).isEqualTo("run");
        assertThat(root.at("/result/debrief/pareto").isNumber()).isTrue();
        // The scenario inside reads back as the scenario, and the record with it.
        Path scenarioFile = dir.resolve("out/scenario.json");
        Files.writeString(scenarioFile, root.get("scenarioFile").toString());
        Scenario scenario = ScenarioReader.read(scenarioFile);
        assertThat(scenario).isEqualTo(ScenarioReader.read(Path.of(TALKS)));
        var record = NegotiationJson.of(scenario.domain()).readRecord(Files.readString(file));
        assertThat(record.settings().strategy("union").name()).isEqualTo("micro");

        CliRunner csv = CliRunner.run("export", talksId.substring(0, 8), "--format", "csv", "--db", db);
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> rows = csv.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("seq,round,time,party,action,defence,front,occupied-sector,exchange,"
                + "utility:federation,utility:union,reason,message,rationale");
        assertThat(rows.get(1)).startsWith("0,0,0,federation,offer,full-alliance,battle-group,withdrawal-timetable,none,1,");
        assertThat(rows).hasSize(record.events().size() + 1);
        assertThat(rows.get(rows.size() - 1)).contains(",accept,").doesNotContain("0000000");
    }

    @Test
    void exportTellsRecordsFromScenariosByTheFormat() {
        CliRunner scenarioAsCsv = CliRunner.run("export", TALKS, "--format", "csv", "--db", db);
        assertThat(scenarioAsCsv.exitCode()).isEqualTo(2);
        assertThat(scenarioAsCsv.err().strip()).isEqualTo("error: " + TALKS + " is a file, and --format csv exports a"
                + " negotiation record by its id (parley history lists them); a scenario exports with --format parley, genius"
                + " or geniusweb.");
        CliRunner idAsScenario = CliRunner.run("export", talksId, "--format", "genius", "--out", dir.resolve("g").toString());
        assertThat(idAsScenario.exitCode()).isEqualTo(2);
        assertThat(idAsScenario.err()).contains(talksId);
        CliRunner noOut = CliRunner.run("export", TALKS, "--format", "genius");
        assertThat(noOut.err().strip()).isEqualTo("error: --out: a scenario exports to GENIUS files in a folder; give --out DIR.");
        CliRunner genius = CliRunner.run("export", TALKS, "--format", "genius", "--out", dir.resolve("g").toString());
        assertThat(genius.exitCode()).as(genius.err()).isZero();
        assertThat(genius.out()).contains("wrote ");
    }

    @Test
    void unknownAmbiguousAndBadInputsAreOneLineErrors() {
        CliRunner unknown = CliRunner.run("show", "zzzz", "--db", db);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("error: No record (zzzz) in jdbc:sqlite:").endsWith("another database).");
        CliRunner ambiguous = CliRunner.run("show", "", "--db", db);
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        CliRunner date = CliRunner.run("history", "--db", db, "--since", "yesterday");
        assertThat(date.err().strip()).isEqualTo("error: --since (yesterday): expected a day like 2026-01-31 or a moment like"
                + " 2026-01-31T14:00 (local) or 2026-01-31T14:00:00Z.");
        assertThat(CliRunner.run("history", "--db", db, "--limit", "0").err()).contains("--limit (0)");
        CliRunner badDb = CliRunner.run("history", "--db", "jdbc:mysql://x/y");
        assertThat(badDb.exitCode()).isEqualTo(2);
        assertThat(badDb.err().strip()).startsWith("error: --db: Unsupported database URL");
        for (CliRunner r : List.of(unknown, ambiguous, date, badDb)) {
            assertThat(r.err().strip().lines()).hasSize(1);
        }
    }
}

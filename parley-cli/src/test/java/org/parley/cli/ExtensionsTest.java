package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Action;
import org.parley.core.negotiation.Event;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.io.ScenarioReader;
import org.parley.io.json.NegotiationJson;

/**
 * A protocol and a scenario format that are not in Parley's main tree, registered only in this
 * module's test-scope META-INF/services (org.parley.cli.extensions), work through the commands
 * without a main file naming them: what adding one costs is one class and one line.
 */
class ExtensionsTest {

    private static final String TALKS = Path.of("..", "scenarios", "cardassian-talks.yaml").toString();

    static final String TABLE = """
            issue\toption\tbuyer\tseller
            # a comment line
            price\tlow\t60\t0
            price\thigh\t0\t60
            delivery\tslow\t0\t40
            delivery\tfast\t40\t0
            reservation\t\t30\t30
            """;

    @TempDir
    Path dir;

    @Test
    void aProtocolRegisteredInATestRunsUnderItsKeyAndAlias() throws IOException {
        CliRunner trace = CliRunner.run("run", TALKS, "--protocol", "rotating-ultimatum", "--no-record", "--rounds", "20");
        assertThat(trace.exitCode()).as(trace.err()).isZero();
        assertThat(trace.out()).contains("cardassian-talks — rotating ultimatum, 2 parties").contains("result: ");

        CliRunner json = CliRunner.run("run", TALKS, "--protocol", "closed-rule", "--no-record", "--rounds", "20", "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        Scenario talks = ScenarioReader.read(Path.of(TALKS));
        NegotiationRecord record = NegotiationJson.of(talks.domain()).readRecord(json.out());
        assertThat(record.settings().protocol()).isEqualTo("rotating-ultimatum");
        // The rules it implements: the proposer alternates by round, and the other party votes on each offer.
        List<Event> events = record.events();
        assertThat(events.size()).isGreaterThanOrEqualTo(2);
        for (Event event : events) {
            String proposer = event.round() % 2 == 0 ? "federation" : "union";
            if (event.action() instanceof Action.Offer) {
                assertThat(event.party()).as("round %d", event.round()).isEqualTo(proposer);
            } else {
                assertThat(event.action()).isInstanceOf(Action.Vote.class);
                assertThat(event.party()).as("round %d", event.round()).isNotEqualTo(proposer);
            }
        }
        if (record.result().agreement()) {
            Event last = events.get(events.size() - 1);
            assertThat(last.action()).isInstanceOf(Action.Accept.class);
            assertThat(record.result().outcome()).isEqualTo(last.action().outcome());
        }
    }

    @Test
    void aFormatRegisteredInATestImportsByNameAndByItsFiles() throws IOException {
        Path table = Files.writeString(dir.resolve("market.tsv"), TABLE);
        for (String[] args : List.of(new String[] {"import", "--format", "points-table", table.toString()},
                new String[] {"import", "--format", "tsv", table.toString()}, new String[] {"import", table.toString()})) {
            CliRunner imported = CliRunner.run(args);
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            Scenario scenario = ScenarioReader.read(imported.out(), "out.yaml");
            assertThat(scenario.name()).isEqualTo("market");
            assertThat(scenario.partyNames()).containsExactly("buyer", "seller");
            assertThat(scenario.domain().names()).containsExactly("price", "delivery");
            var buyer = scenario.party("buyer").preferences();
            assertThat(buyer.utility(new org.parley.core.model.Outcome(0, 1))).isEqualTo(1.0);
            assertThat(buyer.reservation()).isEqualTo(0.3);
        }
        Path out = dir.resolve("market.yaml");
        CliRunner said = CliRunner.run("import", table.toString(), "--out", out.toString());
        assertThat(said.out().strip()).isEqualTo("wrote " + out + ": scenario market from points table, 2 issues,"
                + " 2 parties (buyer, seller)");
        // check, analyze and run take its files directly.
        assertThat(CliRunner.run("check", table.toString()).out()).contains("scenario market, 2 issues, 2 parties");
        assertThat(CliRunner.run("run", table.toString(), "--no-record").out()).contains("result: ");
    }

    @Test
    void aReadOnlyFormatIsRefusedByExportAndAMistakeInItsFileNamesTheLine() throws IOException {
        CliRunner export = CliRunner.run("export", TALKS, "--format", "points-table", "--out", dir.toString());
        assertThat(export.exitCode()).isEqualTo(2);
        assertThat(export.err().strip()).isEqualTo("error: --format: the points table format is read only; a scenario"
                + " exports as parley, genius or geniusweb.");
        Path bad = Files.writeString(dir.resolve("bad.tsv"), TABLE.replace("price\thigh\t0\t60", "price\thigh\t0"));
        CliRunner imported = CliRunner.run("import", bad.toString());
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err().strip()).isEqualTo("error: " + bad + ":4:1: expected 4 tab-separated cells like the"
                + " header, found 3");
        CliRunner unknown = CliRunner.run("import", "--format", "negmas", bad.toString());
        assertThat(unknown.err().strip()).startsWith("error: --format: Unknown scenario format (negmas); the scenario"
                + " formats are ").contains("parley", "genius", "geniusweb", "points-table");
    }

    @Test
    void helpListsThemWithTheBuiltIns() {
        String help = CliRunner.run("--help").out();
        assertThat(help).contains("rotating-ultimatum (closed-rule)", "rotating ultimatum: each round one party")
                .contains("points-table (tsv)", "a tab-separated table", "(read only)");
        assertThat(CliRunner.run("run", "--help").out()).contains("rotating-ultimatum");
        assertThat(CliRunner.run("help", "import").out()).contains("points-table");
    }
}

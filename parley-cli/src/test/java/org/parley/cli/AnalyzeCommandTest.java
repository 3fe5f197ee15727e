package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.Domain;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.io.ScenarioWriter;

class AnalyzeCommandTest {

    private static final String TAVRIK = Path.of("..", "scenarios", "tavrik-accord.yaml").toString();

    /**
     * Foreign files are analysed directly: a GENIUS folder and a GeniusWeb folder. The figures are
     * those of ImportedAnalysisTest (parley-io), which checks them against GENIUS's definitions by
     * enumeration.
     */
    @Test
    void analysesGeniusAndGeniusWebFilesDirectly() throws Exception {
        CliRunner travel = CliRunner.run("analyze", ImportExportCommandTest.SAMPLES + "genius/y2010/Travel", "--json",
                "--list", "0");
        assertThat(travel.exitCode()).as(travel.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(travel.out());
        assertThat(root.get("outcomes").asLong()).isEqualTo(188_160);
        assertThat(root.get("pareto").get("vectors").asLong()).isEqualTo(12);
        assertThat(root.get("nash").get("utilities").get("chox").asDouble()).isCloseTo(0.8824, within(5e-5));
        assertThat(root.get("nash").get("utilities").get("fanny").asDouble()).isCloseTo(0.802, within(5e-5));
        CliRunner flights = CliRunner.run("analyze", ImportExportCommandTest.SAMPLES + "geniusweb/FlightBooking", "--json");
        assertThat(flights.exitCode()).as(flights.err()).isZero();
        JsonNode booking = new ObjectMapper().readTree(flights.out());
        assertThat(booking.get("outcomes").asLong()).isEqualTo(36);
        assertThat(booking.get("acceptable").asLong()).isEqualTo(4);
        assertThat(booking.get("nash").get("outcome").get("price").asText()).isEqualTo("200000yen");
        assertThat(booking.get("nash").get("outcome").get("departure airport").asText()).isEqualTo("Narita");
    }

    /** Quiet for three seconds, then a line per ten seconds off a terminal, and the last merge always. */
    @Test
    void aLongAnalysisReportsItsMergesOnStandardError() {
        java.io.StringWriter text = new java.io.StringWriter();
        long[] now = {0};
        AnalyzeCommand.Progress progress = new AnalyzeCommand.Progress(new java.io.PrintWriter(text), false, () -> now[0]);
        long second = 1_000_000_000L;
        for (int done = 1; done <= 100; done++) {
            now[0] = done * second / 4; // a merge every quarter second: 25 s in all
            progress.merged(done, 100, done * 10L, done * 100L);
        }
        progress.finish();
        assertThat(text.toString().lines().toList()).containsExactly(
                "analyze: frontier merges 12/100, last 120 vectors, 1,200 held (0:03)",
                "analyze: frontier merges 52/100, last 520 vectors, 5,200 held (0:13)",
                "analyze: frontier merges 92/100, last 920 vectors, 9,200 held (0:23)",
                "analyze: frontier merges 100/100, last 1,000 vectors, 10,000 held (0:25)");
        java.io.StringWriter quick = new java.io.StringWriter();
        AnalyzeCommand.Progress fast = new AnalyzeCommand.Progress(new java.io.PrintWriter(quick), false, () -> 0L);
        fast.merged(1, 1, 5, 5);
        assertThat(quick.toString()).isEmpty();
    }

    @Test
    void printsATable() {
        // tavrik-accord's rule is 2 of 3: today's all-party table is the unanimous view (AnalyzeRuleTest).
        CliRunner cli = CliRunner.run("analyze", TAVRIK, "--rule", "unanimous");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).contains("outcomes     1458", "acceptable   228", "pareto       122 outcomes, 95 distinct");
        assertThat(cli.out()).containsPattern("nash +0\\.63 +0\\.42 +0\\.7 +2 ");
        assertThat(cli.out()).containsPattern("kaldari +0\\.2 +0\\.72 +0\\.2\\n");
        assertThat(cli.out()).contains("first 20 of 95 vectors");
    }

    @Test
    void printsJsonWithTheDocumentedFields() throws Exception {
        CliRunner cli = CliRunner.run("analyze", TAVRIK, "--json", "--list", "5");
        assertThat(cli.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("outcomes").asLong()).isEqualTo(1458);
        assertThat(root.get("acceptable").asLong()).isEqualTo(228);
        assertThat(root.get("pareto").get("count").asLong()).isEqualTo(122);
        assertThat(root.get("pareto").get("outcomes")).hasSize(5);
        assertThat(root.get("pareto").get("complete").asBoolean()).isFalse();
        assertThat(root.get("discretisation").isNull()).isTrue();
        for (String key : List.of("nash", "kalaiSmorodinsky", "utilitarian", "egalitarian")) {
            JsonNode point = root.get(key);
            assertThat(point.get("outcome").size()).as(key).isEqualTo(7);
            assertThat(point.get("utilities").size()).as(key).isEqualTo(3);
            assertThat(point.get("tied").size()).as(key).isEqualTo(point.get("ties").asInt());
        }
        JsonNode nash = root.get("nash");
        assertThat(nash.get("outcome").get("authority").asText()).isEqualTo("federation");
        assertThat(nash.get("utilities").get("federation").asDouble()).isEqualTo(0.63);
        assertThat(nash.get("ties").asInt()).isEqualTo(2);
        assertThat(root.get("utilitarian").get("utilities").get("vethari").asDouble()).isEqualTo(0.95);
        assertThat(root.get("parties").get("kaldari").get("best").asDouble()).isEqualTo(0.72);
        assertThat(root.get("parties").get("kaldari").get("worst").asDouble()).isEqualTo(0.2);
    }

    @Test
    void analysesTheNamedPartiesOnly() throws Exception {
        CliRunner cli = CliRunner.run("analyze", TAVRIK, "--json", "--parties", "federation,kaldari");
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("parties").size()).isEqualTo(2);
        assertThat(root.get("nash").get("utilities").has("vethari")).isFalse();
        assertThat(root.get("acceptable").asLong()).isGreaterThan(228);
    }

    @Test
    void statesTheDiscretisationOfRealIssues(@TempDir Path dir) throws Exception {
        Domain domain = new Domain(List.of(new RealIssue("price", 0, 100)));
        var up = new LinearAdditiveUtility(domain, new double[] {1}, List.of(PiecewiseLinearValueFunction.linear(0, 0, 100, 1)));
        var down = new LinearAdditiveUtility(domain, new double[] {1}, List.of(PiecewiseLinearValueFunction.linear(0, 1, 100, 0)));
        Scenario scenario = new Scenario("price", domain, List.of(
                new Party("seller", new Preferences(up, List.of(), 0.25, Discount.NONE)),
                new Party("buyer", new Preferences(down, List.of(), 0.25, Discount.NONE))));
        Path file = dir.resolve("price.yaml");
        ScenarioWriter.write(scenario, file);
        JsonNode root = new ObjectMapper().readTree(CliRunner.run("analyze", file.toString(), "--json", "--steps", "5").out());
        assertThat(root.get("discretisation").get("steps").asInt()).isEqualTo(5);
        assertThat(root.get("discretisation").get("issues").get("price").toString()).isEqualTo("[0.0,25.0,50.0,75.0,100.0]");
        assertThat(root.get("outcomes").asInt()).isEqualTo(5);
        assertThat(root.get("acceptable").asInt()).isEqualTo(3);
        assertThat(root.get("nash").get("outcome").get("price").asText()).isEqualTo("50");
        assertThat(CliRunner.run("analyze", file.toString(), "--steps", "5").out()).contains("discretised into 5");
    }

    @Test
    void saysWhenNothingIsAcceptable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("none.yaml");
        Files.writeString(file, """
                name: none
                issues:
                  deal: [a, b]
                parties:
                  one:
                    points: {deal: [100, 0]}
                    reservation: 60
                  two:
                    points: {deal: [0, 100]}
                    reservation: 60
                """);
        CliRunner cli = CliRunner.run("analyze", file.toString());
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("acceptable   0", "No outcome is acceptable");
        JsonNode root = new ObjectMapper().readTree(CliRunner.run("analyze", file.toString(), "--json").out());
        assertThat(root.get("nash").isNull()).isTrue();
        assertThat(root.get("pareto").get("count").asInt()).isZero();
    }

    @Test
    void userMistakesGiveOneLineErrors(@TempDir Path dir) {
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--parties", "federation,klingons"),
                "--parties: Unknown party (klingons)");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--parties", "federation,,kaldari"), "--parties: expected");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--parties", "kaldari,kaldari"),
                "--parties: a party is named twice");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--steps", "1"), "--steps: expected");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--list", "-1"), "--list: expected");
        assertOneLineError(CliRunner.run("analyze", dir.resolve("missing.yaml").toString()), "missing.yaml");
        CliRunner bad = CliRunner.run("analyze", TAVRIK, "--steps", "many");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--steps");
    }

    private static void assertOneLineError(CliRunner cli, String expected) {
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ").contains(expected);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.out()).isEmpty();
    }
}

package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley analyze} under the scenario's agreement rule (tavrik-accord: 2 of 3, federation and kaldari required). */
class AnalyzeRuleTest {

    private static final String TAVRIK = Path.of("..", "scenarios", "tavrik-accord.yaml").toString();

    @Test
    void appliesTheScenarioRuleByDefault() {
        CliRunner cli = CliRunner.run("analyze", TAVRIK);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).contains(
                "agreement rule: 2 of 3, federation and kaldari required",
                "outcomes     1458",
                "passing      375",
                "unanimous    228 acceptable to all 3 parties",
                "rule pareto  107 vectors, 133 (outcome, signers) pairs",
                "coalition federation + kaldari (outside at reservation: vethari 0.45)",
                "acceptable   375",
                "first 20 of 107 vectors");
        // Federation and kaldari alone break the monopoly: their Nash point opens the market.
        assertThat(cli.out()).containsPattern("nash +0\\.76 +0\\.7 +0\\.45 +1  federation · federation · kaldari-control"
                + " · open-market");
        assertThat(cli.out()).doesNotContain("coalition federation + vethari");
    }

    @Test
    void jsonKeepsTheUnanimousViewAndAddsTheRule() throws Exception {
        CliRunner cli = CliRunner.run("analyze", TAVRIK, "--json", "--list", "3");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertThat(root.get("acceptable").asLong()).isEqualTo(228);
        assertThat(root.get("nash").get("outcome").get("export-control").asText()).isEqualTo("vethari-exclusive");
        assertThat(root.get("rule").get("text").asText()).isEqualTo("2 of 3, federation and kaldari required");
        assertThat(root.get("rule").get("quorum").asInt()).isEqualTo(2);
        assertThat(root.get("passing").asLong()).isEqualTo(375);
        assertThat(root.get("coalitions")).hasSize(1);
        JsonNode fk = root.get("coalitions").get(0);
        assertThat(fk.get("members").toString()).isEqualTo("[\"federation\",\"kaldari\"]");
        assertThat(fk.get("outside").toString()).isEqualTo("[\"vethari\"]");
        assertThat(fk.get("acceptable").asLong()).isEqualTo(375);
        assertThat(fk.get("pareto").get("vectors").asInt()).isEqualTo(17);
        assertThat(fk.get("pareto").get("points")).hasSize(3);
        JsonNode nash = fk.get("nash");
        assertThat(nash.get("outcome").get("export-control").asText()).isEqualTo("open-market");
        assertThat(nash.get("utilities").get("federation").asDouble()).isEqualTo(0.76);
        assertThat(nash.get("utilities").get("kaldari").asDouble()).isEqualTo(0.7);
        assertThat(nash.get("utilities").get("vethari").asDouble()).isEqualTo(0.45);
        assertThat(nash.get("ties").asInt()).isEqualTo(1);
        for (String key : new String[] {"kalaiSmorodinsky", "utilitarian", "egalitarian"}) {
            assertThat(fk.get(key).get("tied")).as(key).hasSize(fk.get(key).get("ties").asInt());
        }
        JsonNode frontier = root.get("ruleFrontier");
        assertThat(frontier.get("vectors").asInt()).isEqualTo(107);
        assertThat(frontier.get("pairs").asLong()).isEqualTo(133);
        assertThat(frontier.get("points")).hasSize(3);
        assertThat(frontier.get("points").get(0).get("reach").get(0).get("signers").toString())
                .isEqualTo("[\"federation\",\"kaldari\"]");
        assertThat(root.get("whyNoDeal").isNull()).isTrue();
    }

    @Test
    void otherRulesAndTheUnanimousView() throws Exception {
        CliRunner majority = CliRunner.run("analyze", TAVRIK, "--rule", "2of3");
        assertThat(majority.exitCode()).as(majority.err()).isZero();
        assertThat(majority.out()).contains("agreement rule: 2 of 3 (", "passing      970",
                "coalition federation + vethari", "coalition kaldari + vethari");
        CliRunner unanimous = CliRunner.run("analyze", TAVRIK, "--rule", "unanimous", "--json");
        JsonNode root = new ObjectMapper().readTree(unanimous.out());
        assertThat(root.has("passing")).isFalse();
        assertThat(root.get("acceptable").asLong()).isEqualTo(228);
        // A rule that is unanimity is today's view.
        assertThat(CliRunner.run("analyze", TAVRIK, "--rule", "3of3").out()).contains("acceptable   228")
                .doesNotContain("passing");
    }

    @Test
    void badRulesGiveOneLineErrors() {
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--rule", "most"), "--rule: expected scenario, unanimous or QofN");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--rule", "2of4"), "counts 4 parties, but tavrik-accord has 3");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--rule", "0of3"), "the quorum (0) must be from 1 to 3");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--rule", "2of3:federation,klingons"),
                "unknown party (klingons)");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--rule", "1of3:federation,kaldari"),
                "2 required parties do not fit a quorum of 1");
        assertOneLineError(CliRunner.run("analyze", TAVRIK, "--rule", "2of3", "--parties", "federation,kaldari"),
                "--rule applies to all parties");
    }

    @Test
    void saysWhyNoDealPasses(@TempDir Path dir) throws Exception {
        // one accepts only a; two only b, c (and forbids a); three only c. One must sign, with one other.
        Path file = dir.resolve("stuck.yaml");
        Files.writeString(file, """
                name: stuck
                issues:
                  deal: [a, b, c]
                agreement: {quorum: 2, required: [one]}
                parties:
                  one:
                    points: {deal: [100, 60, 0]}
                    reservation: 70
                  two:
                    points: {deal: [0, 100, 50]}
                    reservation: 40
                    constraints:
                      - forbid: {deal: a}
                  three:
                    points: {deal: [0, 50, 100]}
                    reservation: 60
                """);
        CliRunner cli = CliRunner.run("analyze", file.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("passing      0", "No outcome passes the rule.",
                "  one + two:\n    - one: reservation 0.7\n    - two: forbid deal = a; two: reservation 0.4\n",
                "  one + three:\n    - one: reservation 0.7\n    - three: reservation 0.6\n");
        JsonNode root = new ObjectMapper().readTree(CliRunner.run("analyze", file.toString(), "--json").out());
        assertThat(root.get("passing").asInt()).isZero();
        JsonNode why = root.get("whyNoDeal");
        assertThat(why).hasSize(2);
        assertThat(why.get(0).get("members").toString()).isEqualTo("[\"one\",\"two\"]");
        assertThat(why.get(0).get("complete").asBoolean()).isTrue();
        JsonNode second = why.get(0).get("blockerSets").get(1);
        assertThat(second.get(0).get("kind").asText()).isEqualTo("constraint");
        assertThat(second.get(0).get("text").asText()).isEqualTo("forbid deal = a");
        assertThat(second.get(1).get("kind").asText()).isEqualTo("reservation");
        assertThat(second.get(1).get("reservation").asDouble()).isEqualTo(0.4);
        // The unanimous view says why too.
        CliRunner unanimous = CliRunner.run("analyze", file.toString(), "--rule", "unanimous");
        assertThat(unanimous.out()).contains("Nothing is acceptable to every named party.", "  one + two + three:");
    }

    private static void assertOneLineError(CliRunner cli, String expected) {
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("error: ").contains(expected);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.out()).isEmpty();
    }
}

package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoalitionsCommandTest {

    @TempDir
    Path dir;

    private static Path scenario() {
        Path here = Path.of("").toAbsolutePath();
        Path file = here.resolve("scenarios/trinity-station.yaml");
        return Files.exists(file) ? file : here.getParent().resolve("scenarios/trinity-station.yaml");
    }

    @Test
    void trinityStationBothGames() throws Exception {
        CliRunner cli = CliRunner.run("coalitions", scenario().toString(), "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(cli.out());
        JsonNode voting = root.get("games").get(0);
        assertThat(voting.get("values").get("shapleyShubik").get("loyalists").asDouble()).isEqualTo(1.0 / 3, within());
        assertThat(voting.get("values").get("banzhaf").get("rebels").asDouble()).isEqualTo(1.0 / 6, within());
        assertThat(voting.get("core").get("empty").asBoolean()).isTrue();
        assertThat(voting.get("core").get("nucleolus").get("exodus").get("exact").asText()).isEqualTo("1/6");
        assertThat(voting.get("structure").get("value").asDouble()).isEqualTo(1.0);
        JsonNode derived = root.get("games").get(1);
        assertThat(derived.get("passBy").asText()).isEqualTo("weights");
        assertThat(derived.get("coalitions")).hasSize(15);
        JsonNode rebels = derived.get("coalitions").get(0);
        assertThat(rebels.get("members").get(0).asText()).isEqualTo("rebels");
        assertThat(rebels.get("value").asDouble()).isZero();
        assertThat(rebels.get("winning").asBoolean()).isFalse();
        assertThat(rebels.get("canAgree").isNull()).isTrue();
        // The council's fleets: loyalists (30) and advent (30) reach the quota 60 together.
        JsonNode pair = derived.get("coalitions").get(8);
        assertThat(pair.get("members").toString()).isEqualTo("[\"loyalists\",\"advent\"]");
        assertThat(pair.get("value").asDouble()).isEqualTo(1.25);
        // Everyone: the three without exodus pass a deal worth 1.67 and leave exodus at its reservation.
        JsonNode grand = derived.get("coalitions").get(14);
        assertThat(grand.get("members")).hasSize(4);
        assertThat(grand.get("value").asDouble()).isEqualTo(1.67);
        assertThat(grand.get("signers").toString()).isEqualTo("[[\"loyalists\",\"rebels\",\"advent\"]]");
        assertThat(derived.get("core").get("leastCoreEpsilon").get("exact").asText()).isEqualTo("2/75");
        assertThat(derived.get("core").get("nucleolus").get("exodus").get("exact").asText()).isEqualTo("1/75");
    }

    /* The older view, every coalition passing its own deals, stays available: a party alone is worth its favourite outcome. */
    @Test
    void everyoneSigningTheirOwnDeals() throws Exception {
        CliRunner cli = CliRunner.run("coalitions", scenario().toString(), "--game", "derived", "--pass-by", "everyone",
                "--json", "--skip", "structure");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode derived = new ObjectMapper().readTree(cli.out());
        assertThat(derived.get("passBy").asText()).isEqualTo("everyone");
        assertThat(derived.get("coalitions").get(0).get("value").asDouble()).isEqualTo(0.7);
        assertThat(derived.get("coalitions").get(14).get("value").asDouble()).isEqualTo(1.47);

        CliRunner rule = CliRunner.run("coalitions", scenario().toString(), "--game", "derived", "--pass-by", "rule");
        assertThat(rule.exitCode()).as(rule.err()).isZero();
        assertThat(rule.out()).contains("passing by its agreement rule: unanimity: all 4 parties must sign")
                .contains("nucleolus: loyalists 147/400, rebels 147/400, advent 147/400, exodus 147/400");
    }

    @Test
    void humanTable() {
        CliRunner cli = CliRunner.run("coalitions", scenario().toString(), "--game", "voting");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Shapley-Shubik").contains("loyalists").contains("0.3333")
                .contains("core: empty (least core ε = 1/3)").contains("optimal coalition structure: value 1.0")
                .contains("(row generation: constraints only for the coalitions a scan of all 2^4 coalitions finds violated;");
    }

    /*
     * --core-method full: the programmes with a row for every coalition give the same exact least
     * core and nucleolus as the default row generation, on both of trinity-station's games, and say
     * which ran; an unknown method is refused, and full refuses more than 20 players.
     */
    @Test
    void coreMethodFullAsRowGeneration() throws Exception {
        CliRunner rows = CliRunner.run("coalitions", scenario().toString(), "--json", "--skip", "shapley,structure");
        CliRunner full = CliRunner.run("coalitions", scenario().toString(), "--json", "--skip", "shapley,structure",
                "--core-method", "full");
        assertThat(full.exitCode()).as(full.err()).isZero();
        JsonNode byRows = new ObjectMapper().readTree(rows.out()).get("games");
        JsonNode byFull = new ObjectMapper().readTree(full.out()).get("games");
        for (int g = 0; g < 2; g++) {
            JsonNode a = byRows.get(g).get("core");
            JsonNode b = byFull.get(g).get("core");
            assertThat(a.get("method").asText()).startsWith("row generation: ");
            assertThat(b.get("method").asText()).isEqualTo("full: linear programmes over all 2^4 − 2 coalitions, dual"
                    + " simplex certified in rationals");
            assertThat(b.get("leastCoreEpsilon")).isEqualTo(a.get("leastCoreEpsilon"));
            assertThat(b.get("nucleolus")).isEqualTo(a.get("nucleolus"));
        }
        CliRunner human = CliRunner.run("coalitions", scenario().toString(), "--game", "voting", "--core-method", "full");
        assertThat(human.out()).contains("(full: linear programmes over all 2^4 − 2 coalitions, dual simplex certified in"
                + " rationals; ");

        CliRunner wrong = CliRunner.run("coalitions", scenario().toString(), "--core-method", "simplex");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.err()).contains("--core-method: expected row-generation or full, got (simplex).");

        CliRunner large = CliRunner.run("coalitions", "--generate", "uniform", "--players", "21", "--skip",
                "shapley,structure", "--core-method", "full");
        assertThat(large.exitCode()).as(large.err()).isZero();
        assertThat(large.out()).contains("core: skipped — --core-method full writes a row for each of the 2^n − 2"
                + " coalitions: at most 20 players, this game has 21 (row-generation takes it)");
    }

    /*
     * Row generation at 18 players, which the
     * output names; the derived game of a generated 18-party scenario under "16 of 18" is searched
     * from its winning signer sets (172 can pass a deal).
     */
    @Test
    void rowGenerationAboveSixteenPlayers() throws Exception {
        Path file = dir.resolve("eighteen.yaml");
        CliRunner generate = CliRunner.run("generate", "--parties", "18", "--issues", "4", "--options", "4", "--seed", "3",
                "--reservation", "0.3", "--out", file.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        String yaml = Files.readString(file);
        assertThat(yaml).contains("\nagreement: unanimity\n");
        Files.writeString(file, yaml.replace("\nagreement: unanimity\n", "\nagreement: {quorum: 16}\n"));
        CliRunner cli = CliRunner.run("coalitions", file.toString(), "--skip", "shapley,structure");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("core: ").contains("nucleolus: ")
                .containsPattern("\\(row generation: constraints only for the coalitions a best-first"
                        + " search over the supersets of the game's \\d+ basis coalitions finds violated; ");
        CliRunner json = CliRunner.run("coalitions", file.toString(), "--skip", "shapley,structure", "--json");
        JsonNode core = new ObjectMapper().readTree(json.out()).get("core");
        assertThat(core.get("method").asText()).startsWith("row generation");
        assertThat(core.get("nucleolus")).hasSize(18);
    }

    @Test
    void odpIpFileAndGenerateAndWrite() throws Exception {
        Path readme = dir.resolve("readme.txt");
        Files.writeString(readme, "0\n30\n40\n50\n25\n60\n55\n90\n45\n80\n70\n120\n80\n100\n115\n140\n");
        CliRunner cli = CliRunner.run("coalitions", readme.toString(), "--json", "--skip", "shapley,core");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).get("structure").get("value").asDouble()).isEqualTo(150.0);

        Path written = dir.resolve("generated.txt");
        CliRunner generated = CliRunner.run("coalitions", "--generate", "ndcs", "--players", "10", "--seed", "4", "--write",
                written.toString(), "--json", "--skip", "core");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(Files.readAllLines(written)).hasSize(1024).first().isEqualTo("0.0");
        CliRunner again = CliRunner.run("coalitions", written.toString(), "--json", "--skip", "core");
        JsonNode a = new ObjectMapper().readTree(generated.out());
        JsonNode b = new ObjectMapper().readTree(again.out());
        assertThat(b.get("structure").get("value")).isEqualTo(a.get("structure").get("value"));
        assertThat(b.get("values").get("shapley").get("1")).isEqualTo(a.get("values").get("shapley").get("1"));
    }

    @Test
    void gameFiles() throws Exception {
        Path council = dir.resolve("council.yaml");
        Files.writeString(council, "players: [a, b, c, d]\nquota: 60\nweights: [30, 25, 30, 15]\n");
        CliRunner cli = CliRunner.run("coalitions", council.toString(), "--json");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(new ObjectMapper().readTree(cli.out()).get("values").get("shapleyShubik").get("d").asDouble())
                .isEqualTo(1.0 / 6, within());
        Path gloves = dir.resolve("gloves.json");
        Files.writeString(gloves, "{\"players\": [\"l1\", \"l2\", \"r\"], \"values\": {\"l1+r\": 1, \"l2+r\": 1,"
                + " \"l1+l2+r\": 1}, \"default\": 0}");
        CliRunner glove = CliRunner.run("coalitions", gloves.toString());
        assertThat(glove.exitCode()).as(glove.err()).isZero();
        assertThat(glove.out()).contains("core: non-empty").contains("nucleolus: l1 0, l2 0, r 1");
    }

    @Test
    void mistakesAreOneLineErrors() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "0\n1\nx\n3\n");
        Path three = dir.resolve("three.txt");
        Files.writeString(three, "0\n1\n2\n");
        Path nonzero = dir.resolve("nonzero.txt");
        Files.writeString(nonzero, "1\n1\n2\n3\n");
        Path values = dir.resolve("values.yaml");
        Files.writeString(values, "players: [a, b]\nvalues:\n  a: 1\n  a+c: 2\n");
        Path missing = dir.resolve("missing.yaml");
        Files.writeString(missing, "players: [a, b]\nvalues:\n  a: 1\n  b: 2\n");
        Path quota = dir.resolve("quota.yaml");
        Files.writeString(quota, "quota: 100\nweights: [30, 20]\n");
        List<String[]> cases = List.of(
                new String[] {bad.toString()}, new String[] {three.toString()}, new String[] {nonzero.toString()},
                new String[] {values.toString()}, new String[] {missing.toString()}, new String[] {quota.toString()},
                new String[] {"--generate", "pareto", "--players", "5"}, new String[] {"--generate", "ndcs"},
                new String[] {"--generate", "ndcs", "--players", "40"}, new String[] {},
                new String[] {scenario().toString(), "--game", "nope"}, new String[] {scenario().toString(), "--skip", "x"},
                new String[] {scenario().toString(), "--time-limit", "soon"}, new String[] {bad.toString(), "--game", "voting"},
                new String[] {scenario().toString(), "--pass-by", "all"},
                new String[] {scenario().toString(), "--game", "voting", "--pass-by", "rule"},
                new String[] {bad.toString(), "--pass-by", "rule"});
        String[] expected = {"bad.txt:3:1: expected a number", "three.txt:3: found 3 values", "nonzero.txt:1:1: line 1",
            "values.yaml:4:3: values.a+c: unknown player (c)", "no value for the coalition (a+b)",
            "quota.yaml:1:8: quota: the quota (100) exceeds the total weight (50)", "Unknown value distribution (pareto)",
            "--generate needs --players", "--players: expected 1 to 27", "Give a FILE", "--game: expected voting",
            "--skip: unknown part (x)", "--time-limit: expected a duration", "--game applies to scenarios",
            "--pass-by: Unknown passing rule (all); expected everyone, rule or weights",
            "--pass-by applies to the derived game, not to --game voting", "--pass-by applies to the game derived"};
        for (int i = 0; i < cases.size(); i++) {
            String[] args = new String[cases.get(i).length + 1];
            args[0] = "coalitions";
            System.arraycopy(cases.get(i), 0, args, 1, cases.get(i).length);
            CliRunner cli = CliRunner.run(args);
            assertThat(cli.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(cli.err()).as(String.join(" ", args)).contains(expected[i]).doesNotContain("Exception").hasLineCount(1);
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-12);
    }
}

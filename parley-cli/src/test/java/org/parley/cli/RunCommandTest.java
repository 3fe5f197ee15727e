package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.io.json.NegotiationJson;
import org.parley.io.ScenarioReader;

class RunCommandTest {

    private static final String TAVRIK = Path.of("..", "scenarios", "tavrik-accord.yaml").toString();
    private static final String TALKS = Path.of("..", "scenarios", "cardassian-talks.yaml").toString();
    private static final String TRINITY = Path.of("..", "scenarios", "trinity-station.yaml").toString();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ParleyCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsATraceAndTheResult() {
        Run run = run("run", TAVRIK);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("tavrik-accord — stacked alternating offers, 3 parties, deadline 100 rounds, seed 1")
                .contains("2 of 3 must sign, including federation and kaldari")
                .contains("federation  plays diplomat:style=hardliner,patience=0.3,reciprocity=0.5")
                .containsPattern("(?m)^    0  federation  offer         1\\.000  federation · federation · federation")
                .contains("result: agreement")
                .contains("outside the deal")
                .contains("measured against the coalition that signed it: federation and kaldari (vethari outside")
                .containsPattern("distance to their Pareto frontier \\d\\.\\d{3}, to their Nash point \\d\\.\\d{3},"
                        + " to their Kalai–Smorodinsky point \\d\\.\\d{3}");
        assertThat(run.out().lines()).noneMatch(line -> line.endsWith(" "));
    }

    @Test
    void everyBuiltInScenarioRunsUnderEveryProtocol() {
        for (String file : new String[] {TAVRIK, TALKS, TRINITY}) {
            for (String protocol : new String[] {"sao", "amop", "mediated"}) {
                Run run = run("run", file, "--protocol", protocol, "--rounds", "40");
                assertThat(run.code()).as(file + " " + protocol + ": " + run.err()).isZero();
                assertThat(run.out()).contains("result: ");
            }
        }
        assertThat(run("run", TALKS, "--protocol", "mediated").out()).containsPattern("mediator +opens")
                .containsPattern("mediator +ratify\\?");
    }

    @Test
    void theSameSeedGivesTheSameBytes() {
        for (String protocol : new String[] {"sao", "amop", "mediated"}) {
            String[] args = {"run", TRINITY, "--protocol", protocol, "--seed", "42", "--strategy", "loyalists=random",
                    "--strategy", "advent=frequency", "--no-record"};
            assertThat(run(args).out()).isEqualTo(run(args).out());
            String[] json = {"run", TRINITY, "--protocol", protocol, "--seed", "42", "--strategy", "loyalists=random",
                    "--json", "--no-record"};
            assertThat(run(json).out()).isEqualTo(run(json).out());
        }
        assertThat(run("run", TRINITY, "--seed", "1", "--strategy", "loyalists=random", "--no-record").out())
                .isNotEqualTo(run("run", TRINITY, "--seed", "2", "--strategy", "loyalists=random", "--no-record").out());
    }

    @Test
    void jsonHoldsTheFullLogAndReadsBack() throws Exception {
        Run run = run("run", TAVRIK, "--json", "--strategy", "kaldari=tit-for-tat:mode=absolute");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("scenario").asText()).isEqualTo("tavrik-accord");
        assertThat(root.at("/settings/strategies/kaldari").asText()).isEqualTo("tit-for-tat:mode=absolute");
        assertThat(root.at("/settings/deadline/rounds").asInt()).isEqualTo(100);
        JsonNode first = root.get("events").get(0);
        assertThat(first.get("party").asText()).isEqualTo("federation");
        assertThat(first.get("action").asText()).isEqualTo("offer");
        assertThat(first.at("/outcome/authority").asText()).isEqualTo("federation");
        assertThat(first.get("utility").asDouble()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(root.at("/result/debrief/pareto").isNumber()).isTrue();

        Scenario scenario = ScenarioReader.read(Path.of(TAVRIK));
        NegotiationJson codec = NegotiationJson.of(scenario.domain());
        NegotiationRecord record = codec.readRecord(run.out());
        assertThat(record.events()).hasSize(root.get("events").size());
        assertThat(record.result().agreement()).isEqualTo(root.at("/result/agreement").asBoolean());
        // The debrief reads back as the debrief of what was read.
        assertThat(codec.readRecordDebrief(run.out())).contains(
                org.parley.core.analysis.NegotiationDebrief.of(scenario, record.result(), record.events()));
        // What was read writes back to the same bytes (the debrief aside).
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("result")).remove("debrief");
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove("id");
        assertThat(codec.write(record)).isEqualTo(NegotiationJson.text(root));
    }

    /**
     * A real range is offered, recorded and stored at the values the analysis lists, as the user
     * would write them: −1..2 in 11 steps is −1, −0.7, ..., 0.2, ..., 2, never 0.19999999999999996.
     */
    @Test
    void offersAndRecordsOfARealRangeCarryItsDecimals(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("real.yaml"), """
                name: real
                issues:
                  x: {type: real, min: -1, max: 2}
                  c: [p, q]
                parties:
                  a:
                    weights: {x: 0.7, c: 0.3}
                    values: {x: [[-1, 0], [2, 1]], c: [1, 0]}
                    reservation: 0.3
                  b:
                    weights: {x: 0.6, c: 0.4}
                    values: {x: [[-1, 1], [2, 0]], c: [0, 1]}
                    reservation: 0.3
                """);
        String db = dir.resolve("records.db").toString();
        Set<String> grid = Set.of("-1.0", "-0.7", "-0.4", "-0.1", "0.2", "0.5", "0.8", "1.1", "1.4", "1.7", "2.0");
        Set<String> offered = new TreeSet<>();
        for (String protocol : new String[] {"sao", "amop", "mediated"}) {
            Run run = run("run", file.toString(), "--protocol", protocol, "--json", "--db", db, "--strategy",
                    "a=random", "--strategy", "b=random");
            assertThat(run.code()).as(run.err()).isZero();
            JsonNode root = new ObjectMapper().readTree(run.out());
            for (JsonNode event : root.get("events")) {
                if (event.has("outcome")) {
                    offered.add(event.at("/outcome/x").asText());
                }
            }
            Run shown = run("show", root.get("id").asText(), "--json", "--db", db);
            assertThat(shown.code()).as(shown.err()).isZero();
            for (JsonNode event : new ObjectMapper().readTree(shown.out()).get("events")) {
                if (event.has("outcome")) {
                    assertThat(grid).as(protocol + " stored").contains(event.at("/outcome/x").asText());
                }
            }
        }
        assertThat(grid).containsAll(offered);
        assertThat(offered).contains("0.2", "-0.1", "1.7");
    }

    @Test
    void aTimeLimitRuns() {
        Run run = run("run", TALKS, "--time-limit", "300ms", "--rounds", "1000000");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("deadline 1000000 rounds or 300 ms");
        Run timeOnly = run("run", TALKS, "--time-limit", "200ms", "--rounds", "0", "--json");
        assertThat(timeOnly.code()).as(timeOnly.err()).isZero();
        assertThat(timeOnly.out()).contains("\"time\" : \"PT0.2S\"").doesNotContain("\"rounds\" : 0");
    }

    @Test
    void badFlagsAreOneLineErrors() {
        String[][] cases = {
            {"--protocol", "auction"}, {"Unknown protocol (auction)"},
            {"--strategy", "nobody=boulware"}, {"unknown party (nobody)"},
            {"--strategy", "union=bolware"}, {"Unknown strategy (bolware)"},
            {"--strategy", "union"}, {"expected PARTY=NAME"},
            {"--strategy", "union=boulware:x=1"}, {"no parameter (x)"},
            {"--strategy", "union=time-dependent:e=fast"}, {"must be a number"},
            {"--strategy", "union=human"}, {"person"},
            {"--strategy", "union=boulware", "--strategy", "union=conceder"},
                {"the party (union) already has a strategy (--strategy union=boulware)"},
            {"--rounds", "0"}, {"--rounds (0)"},
            {"--rounds", "-3"}, {"--rounds (-3)"},
            {"--time-limit", "soon"}, {"--time-limit (soon): expected a duration"},
            {"--move-limit", "0ms"}, {"--move-limit (0ms)"},
        };
        for (int k = 0; k < cases.length; k += 2) {
            String[] args = new String[2 + cases[k].length];
            args[0] = "run";
            args[1] = TALKS;
            System.arraycopy(cases[k], 0, args, 2, cases[k].length);
            Run run = run(args);
            assertThat(run.code()).as(String.join(" ", cases[k])).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", cases[k])).startsWith("error: ").contains(cases[k + 1][0]);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void picocliMistakesAndMissingFilesExitTwo() {
        assertThat(run("run", TALKS, "--seed", "abc").code()).isEqualTo(2);
        assertThat(run("run", TALKS, "--bogus").code()).isEqualTo(2);
        assertThat(run("run").code()).isEqualTo(2);
        Run help = run("run", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--protocol=PROTOCOL", "The protocol: sao, amop, mediated", "--strategy=PARTY=NAME");
        Run missing = run("run", "no-such-file.yaml");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no-such-file.yaml").contains("no such file");
    }
}

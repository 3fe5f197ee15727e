package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.analysis.SolutionConcepts;
import org.parley.core.engine.Negotiation;
import org.parley.io.Csv;
import org.parley.store.Archive;
import org.parley.store.Databases;
import org.parley.store.HistoryQuery;
import org.parley.store.RecordStatus;
import org.parley.store.RecordStore;

class TournamentCommandTest {

    private static final String SCENARIOS = "../scenarios";
    private static final String TALKS = "../scenarios/cardassian-talks.yaml";

    @TempDir
    static Path dir;

    /** The reference: the built-in scenarios, 4 strategies, on one thread. */
    static Path reference;
    static CliRunner referenceRun;

    @BeforeAll
    static void runTheReference() {
        reference = dir.resolve("reference");
        referenceRun = CliRunner.run("tournament", "--strategies", "boulware,conceder,time-dependent:e=0.5,ac=const,micro",
                "--scenarios", SCENARIOS, "--rounds", "40", "--seed", "7", "--threads", "1", "--out", reference.toString());
        assertThat(referenceRun.exitCode()).as(referenceRun.err()).isZero();
    }

    /** The CSV without its one wall-clock column: each row's fields joined with |. */
    static List<String> timeless(Path csv) throws IOException {
        Csv.Table table = Csv.read(Files.readString(csv), csv.toString());
        int column = table.column("millis");
        assertThat(column).isPositive();
        List<String> result = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.header());
        table.rows().forEach(row -> lines.add(row.fields()));
        for (List<String> line : lines) {
            List<String> fields = new ArrayList<>(line);
            fields.remove(column);
            result.add(String.join("|", fields));
        }
        return result;
    }

    @Test
    void runsEveryAssignmentOnEveryScenarioAndWritesItsFiles() throws IOException {
        // 4 strategies: 12 ordered pairs (cardassian), 24 triples (tavrik), 24 quadruples (trinity).
        List<String> csv = Files.readAllLines(reference.resolve("results.csv"));
        assertThat(csv).hasSize(1 + 60);
        assertThat(csv.get(0)).startsWith("index,scenario,repetition,seed,party_1,strategy_1,party_2,strategy_2,")
                .contains(",agreement,ending,rounds,time,millis,utility_1,")
                .contains(",discounted_4,advantage_1,advantage_2,advantage_3,advantage_4,social_welfare,")
                .contains(",social_welfare,distance_pareto,distance_nash,distance_kalai_smorodinsky,distance_utilitarian,"
                        + "distance_egalitarian,")
                .endsWith(",final_offer,misbehaviour");
        // One distance column per registered concept, after the frontier's, in the registry's order.
        List<String> header = Csv.read(csv.get(0), "results.csv").header();
        int pareto = header.indexOf("distance_pareto");
        assertThat(header.subList(pareto + 1, header.size() - 2)).containsExactlyElementsOf(SolutionConcepts.registered()
                .keys().stream().map(key -> "distance_" + SolutionConcepts.words(key, '_')).toList());
        for (int i = 1; i < csv.size(); i++) {
            assertThat(csv.get(i)).startsWith((i - 1) + ",");
        }
        assertThat(csv.get(1)).startsWith("0,cardassian-talks,0,").contains("federation,boulware,union,conceder");
        assertThat(csv.get(5)).contains("federation,conceder,union,\"time-dependent:e=0.5,ac=const\"");
        assertThat(csv.get(13)).startsWith("12,tavrik-accord,");
        assertThat(csv.get(37)).startsWith("36,trinity-station,");
        assertThat(csv.stream().skip(1).filter(l -> l.contains(",true,agreement,"))).allMatch(l -> l.contains("=") );
        // Read back field by field, every row as wide as the header, the quoted strategy whole.
        Csv.Table table = Csv.read(String.join("\n", csv), "results.csv");
        assertThat(table.rows()).hasSize(60);
        assertThat(table.rows().get(4).get(table.column("strategy_2"))).isEqualTo("time-dependent:e=0.5,ac=const");
        assertThat(table.rows().get(0).get(table.column("ending"))).isIn("agreement", "deadline", "walk-away");

        JsonNode summary = new ObjectMapper().readTree(reference.resolve("summary.json").toFile());
        assertThat(summary.get("negotiations").asInt()).isEqualTo(60);
        assertThat(summary.get("completed").asInt()).isEqualTo(60);
        assertThat(summary.get("ranking")).hasSize(4);
        assertThat(summary.get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(summary.get("ranking").get(0).get("utility").asDouble())
                .isGreaterThanOrEqualTo(summary.get("ranking").get(3).get("utility").asDouble());
        // Each strategy plays in 6 of the 12 pairs, 18 of the 24 triples and all 24 quadruples.
        assertThat(summary.get("ranking").get(0).get("negotiations").asInt()).isEqualTo(6 + 18 + 24);
        assertThat(summary.get("scenarios")).hasSize(3);
        for (String key : SolutionConcepts.registered().keys()) {
            String field = SolutionConcepts.prefixed("distance", key);
            assertThat(summary.get("ranking").get(0).has(field)).as(field).isTrue();
            assertThat(summary.get("scenarios").get(0).get(field).isNumber()).as(field).isTrue();
        }
        assertThat(summary.get("ranking").get(0).has("distanceKalaiSmorodinsky")).isTrue();
        assertThat(summary.at("/settings/strategies/2").asText()).isEqualTo("time-dependent:e=0.5,ac=const");

        assertThat(referenceRun.out()).contains("60 negotiations (60 run now)")
                .containsPattern("(?m)^rank  strategy +utility   ±95%  advantage   ±95%  agreements  ±95%  welfare   ±95%"
                        + "  to Pareto   ±95%  to Nash   ±95%  rounds  negotiations$")
                .containsPattern("(?m)^   1  \\S+ +\\d\\.\\d{3}  \\d\\.\\d{3} +-?\\d\\.\\d{3}  \\d\\.\\d{3} +\\d+%")
                .contains("wrote results.csv, ranking.csv, summary.json, results.jsonl, ranking.svg and ranking.png in");
        assertThat(referenceRun.out().lines()).noneMatch(l -> l.endsWith(" "));
        assertThat(referenceRun.err()).startsWith("tournament ").doesNotContain("\r")
                .contains("60 negotiations (3 scenarios, 4 strategies, 1 repetition; deadline 40 rounds, move limit 1 s)");
        // One row per strategy in ranking.csv, as in summary.json, each figure with its interval.
        Csv.Table ranking = Csv.read(Files.readString(reference.resolve("ranking.csv")), "ranking.csv");
        assertThat(ranking.header()).startsWith("rank", "strategy", "negotiations", "samples", "utility", "utility_ci95",
                "undiscounted", "undiscounted_ci95", "advantage", "advantage_ci95", "agreement_rate",
                "agreement_rate_ci95", "social_welfare", "social_welfare_ci95", "rounds", "rounds_ci95",
                "distance_pareto", "distance_pareto_ci95", "distance_nash", "distance_nash_ci95");
        assertThat(ranking.rows()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            JsonNode row = summary.get("ranking").get(i);
            assertThat(ranking.rows().get(i).get(ranking.column("strategy"))).isEqualTo(row.get("strategy").asText());
            for (String[] pair : new String[][] {{"utility", "utility"}, {"advantage_ci95", "advantageHalfWidth95"},
                {"agreement_rate", "agreementRate"}, {"distance_nash_ci95", "distanceNashHalfWidth95"}}) {
                assertThat(Double.parseDouble(ranking.rows().get(i).get(ranking.column(pair[0])))).as(pair[0])
                        .isCloseTo(row.get(pair[1]).asDouble(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        JsonNode setup = new ObjectMapper().readTree(reference.resolve("tournament.json").toFile());
        assertThat(setup.get("deadline").asText()).isEqualTo("40r");
        assertThat(setup.get("moveLimit").asText()).isEqualTo("PT1S");
        PlotFiles.assertPng(reference.resolve("ranking.png"));
        PlotFiles.assertSvg(reference.resolve("ranking.svg"));
    }

    @Test
    void theResultsDoNotDependOnTheThreadCount() throws IOException {
        Path three = dir.resolve("three-threads");
        CliRunner run = CliRunner.run("tournament", "--strategies", "boulware,conceder,time-dependent:e=0.5,ac=const,micro",
                "--scenarios", SCENARIOS, "--rounds", "40", "--seed", "7", "--threads", "3", "--out", three.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(timeless(three.resolve("results.csv"))).isEqualTo(timeless(reference.resolve("results.csv")));
        assertThat(Files.readAllBytes(three.resolve("ranking.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("ranking.csv")));
        assertThat(Files.readString(three.resolve("summary.json")).replaceAll("\"tournament\" : \"\\w+\"", "")
                .replaceAll("\"id\" : \"\\w+\"", ""))
                .isEqualTo(Files.readString(reference.resolve("summary.json")).replaceAll("\"tournament\" : \"\\w+\"", "")
                        .replaceAll("\"id\" : \"\\w+\"", ""));
    }

    @Test
    void aResumeAfterAnInterruptionRedoesNothingAndEndsAsAnUninterruptedRun() throws IOException {
        // An interruption leaves the set-up and a journal of the negotiations that finished, in completion
        // order, perhaps with a last line cut short: make such a folder from the reference's files.
        Path cut = dir.resolve("interrupted");
        Files.createDirectories(cut);
        copyTree(reference.resolve("scenarios"), cut.resolve("scenarios"));
        Files.copy(reference.resolve("tournament.json"), cut.resolve("tournament.json"));
        List<String> journal = Files.readAllLines(reference.resolve("results.jsonl"));
        List<String> kept = new ArrayList<>(List.of(journal.get(20), journal.get(3), journal.get(59)));
        kept.addAll(journal.subList(4, 15));
        String partial = journal.get(16).substring(0, 40);
        Files.writeString(cut.resolve("results.jsonl"), String.join("\n", kept) + "\n" + partial, StandardCharsets.UTF_8);

        CliRunner resumed = CliRunner.run("tournament", "--resume", cut.toString(), "--threads", "2");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("14 already done");
        assertThat(resumed.out()).contains("60 negotiations (46 run now, 14 before)");
        assertThat(timeless(cut.resolve("results.csv"))).isEqualTo(timeless(reference.resolve("results.csv")));
        List<String> after = Files.readAllLines(cut.resolve("results.jsonl"));
        assertThat(after).hasSize(60);
        assertThat(after.subList(0, 14)).isEqualTo(kept);
        Set<Integer> indices = new HashSet<>();
        for (String line : after) {
            indices.add(new ObjectMapper().readTree(line).get("index").asInt());
        }
        assertThat(indices).hasSize(60);

        CliRunner again = CliRunner.run("tournament", "--resume", cut.toString());
        assertThat(again.out()).contains("60 negotiations (0 run now, 60 before)");
    }

    @Test
    void aKilledTournamentKeepsItsFinishedNegotiationsInTheFolderAndTheDatabase() throws Exception {
        killAndResume("sqlite", "jdbc:sqlite:" + dir.resolve("killed.db"));
    }

    @Test
    void aKilledTournamentKeepsItsFinishedNegotiationsInPostgres() throws Exception {
        String url = System.getenv("PARLEY_TEST_POSTGRES");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null && !url.isBlank(),
                "PARLEY_TEST_POSTGRES is not set: PostgreSQL tests skipped");
        killAndResume("postgres", url);
    }

    private void killAndResume(String name, String db) throws Exception {
        Path out = dir.resolve("killed-" + name);
        String[] args = {"tournament", "--strategies", "boulware,conceder,linear,micro", "--scenarios", TALKS,
            "--repetitions", "100", "--rounds", "60", "--seed", "3", "--threads", "2", "--record", "--db", db,
            "--out", out.toString()};
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path journal = out.resolve("results.jsonl");
        try {
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!Files.exists(journal) || Files.readAllLines(journal).size() < 40) {
                assertThat(process.isAlive()).as("the tournament ended before it could be killed").isTrue();
                assertThat(System.nanoTime()).as("the tournament ran too slowly").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            process.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
            process.waitFor();
        }
        String batch = new ObjectMapper().readTree(out.resolve("tournament.json").toFile()).get("id").asText();
        HistoryQuery thisTournament = new HistoryQuery(null, null, null, null, batch, 100_000);
        // Every record in the database is complete: it decodes, and replaying its log reproduces it.
        try (RecordStore store = Databases.open(db)) {
            Archive archive = new Archive(store);
            var stored = store.history(thisTournament);
            assertThat(stored).isNotEmpty();
            for (var record : stored) {
                assertThat(record.status()).isEqualTo(RecordStatus.FINISHED);
                Archive.Entry entry = archive.decode(record);
                var negotiation = entry.negotiation();
                var replayed = Negotiation.resume(entry.scenario(), negotiation.settings(), negotiation.events(),
                        new org.parley.core.strategy.StrategyRegistry(), new org.parley.core.engine.BidSpaceCache());
                assertThat(replayed.finished()).isTrue();
                assertThat(replayed.result()).isEqualTo(negotiation.result());
            }
        }
        int journaled = (int) Files.readAllLines(journal).stream().filter(l -> l.endsWith("}")).count();
        assertThat(journaled).isGreaterThanOrEqualTo(40).isLessThan(4 * 3 * 100);

        CliRunner resumed = CliRunner.run("tournament", "--resume", out.toString(), "--db", db);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("1200 negotiations (");
        try (RecordStore store = Databases.open(db)) {
            // One record per negotiation: none lost, none stored twice.
            assertThat(store.history(thisTournament)).hasSize(1200);
        }
        // And the same results as a run that was never interrupted.
        Path straight = dir.resolve("straight-" + name);
        CliRunner whole = CliRunner.run("tournament", "--strategies", "boulware,conceder,linear,micro", "--scenarios", TALKS,
                "--repetitions", "100", "--rounds", "60", "--seed", "3", "--out", straight.toString());
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(timeless(out.resolve("results.csv"))).isEqualTo(timeless(straight.resolve("results.csv")));
    }

    /**
     * SIGTERM runs the same shutdown hook as Ctrl-C (SIGINT, which a test cannot send reliably: a
     * process started in the background may inherit it ignored): the finished negotiations are kept,
     * results.csv holds them, and the message says how to carry on.
     */
    @Test
    void anInterruptedTournamentKeepsItsResultsAndSaysHowToCarryOn() throws Exception {
        Path out = dir.resolve("terminated");
        Path log = dir.resolve("terminated.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName(), "tournament", "--strategies",
                "boulware,conceder,linear,micro", "--scenarios", TALKS, "--repetitions", "100", "--rounds", "60",
                "--threads", "2", "--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path journal = out.resolve("results.jsonl");
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(journal) || Files.readAllLines(journal).size() < 30) {
            assertThat(process.isAlive()).as("the tournament ended before it could be interrupted").isTrue();
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(10);
        }
        process.destroy();
        assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        int kept = Files.readAllLines(journal).size();
        assertThat(Files.readString(log)).contains("interrupted: " + kept + " of 1200 negotiations finished and kept in "
                + out + "; carry on with: parley tournament --resume " + out);
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(kept + 1);
        CliRunner resumed = CliRunner.run("tournament", "--resume", out.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("1200 negotiations (" + (1200 - kept) + " run now, " + kept + " before)");
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1201);
    }

    @Test
    void mistakesAreOneLineErrors() {
        String[][] cases = {
            {"--scenarios", TALKS}, {"--strategies: name the strategies"},
            {"--strategies", "boulware,micro"}, {"--scenarios: name scenario files"},
            {"--strategies", "boulware,bolware", "--scenarios", TALKS}, {"--strategies (bolware): Unknown strategy"},
            {"--strategies", "boulware,boulware", "--scenarios", TALKS}, {"is named twice"},
            {"--strategies", "boulware,micro", "--scenarios", SCENARIOS}, {"has 3 parties but there are only 2 strategies"},
            {"--strategies", "boulware,micro", "--scenarios", TALKS, "--repetitions", "0"}, {"--repetitions (0)"},
            {"--strategies", "boulware,micro", "--scenarios", TALKS, "--threads", "0"}, {"--threads (0)"},
            {"--strategies", "boulware,micro", "--scenarios", "nowhere.yaml"}, {"nowhere.yaml"},
            {"--resume", "nowhere"}, {"--resume nowhere: no tournament.json there"},
            {"--resume", "nowhere", "--seed", "3"}, {"drop --seed"},
            {"--resume", "nowhere", "--deadline", "3r"}, {"drop --deadline"},
            {"--strategies", "boulware,micro", "--scenarios", TALKS, "--deadline", "10x"}, {"--deadline (10x): (10x) is"
                    + " neither; expected a round limit like 1000r, a time limit like 180s"},
            {"--strategies", "boulware,micro", "--scenarios", TALKS, "--deadline", "0r"}, {"--deadline (0r): the round"
                    + " limit (0) must be between 1"},
            {"--strategies", "boulware,micro", "--scenarios", TALKS, "--deadline", "5r", "--rounds", "5"}, {"--rounds (5)"
                    + " and --deadline (5r) both set the deadline; give only --deadline"},
            {"--strategies", "boulware,micro", "--scenarios", TALKS, "--move-limit", "soon"}, {"--move-limit (soon):"
                    + " expected a duration like 500ms"},
            {"--strategies", "boulware,micro", "--scenarios", "../parley-io/src/test/resources/interop/genius/y2011/Car/adg_deal.xml"},
                {"adg_deal.xml"},
        };
        java.io.File here = Path.of("").toAbsolutePath().toFile();
        java.io.FilenameFilter tournaments = (d, name) -> name.startsWith("parley-tournament-");
        List<String> before = List.of(here.list(tournaments));
        for (int k = 0; k < cases.length; k += 2) {
            String[] args = new String[1 + cases[k].length];
            args[0] = "tournament";
            System.arraycopy(cases[k], 0, args, 1, cases[k].length);
            CliRunner run = CliRunner.run(args);
            assertThat(run.exitCode()).as(String.join(" ", cases[k]) + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", cases[k])).startsWith("error: ").contains(cases[k + 1][0]);
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        }
        // A mistake leaves no folder behind.
        assertThat(here.list(tournaments)).containsExactlyInAnyOrderElementsOf(before);
        CliRunner again = CliRunner.run("tournament", "--strategies", "boulware,micro", "--scenarios", TALKS, "--out",
                reference.toString());
        assertThat(again.err().strip()).isEqualTo("error: --out " + reference + " holds a tournament already; carry it on"
                + " with --resume " + reference + ", or choose another folder.");
    }

    /**
     * One issue: A values its options p, q, r, s at 100, 50, 0, 0 points (reservation 10), B at 40,
     * 70, 100, 0 (reservation 30); no discount. The acceptable outcomes are p (1, 0.4) and q (0.5,
     * 0.7), both on the frontier; the Nash point is q ((0.5 − 0.1)(0.7 − 0.3) = 0.16 against 0.9 · 0.1
     * for p). s, worth nothing to either, lets a conceder's target fall below 0.4 before the deadline
     * (its floor is the larger of its reservation and its worst outcome).
     */
    static final String TINY = """
            name: tiny
            issues:
              x: [p, q, r, s]
            parties:
              a:
                points: {x: [100, 50, 0, 0]}
                reservation: 10
              b:
                points: {x: [40, 70, 100, 0]}
                reservation: 30
            """;

    static double number(Csv.Table table, int row, String column) {
        return Double.parseDouble(table.rows().get(row).get(table.column(column)));
    }

    @Test
    void theAnacFiguresOfATinyTournamentAreTheOnesWorkedOutByHand() throws IOException {
        Path tiny = dir.resolve("tiny.yaml");
        Files.writeString(tiny, TINY);
        Path out = dir.resolve("tiny-run");
        CliRunner run = CliRunner.run("tournament", "--strategies", "hardliner,conceder", "--scenarios", tiny.toString(),
                "--deadline", "50r", "--threads", "1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // Negotiation 0: the hardliner (a) insists on p and the conceder (b) comes down to it: 1 and 0.4.
        // Negotiation 1: the hardliner (b) insists on r, worth 0 to a, below a's reservation: no deal,
        // each gets its reservation value, 0.1 and 0.3.
        Csv.Table results = Csv.read(Files.readString(out.resolve("results.csv")), "results.csv");
        assertThat(results.rows()).hasSize(2);
        assertThat(results.rows().get(0).get(results.column("final_offer"))).isEqualTo("x=p");
        assertThat(results.rows().get(0).get(results.column("agreement"))).isEqualTo("true");
        assertThat(results.rows().get(1).get(results.column("agreement"))).isEqualTo("false");
        double[][] expected = {{1, 0.4, 0.9, 0.1, 1.4, 0, Math.sqrt(0.34)}, {0.1, 0.3, 0, 0, 0.4, Math.sqrt(0.32),
            Math.sqrt(0.32)}};
        String[] columns = {"utility_1", "utility_2", "advantage_1", "advantage_2", "social_welfare", "distance_pareto",
            "distance_nash"};
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < columns.length; c++) {
                assertThat(number(results, i, columns[c])).as(i + " " + columns[c]).isCloseTo(expected[i][c], within(1e-9));
            }
        }
        // Per strategy, two samples each; t(0.975, 1) = 12.7062047, the interval t · sd / √2.
        double t = 12.7062047;
        Csv.Table ranking = Csv.read(Files.readString(out.resolve("ranking.csv")), "ranking.csv");
        assertThat(ranking.rows()).extracting(r -> r.get(1)).containsExactly("hardliner", "conceder");
        Object[][] byHand = {
            // column, hardliner (1 as a, 0.3 as b), conceder (0.4 as b, 0.1 as a)
            {"utility", 0.65, 0.25}, {"utility_ci95", t * 0.35, t * 0.15},
            {"undiscounted", 0.65, 0.25},
            {"advantage", 0.45, 0.05}, {"advantage_ci95", t * 0.45, t * 0.05},
            {"agreement_rate", 0.5, 0.5}, {"agreement_rate_ci95", t * 0.5, t * 0.5},
            {"social_welfare", 0.9, 0.9}, {"social_welfare_ci95", t * 0.5, t * 0.5},
            {"distance_pareto", Math.sqrt(0.32) / 2, Math.sqrt(0.32) / 2},
            {"distance_pareto_ci95", t * Math.sqrt(0.32) / 2, t * Math.sqrt(0.32) / 2},
            {"distance_nash", (Math.sqrt(0.34) + Math.sqrt(0.32)) / 2, (Math.sqrt(0.34) + Math.sqrt(0.32)) / 2},
            {"distance_nash_ci95", t * (Math.sqrt(0.34) - Math.sqrt(0.32)) / 2, t * (Math.sqrt(0.34) - Math.sqrt(0.32)) / 2},
        };
        for (Object[] row : byHand) {
            for (int s = 0; s < 2; s++) {
                assertThat(number(ranking, s, (String) row[0])).as(row[0] + " of " + s)
                        .isCloseTo((Double) row[1 + s], within(1e-6));
            }
        }
        // The conceder's target, 1 − 0.7 · √t, reaches 0.4 at t = 0.735: it accepts p in round 37 (38 rounds
        // begun); the other negotiation runs its 50 rounds.
        assertThat(number(results, 0, "rounds")).isEqualTo(38);
        assertThat(number(ranking, 0, "rounds")).isEqualTo(44);
        assertThat(number(ranking, 0, "samples")).isEqualTo(2);
        assertThat(number(ranking, 0, "negotiations")).isEqualTo(2);
        // The table on screen shows the same figures.
        assertThat(run.out()).containsPattern("(?m)^   1  hardliner  +0\\.650  4\\.447  +0\\.450  5\\.718  +50%  635%  +0\\.900"
                + "  6\\.353  +0\\.283  3\\.594  +0\\.574  0\\.111  +44\\.0  +2$");

        // Same seed, same bytes: a second run writes identical files (the wall-clock column aside).
        Path again = dir.resolve("tiny-again");
        CliRunner second = CliRunner.run("tournament", "--strategies", "hardliner,conceder", "--scenarios", tiny.toString(),
                "--deadline", "50r", "--threads", "2", "--out", again.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readAllBytes(again.resolve("ranking.csv"))).isEqualTo(Files.readAllBytes(out.resolve("ranking.csv")));
        assertThat(timeless(again.resolve("results.csv"))).isEqualTo(timeless(out.resolve("results.csv")));
    }

    @Test
    void selfPlayAddsTheAssignmentsWhereAStrategyMeetsItself() throws IOException {
        Path tiny = dir.resolve("tiny-self.yaml");
        Files.writeString(tiny, TINY.replace("name: tiny", "name: tiny-self"));
        Path out = dir.resolve("self-play");
        CliRunner run = CliRunner.run("tournament", "--strategies", "hardliner,conceder", "--scenarios", tiny.toString(),
                "--deadline", "50r", "--self-play", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("4 negotiations (1 scenario, 2 strategies, 1 repetition; deadline 50 rounds,"
                + " move limit 1 s, self-play)");
        Csv.Table results = Csv.read(Files.readString(out.resolve("results.csv")), "results.csv");
        assertThat(results.rows()).extracting(r -> r.get(results.column("strategy_1")) + "-"
                + r.get(results.column("strategy_2")))
                .containsExactly("hardliner-hardliner", "hardliner-conceder", "conceder-hardliner", "conceder-conceder");
        // Two hardliners never agree: both get their reservation values, an advantage of 0.
        assertThat(results.rows().get(0).get(results.column("agreement"))).isEqualTo("false");
        assertThat(number(results, 0, "advantage_1")).isZero();
        // The hardliner played 4 roles in 3 negotiations.
        Csv.Table ranking = Csv.read(Files.readString(out.resolve("ranking.csv")), "ranking.csv");
        int hardliner = ranking.rows().get(0).get(1).equals("hardliner") ? 0 : 1;
        assertThat(number(ranking, hardliner, "samples")).isEqualTo(4);
        assertThat(number(ranking, hardliner, "negotiations")).isEqualTo(3);
        assertThat(new ObjectMapper().readTree(out.resolve("tournament.json").toFile()).get("selfPlay").asBoolean()).isTrue();
    }

    @Test
    void anAnacYearsFolderIsOneArgumentAndEveryScenarioInItPlays() throws IOException {
        Path out = dir.resolve("anac-2011");
        CliRunner run = CliRunner.run("tournament", "--strategies", "boulware,hardliner", "--scenarios",
                "../parley-io/src/test/resources/interop/genius/y2011", "../parley-io/src/test/resources/interop/geniusweb",
                "--deadline", "20r", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        // 8 GENIUS scenarios of 2011 and 2 GeniusWeb ones, 2 ordered pairs each.
        assertThat(run.err()).contains("20 negotiations (10 scenarios, 2 strategies")
                // The readers' warnings are passed on, never dropped.
                .contains("warning: ../parley-io/src/test/resources/interop/genius/y2011/Laptop/laptop_buyer_utility.xml:3:");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        List<String> names = new ArrayList<>();
        summary.get("scenarios").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactly("Amsterdam", "camera", "adg", "energy", "Grocery", "IS_BT_Acquisition", "laptop",
                "NiceOrDie", "fitness", "flightbooking");
        // Copied in as Parley files, so that a resume needs nothing outside the folder.
        try (var copies = Files.list(out.resolve("scenarios"))) {
            assertThat(copies.count()).isEqualTo(10);
        }
        CliRunner resumed = CliRunner.run("tournament", "--resume", out.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("20 negotiations (0 run now, 20 before)");
    }

    @Test
    void aTimeDeadlineEndsNegotiationsByTheClockAndIsCappedInRounds() throws IOException {
        Path tiny = dir.resolve("tiny-clock.yaml");
        Files.writeString(tiny, TINY.replace("name: tiny", "name: tiny-clock"));
        Path out = dir.resolve("clock");
        CliRunner run = CliRunner.run("tournament", "--strategies", "hardliner,micro", "--scenarios", tiny.toString(),
                "--deadline", "300ms", "--move-limit", "none", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("note: --deadline 300ms: also at most 1000000 rounds")
                .contains("deadline 1000000 rounds or 300 ms, move limit none");
        Csv.Table results = Csv.read(Files.readString(out.resolve("results.csv")), "results.csv");
        for (int i = 0; i < 2; i++) {
            // Two strategies that never meet: the clock ends it, after 300 ms and well under the cap.
            assertThat(results.rows().get(i).get(results.column("ending"))).isEqualTo("deadline");
            assertThat(number(results, i, "millis")).isGreaterThanOrEqualTo(300);
            assertThat(number(results, i, "rounds")).isLessThan(1_000_000);
        }
        JsonNode setup = new ObjectMapper().readTree(out.resolve("tournament.json").toFile());
        assertThat(setup.get("deadline").asText()).isEqualTo("1000000r,300ms");
        assertThat(setup.get("moveLimit").isNull()).isTrue();
        // A resume runs with the deadline it began with.
        CliRunner resumed = CliRunner.run("tournament", "--resume", out.toString());
        assertThat(resumed.err()).contains("deadline 1000000 rounds or 300 ms, move limit none");
    }

    @Test
    void aSetUpWrittenBeforeDeadlinesResumesWithItsRoundLimit() throws IOException {
        Path old = dir.resolve("old-setup");
        copyTree(reference.resolve("scenarios"), old.resolve("scenarios"));
        ObjectNode setup = (ObjectNode) new ObjectMapper().readTree(reference.resolve("tournament.json").toFile());
        setup.remove("deadline");
        setup.put("rounds", 40);
        setup.putNull("moveLimit");
        Files.writeString(old.resolve("tournament.json"), setup.toPrettyString());
        // A journal line of that time: no reservations field.
        List<String> journal = Files.readAllLines(reference.resolve("results.jsonl"));
        ObjectNode line = (ObjectNode) new ObjectMapper().readTree(journal.get(0));
        line.remove("reservations");
        Files.writeString(old.resolve("results.jsonl"), line + "\n");
        CliRunner resumed = CliRunner.run("tournament", "--resume", old.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("deadline 40 rounds, move limit none");
        assertThat(timeless(old.resolve("results.csv"))).isEqualTo(timeless(reference.resolve("results.csv")));
    }

    @Test
    void helpListsTheAnacOptionsWithTheirDefaultsAndNoWarning() {
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(stray, true, StandardCharsets.UTF_8));
        CliRunner help;
        try {
            help = CliRunner.run("tournament", "--help");
        } finally {
            System.setErr(before);
        }
        assertThat(help.exitCode()).isZero();
        // Words, whatever the line breaks.
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--deadline=LIMIT", "Default 100r.",
                "--move-limit=DURATION", "Default 1s; none to switch it off.", "--self-play", "each with a 95% interval",
                "an ANAC year's folder is one argument");
        // picocli reads descriptions as format strings: a lone % would print a warning instead.
        assertThat(stray.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void strategiesSplitAtCommasButKeepTheirParameters() {
        assertThat(TournamentCommand.splitStrategies("boulware, time-dependent:e=0.5,ac=const ,micro"))
                .containsExactly("boulware", "time-dependent:e=0.5,ac=const", "micro");
    }

    @Test
    void theProgressBarShowsDoneTotalRateAndTimeLeft() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, 100, 20, () -> now[0], 1_000_000_000L);
        now[0] = 2_000_000_000L;
        for (int i = 0; i < 10; i++) {
            bar.step();
        }
        // 10 new in 2 s: 5 per second, 70 left: 14 s.
        assertThat(bar.render(now[0])).isEqualTo("[#########.....................] 30/100  30%  5.0/s  0:14 left");
        // Drawn at the first step, then not again within the interval.
        assertThat(text.toString()).isEqualTo("\r[######........................] 21/100  21%  0.5/s  2:38 left");
        bar.finish();
        StringWriter silent = new StringWriter();
        ProgressBar off = new ProgressBar(new PrintWriter(silent), false, 10, 0, () -> now[0], 0);
        off.step();
        off.finish();
        assertThat(silent.toString()).isEmpty();
        assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}

package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parley world FILE... --seeds A..B}: many worlds, the same figures as each run alone, in plan order. */
class WorldRunsTest {

    /** A small world where one power plays at random, so that every seed gives another result. */
    static final String SMALL = """
            name: small
            trust: {model: beta}
            powers:
              a: {strategy: random, honour: when-it-pays}
              b: {strategy: linear, honour: never}
              c: {strategy: conceder}
            negotiations:
              - generate: {parties: 2, issues: 3, options: 3, seed: 1}
                roles: [a, b]
              - generate: {parties: 2, issues: 3, options: 3, seed: 2}
                roles: [b, c]
              - scenario: ../../scenarios/cardassian-talks.yaml
                roles: {federation: a, union: c}
              - generate: {parties: 2, issues: 3, options: 3, seed: 3}
                roles: [c, a]
            """;

    @TempDir
    static Path dir;

    static Path small;
    static Path reference;
    static CliRunner batch;

    /** The world files live in a folder two levels down, so that the small world can name ../../scenarios. */
    @BeforeAll
    static void runLocally() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        small = dir.resolve("a/b/small.yaml");
        Files.writeString(small, SMALL.replace("../../scenarios", Path.of("../scenarios").toAbsolutePath().toString()));
        reference = dir.resolve("local");
        batch = CliRunner.run(args("--threads", "1", "--out", reference.toString()));
        assertThat(batch.exitCode()).as(batch.err()).isZero();
    }

    static String[] args(String... more) {
        List<String> all = new ArrayList<>(List.of("world", WorldCommandTest.SECTOR, small.toString(), "--seeds", "1..4"));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The tables a batch prints, without the line that says how long it took. */
    static String tables(String out) {
        return out.substring(out.indexOf("\n\n") + 2);
    }

    @Test
    void aBatchPrintsWhatEachWorldPrintsAloneInPlanOrder() throws IOException {
        assertThat(batch.err()).contains("worlds: 2 worlds × 4 seeds = 8 runs on 1 thread");
        assertThat(batch.out()).startsWith("8 world runs (8 run now; 64 negotiations) in ")
                .contains("mean over 4 seeds:").contains("wrote runs.csv and means.csv in " + reference);
        List<String> csv = Files.readAllLines(reference.resolve("runs.csv"));
        assertThat(csv.get(0)).isEqualTo("run,world,file,seed,power,strategy,honours,welfare,negotiations,agreements,"
                + "honoured,breached,trust");
        assertThat(csv).hasSize(1 + 4 * 5 + 4 * 3);
        List<String> rows = batch.out().lines().filter(l -> l.matches("(sector|small) +\\d+ .*")).toList();
        assertThat(rows).hasSize(32);
        int k = 0;
        for (String file : List.of(WorldCommandTest.SECTOR, small.toString())) {
            for (int seed = 1; seed <= 4; seed++) {
                CliRunner alone = CliRunner.run("world", file, "--seed", String.valueOf(seed), "--no-record");
                assertThat(alone.exitCode()).as(alone.err()).isZero();
                // power honours welfare negotiations agreements honoured breached standing, as the batch has them
                for (String line : WorldCommandTest.table(alone.out()).lines().skip(1).toList()) {
                    String[] a = line.trim().split(" +");
                    String[] b = rows.get(k++).trim().split(" +");
                    assertThat(b[1]).isEqualTo(String.valueOf(seed));
                    assertThat(List.of(b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9]))
                            .as("%s seed %d", file, seed).isEqualTo(List.of(a));
                }
            }
        }
        // The small world's seeds differ, so a mix-up of seeds would show.
        assertThat(rows.subList(20, 32).stream().map(l -> l.replaceAll("^small +\\d+ +", "")).distinct().count())
                .isGreaterThan(3);
    }

    @Test
    void threadsDoNotChangeABytesOfTheFiles() throws IOException {
        Path out = dir.resolve("three");
        CliRunner three = CliRunner.run(args("--threads", "3", "--out", out.toString()));
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("runs.csv")));
        assertThat(Files.readAllBytes(out.resolve("means.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("means.csv")));
        assertThat(tables(three.out()).replace(out.toString(), "DIR"))
                .isEqualTo(tables(batch.out()).replace(reference.toString(), "DIR"));
    }

    @Test
    void anInterruptedBatchResumesFromItsFolder() throws IOException {
        Path cut = dir.resolve("cut");
        Files.createDirectories(cut);
        List<String> lines = Files.readAllLines(reference.resolve("runs.csv"));
        // Two whole runs of the sector, two rows of the third, and a line cut short by the kill.
        Files.writeString(cut.resolve("runs.csv"), String.join("\n", lines.subList(0, 13)) + "\n"
                + lines.get(13).substring(0, 12));
        CliRunner resumed = CliRunner.run(args("--threads", "2", "--out", cut.toString(), "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("8 runs on 2 threads; 2 already done");
        assertThat(resumed.out()).startsWith("8 world runs (6 run now, 2 before; 40 negotiations)");
        assertThat(Files.readAllBytes(cut.resolve("runs.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("runs.csv")));
        assertThat(tables(resumed.out()).replace(cut.toString(), "DIR"))
                .isEqualTo(tables(batch.out()).replace(reference.toString(), "DIR"));

        // Other seeds than the folder's: refused, naming the line.
        CliRunner other = CliRunner.run("world", WorldCommandTest.SECTOR, small.toString(), "--seeds", "2..5", "--out",
                cut.toString(), "--resume");
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("runs.csv:2: run 1 is sector").contains("with seed 1")
                .contains("this batch's run 1 is sector").contains("with seed 2");
        CliRunner again = CliRunner.run(args("--out", cut.toString()));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("runs.csv is there already; carry those runs on with --resume");
    }

    @Test
    void mistakesAreOneLineErrorsNamingTheFlag() {
        String sector = WorldCommandTest.SECTOR;
        assertError(CliRunner.run("world", sector, "--seeds", "5..3"), "--seeds (5..3): the range 5..3 runs backwards");
        assertError(CliRunner.run("world", sector, "--seeds", "1..x"), "--seeds (1..x): (1..x) is not a seed or a range");
        assertError(CliRunner.run("world", sector, "--seeds", "1..3,2"), "--seeds (1..3,2): the seed 2 is given twice");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2000000"), "has more than 1000000 seeds");
        assertError(CliRunner.run("world", sector, "--seed", "2", "--seeds", "1..3"), "--seed and --seeds both give");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2", "--negotiations"), "--negotiations lists one world's");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2", "--stop-after", "3"), "--stop-after stops one world");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2", "--resume", "world:sector:1"),
                "--resume world:sector:1: a batch of worlds is carried on from its folder");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2", "--resume"), "--resume carries a batch");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2", "--threads", "0"), "--threads (0): expected at least 1");
        assertError(CliRunner.run("world", sector, "--seeds", "1..2", "--db", "x.db"), "--db: a batch of worlds records nothing");
        assertError(CliRunner.run("world", sector, "--threads", "2", "--no-record"), "--threads runs many worlds at once");
        assertError(CliRunner.run("world", sector, "--cluster", "127.0.0.1:5701", "--no-record"),
                "--cluster spreads many worlds");
        CliRunner missing = CliRunner.run("world", sector, "no-such-world.yaml", "--seeds", "1..2");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("no-such-world.yaml").doesNotContain("at org.");
    }

    static void assertError(CliRunner run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains(message);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    }
}

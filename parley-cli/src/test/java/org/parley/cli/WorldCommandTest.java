package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldCommandTest {

    static final String SECTOR = "../worlds/sector.yaml";

    @TempDir
    Path dir;

    @Test
    void theSectorRunsRecordsAndPlots() throws Exception {
        String db = dir.resolve("w.db").toString();
        CliRunner first = CliRunner.run("world", SECTOR, "--seed", "3", "--db", db, "--out", dir.toString(),
                "--negotiations");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("world sector (seed 3): 12 negotiations among 5 powers")
                .contains("federation").contains("when-it-pays").contains("standing")
                .contains("tavrik-accord").contains("recorded 12 negotiations: parley history --world world:sector:3");
        assertThat(dir.resolve("trust.svg")).exists();
        assertThat(dir.resolve("welfare.png")).exists();
        CliRunner again = CliRunner.run("world", SECTOR, "--seed", "3", "--db", db, "--no-record");
        // Same seed, same table (the timing line aside).
        assertThat(table(again.out())).isEqualTo(table(first.out()));
        CliRunner history = CliRunner.run("history", "--db", db, "--world", "world:sector:3", "--limit", "50");
        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out()).contains("world").contains("cardassian-talks");
    }

    @Test
    void anInterruptedWorldResumesFromTheDatabaseAndEndsAsAnUninterruptedOne() throws Exception {
        CliRunner whole = CliRunner.run("world", SECTOR, "--seed", "4", "--db", dir.resolve("whole.db").toString(),
                "--negotiations");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        String db = dir.resolve("parts.db").toString();
        CliRunner first = CliRunner.run("world", SECTOR, "--seed", "4", "--db", db, "--stop-after", "5");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("stopped after negotiation 5 of 12 (5 played now, 5 recorded)")
                .contains("--resume world:sector:4").doesNotContain("standing");
        // By id: the seed comes from it.
        CliRunner second = CliRunner.run("world", SECTOR, "--resume", "world:sector:4", "--db", db, "--stop-after", "3");
        assertThat(second.out()).as(second.err()).contains("stopped after negotiation 8 of 12 (3 played now");
        CliRunner last = CliRunner.run("world", SECTOR, "--seed", "4", "--resume", "--db", db, "--negotiations");
        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.out()).contains("resumed world:sector:4: 8 negotiations taken from the database, 4 played now")
                .contains("recorded 4 negotiations");
        assertThat(table(last.out())).isEqualTo(table(whole.out()));
        assertThat(list(last.out())).isEqualTo(list(whole.out()));
        CliRunner history = CliRunner.run("history", "--db", db, "--world", "world:sector:4", "--limit", "50");
        assertThat(history.out().lines().filter(l -> l.contains("world")).count()).isEqualTo(12);
    }

    @Test
    void aResumeRefusesRecordsTheWorldFileNoLongerGives() throws Exception {
        Path world = dir.resolve("w.yaml");
        String text = """
                name: w
                powers:
                  a: {honour: never}
                  b: {}
                negotiations:
                  - generate: {parties: 2, issues: 3, options: 3, seed: %d}
                    roles: [a, b]
                  - generate: {parties: 2, issues: 3, options: 3, seed: 2}
                    roles: [b, a]
                """;
        Files.writeString(world, text.formatted(1));
        String db = dir.resolve("w.db").toString();
        assertThat(CliRunner.run("world", world.toString(), "--db", db, "--stop-after", "1").exitCode()).isZero();
        Files.writeString(world, text.formatted(9));
        CliRunner resumed = CliRunner.run("world", world.toString(), "--db", db, "--resume");
        assertThat(resumed.exitCode()).isNotZero();
        assertThat(resumed.err()).contains("negotiation 1 of world:w:1").contains("the world file changed since");
        CliRunner wrongId = CliRunner.run("world", world.toString(), "--db", db, "--resume", "world:sector:1");
        assertThat(wrongId.err()).contains("not a run of the world w");
    }

    static String list(String out) {
        int start = out.indexOf("#  ");
        return out.substring(start, out.indexOf("recorded ", start)).strip();
    }

    static String table(String out) {
        int start = out.indexOf("power ");
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end).strip();
    }

    @Test
    void mistakesNameTheFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                powers:
                  a: {honour: sometimes}
                negotiations:
                  - generate: {parties: 2}
                    roles: [a, a]
                """);
        CliRunner result = CliRunner.run("world", bad.toString(), "--no-record");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("bad.yaml:3").contains("expected always, never or when-it-pays");
        Files.writeString(bad, """
                name: bad
                powers:
                  a: {}
                  b: {}
                negotiations:
                  - generate: {parties: 2}
                    roles: [a, c]
                """);
        CliRunner unknown = CliRunner.run("world", bad.toString(), "--no-record");
        assertThat(unknown.err()).contains("bad.yaml:7").contains("unknown power (c)");
    }
}

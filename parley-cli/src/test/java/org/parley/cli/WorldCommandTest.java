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

package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cluster.ClusterMember;

/** {@code parley world ... --seeds A..B --cluster} and {@code parley worker}: the same files as a local batch. */
class WorldClusterTest {

    private static final String[] BATCH = {"world", WorldCommandTest.SECTOR, "--seeds", "1..9"};

    @TempDir
    static Path dir;

    static Path reference;
    static CliRunner local;

    @BeforeAll
    static void runLocally() {
        reference = dir.resolve("local");
        local = CliRunner.run(TournamentClusterTest.concat(BATCH, "--threads", "1", "--out", reference.toString()));
        assertThat(local.exitCode()).as(local.err()).isZero();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void threeMembersWriteTheFilesOfALocalRun() throws IOException {
        int port = 16901;
        String name = "parley-cli-" + UUID.randomUUID();
        Path out = dir.resolve("cluster");
        try (ClusterMember first = TournamentClusterTest.member(name, port);
                ClusterMember second = TournamentClusterTest.member(name, port)) {
            CliRunner run = CliRunner.run(TournamentClusterTest.concat(BATCH, "--cluster",
                    TournamentClusterTest.members(port), "--cluster-name", name, "--cluster-port", String.valueOf(port),
                    "--threads", "1", "--out", out.toString()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("9 runs on cluster " + name + ", 3 members (").contains("world runs per member: ");
            assertThat(run.out()).startsWith("9 world runs (9 run now; 108 negotiations) in ").contains("per second on 3 members");
            assertThat(first.worldRuns() + second.worldRuns()).isPositive();
            assertThat(WorldRunsTest.tables(run.out()).replace(out.toString(), "DIR"))
                    .isEqualTo(WorldRunsTest.tables(local.out()).replace(reference.toString(), "DIR"));
        }
        assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("runs.csv")));
        assertThat(Files.readAllBytes(out.resolve("means.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("means.csv")));
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWorkerServesWorldRunsUntilStopped() throws Exception {
        int port = 16921;
        String name = "parley-cli-" + UUID.randomUUID();
        String members = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1);
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName(), "worker", "--cluster", members,
                "--cluster-name", name, "--cluster-port", String.valueOf(port), "--threads", "1")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).startsWith("worker 127.0.0.1:" + port + " in cluster " + name + ", 1 members");
            Path out = dir.resolve("with-worker");
            CliRunner run = CliRunner.run(TournamentClusterTest.concat(BATCH, "--cluster", members, "--cluster-name", name,
                    "--cluster-port", String.valueOf(port), "--threads", "1", "--out", out.toString()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("world runs per member: ");
            assertThat(Files.readAllBytes(out.resolve("runs.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("runs.csv")));
            assertThat(lines.readLine()).contains("joined 127.0.0.1:" + (port + 1));
            assertThat(lines.readLine()).contains("left 127.0.0.1:" + (port + 1));
            worker.toHandle().destroy();
            StringBuilder rest = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest).containsPattern("worker 127.0.0.1:" + port
                    + " left the cluster after playing 0 negotiations and [1-9]\\d* world runs?");
        } finally {
            worker.destroyForcibly();
        }
    }

    @Test
    void aClusterThatCannotBeJoinedLeavesNoFile() {
        Path out = dir.resolve("never");
        CliRunner alone = CliRunner.run(TournamentClusterTest.concat(BATCH, "--cluster", "127.0.0.1:16999",
                "--cluster-port", "16941", "--cluster-name", "parley-cli-" + UUID.randomUUID(), "--cluster-wait", "1s",
                "--out", out.toString()));
        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(2);
        assertThat(alone.err()).contains("No member of cluster").contains("127.0.0.1:16999");
        assertThat(out).doesNotExist();
        CliRunner bad = CliRunner.run(TournamentClusterTest.concat(BATCH, "--cluster", "127.0.0.1:57o1"));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("error: --cluster (127.0.0.1:57o1): the port (57o1) is not a number");
    }
}

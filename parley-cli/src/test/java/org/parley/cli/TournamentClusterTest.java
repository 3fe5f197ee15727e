package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.cluster.ClusterMember;
import org.parley.cluster.ClusterSettings;
import org.parley.core.strategy.StrategyRegistry;

/** {@code parley tournament --cluster} and {@code parley worker}: the same files as a local run. */
class TournamentClusterTest {

    private static final String[] TOURNAMENT = {"tournament", "--strategies",
        "boulware,conceder,time-dependent:e=0.5,ac=const,micro", "--scenarios", "../scenarios", "--rounds", "40", "--seed",
        "7"};

    @TempDir
    static Path dir;

    static Path reference;

    @BeforeAll
    static void runLocally() {
        reference = dir.resolve("local");
        CliRunner run = CliRunner.run(args("--threads", "1", "--out", reference.toString()));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    static String[] args(String... more) {
        return concat(TOURNAMENT, more);
    }

    static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    /** results.csv without its millis column. */
    static List<String> csv(Path file) throws IOException {
        return TournamentCommandTest.timeless(file);
    }

    static String members(int port) {
        return "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1) + ",127.0.0.1:" + (port + 2);
    }

    static ClusterMember member(String name, int port) {
        return ClusterMember.start(ClusterSettings.of(members(port)).withName(name).withPort(port), new StrategyRegistry(), 1);
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void threeMembersWriteTheFilesOfALocalRun() throws IOException {
        int port = 16801;
        String name = "parley-cli-" + UUID.randomUUID();
        Path out = dir.resolve("cluster");
        try (ClusterMember first = member(name, port); ClusterMember second = member(name, port)) {
            CliRunner run = CliRunner.run(args("--cluster", members(port), "--cluster-name", name, "--cluster-port",
                    String.valueOf(port), "--threads", "1", "--out", out.toString()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("on cluster " + name + ", 3 members (").contains("played per member: ");
            assertThat(run.out()).contains("60 negotiations (60 run now)").contains("per second on 3 members");
            assertThat(first.played() + second.played()).isPositive();
        }
        // The journal in index order, as a one-thread local run writes it; every file the same bytes but
        // for the wall-clock millis and the tournament's id.
        assertThat(journal(out)).isEqualTo(journal(reference));
        assertThat(csv(out.resolve("results.csv"))).isEqualTo(csv(reference.resolve("results.csv")));
        assertThat(Files.readAllBytes(out.resolve("ranking.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("ranking.csv")));
        assertThat(withoutIds(out.resolve("summary.json"))).isEqualTo(withoutIds(reference.resolve("summary.json")));
        for (String scenario : List.of("1-cardassian-talks.yaml", "2-tavrik-accord.yaml", "3-trinity-station.yaml")) {
            assertThat(Files.readAllBytes(out.resolve("scenarios").resolve(scenario)))
                    .isEqualTo(Files.readAllBytes(reference.resolve("scenarios").resolve(scenario)));
        }
    }

    static String journal(Path folder) throws IOException {
        return Files.readString(folder.resolve("results.jsonl")).replaceAll("\"millis\":\\d+", "\"millis\":0");
    }

    static String withoutIds(Path file) throws IOException {
        return Files.readString(file).replaceAll("\"(tournament|id)\" : \"\\w+\"", "");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aTournamentResumesOnACluster() throws IOException {
        int port = 16821;
        String name = "parley-cli-" + UUID.randomUUID();
        Path cut = dir.resolve("interrupted");
        Files.createDirectories(cut);
        TournamentCommandTest.copyTree(reference.resolve("scenarios"), cut.resolve("scenarios"));
        Files.copy(reference.resolve("tournament.json"), cut.resolve("tournament.json"));
        List<String> lines = Files.readAllLines(reference.resolve("results.jsonl"));
        List<String> kept = new ArrayList<>(lines.subList(0, 10));
        kept.add(lines.get(30));
        Files.writeString(cut.resolve("results.jsonl"), String.join("\n", kept) + "\n" + lines.get(11).substring(0, 30));
        try (ClusterMember other = member(name, port)) {
            CliRunner run = CliRunner.run("tournament", "--resume", cut.toString(), "--cluster", members(port),
                    "--cluster-name", name, "--cluster-port", String.valueOf(port), "--threads", "1");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("11 already done").contains("2 members");
            assertThat(run.out()).contains("60 negotiations (49 run now, 11 before)");
        }
        assertThat(csv(cut.resolve("results.csv"))).isEqualTo(csv(reference.resolve("results.csv")));
        assertThat(Files.readAllBytes(cut.resolve("ranking.csv"))).isEqualTo(Files.readAllBytes(reference.resolve("ranking.csv")));
    }

    @Test
    void wrongClusterOptionsAreOneLineErrorsAndLeaveNoFolder() throws IOException {
        Path out = dir.resolve("never");
        CliRunner bad = CliRunner.run(args("--cluster", "127.0.0.1:57o1", "--out", out.toString()));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("error: --cluster (127.0.0.1:57o1): the port (57o1) is not a number");
        CliRunner both = CliRunner.run(args("--cluster", "127.0.0.1:5701", "--cluster-config", "x.yaml", "--out",
                out.toString()));
        assertThat(both.err()).contains("give one");
        Path broken = dir.resolve("hazelcast.yaml");
        Files.writeString(broken, "hazelcast:\n  network:\n    port: [\n");
        CliRunner config = CliRunner.run(args("--cluster-config", broken.toString(), "--out", out.toString()));
        assertThat(config.exitCode()).isEqualTo(2);
        assertThat(config.err()).startsWith("error: --cluster-config " + broken);
        // Nobody at the address named, and this member is not there either: an error after the wait.
        CliRunner alone = CliRunner.run(args("--cluster", "127.0.0.1:16899", "--cluster-port", "16841",
                "--cluster-name", "parley-cli-" + UUID.randomUUID(), "--cluster-wait", "1s", "--out", out.toString()));
        assertThat(alone.exitCode()).as(alone.err()).isEqualTo(2);
        assertThat(alone.err()).contains("No member of cluster").contains("127.0.0.1:16899").contains("within 1 s");
        assertThat(out).doesNotExist();
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aWorkerServesATournamentUntilStopped() throws Exception {
        int port = 16861;
        String name = "parley-cli-" + UUID.randomUUID();
        String members = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1);
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ParleyCommand.class.getName(), "worker", "--cluster", members,
                "--cluster-name", name, "--cluster-port", String.valueOf(port), "--threads", "1")
                .redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertThat(first).startsWith("worker 127.0.0.1:" + port + " in cluster " + name + ", 1 members");
            Path out = dir.resolve("with-worker");
            CliRunner run = CliRunner.run(args("--cluster", members, "--cluster-name", name, "--cluster-port",
                    String.valueOf(port), "--threads", "1", "--out", out.toString()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("played per member: ").contains("127.0.0.1:" + port + " ");
            assertThat(csv(out.resolve("results.csv"))).isEqualTo(csv(reference.resolve("results.csv")));
            assertThat(lines.readLine()).contains("joined 127.0.0.1:" + (port + 1));
            assertThat(lines.readLine()).contains("left 127.0.0.1:" + (port + 1));
            // SIGTERM: the worker leaves the cluster and says what it played (Process.destroy would close its output)
            worker.toHandle().destroy();
            StringBuilder rest = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rest.append(line).append('\n');
            }
            assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(rest).containsPattern("worker 127.0.0.1:" + port + " left the cluster after playing [1-9]\\d* negotiations");
        } finally {
            worker.destroyForcibly();
        }
    }
}

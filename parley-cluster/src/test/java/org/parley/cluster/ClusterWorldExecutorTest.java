package org.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.world.World;
import org.parley.core.world.WorldBatch;
import org.parley.core.world.WorldSummary;
import org.parley.io.world.WorldReader;

class ClusterWorldExecutorTest {

    /** Ports of their own, apart from the tournament tests', and a cluster name per test. */
    private static final int PORT = 15901;

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
              - scenario: cardassian.yaml
                roles: {federation: a, union: c}
              - generate: {parties: 2, issues: 3, options: 3, seed: 3}
                roles: [c, a]
            """;

    @TempDir
    Path dir;

    List<Path> files() throws IOException {
        Path small = dir.resolve("small.yaml");
        Files.writeString(small, SMALL);
        Files.copy(Path.of("../scenarios/cardassian-talks.yaml"), dir.resolve("cardassian.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        return List.of(Path.of("../worlds/sector.yaml"), small);
    }

    static WorldBatch batch(List<Path> files, int seeds) {
        List<World> worlds = files.stream().map(WorldReader::read).toList();
        return new WorldBatch(worlds, LongStream.rangeClosed(1, seeds).boxed().toList());
    }

    static List<WorldSummary> local(WorldBatch batch) throws InterruptedException {
        List<WorldSummary> out = new ArrayList<>();
        WorldBatch.onThreads(1).run(batch, batch.runs(), out::add);
        return out;
    }

    @Test
    void aWorldFileTravelsAsTextAndReadsBackAsTheSameWorld() throws IOException {
        for (Path file : files()) {
            WorldFile travelled = WorldFile.read(file);
            assertThat(travelled.world()).isEqualTo(WorldReader.read(file));
        }
        assertThat(WorldFile.read(files().get(1)).scenarios()).containsOnlyKeys("cardassian.yaml");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threeMembersGiveTheSummariesOfALocalRunInPlanOrder() throws Exception {
        List<Path> files = files();
        WorldBatch batch = batch(files, 6);
        List<WorldSummary> expected = local(batch);
        assertThat(expected.subList(6, 12).stream().map(WorldSummary::totals).distinct().count()).isGreaterThan(1);
        String name = "parley-test-" + UUID.randomUUID();
        try (ClusterMember a = ClusterMember.start(ClusterMatchExecutorTest.settings(name, PORT), new StrategyRegistry(), 1);
                ClusterMember b = ClusterMember.start(ClusterMatchExecutorTest.settings(name, PORT), new StrategyRegistry(), 1);
                ClusterMember c = ClusterMember.start(ClusterMatchExecutorTest.settings(name, PORT), new StrategyRegistry(), 1)) {
            assertThat(a.size()).isEqualTo(3);
            ClusterWorldExecutor executor = new ClusterWorldExecutor(a, files.stream().map(WorldFile::read).toList(), 1);
            List<WorldSummary> results = new ArrayList<>();
            int ran = executor.run(batch, batch.runs(), results::add);
            assertThat(ran).isEqualTo(batch.size());
            assertThat(results).isEqualTo(expected);
            assertThat(executor.doneByMember()).hasSize(3);
            assertThat(executor.doneByMember().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(batch.size());
            assertThat(b.worldRuns() + c.worldRuns()).isPositive();
            assertThat(b.played() + c.played()).as("negotiations of tournaments").isZero();
            // A part of the plan, as a resume asks for it.
            List<WorldSummary> part = new ArrayList<>();
            executor.run(batch, List.of(2, 7, 11), part::add);
            assertThat(part).containsExactly(expected.get(2), expected.get(7), expected.get(11));
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aMemberKilledMidRunLosesNothing() throws Exception {
        List<Path> files = files();
        WorldBatch batch = batch(files, 30);
        List<WorldSummary> expected = local(batch);
        String name = "parley-test-" + UUID.randomUUID();
        int port = PORT + 20;
        String members = "127.0.0.1:" + port + ",127.0.0.1:" + (port + 1);
        ClusterSettings settings = ClusterSettings.of(members).withName(name).withPort(port);
        try (ClusterMember coordinator = ClusterMember.start(settings, new StrategyRegistry(), 1)) {
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), name, members,
                    String.valueOf(port), "1").redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).as("the worker's first line").startsWith("member ");
                String workerAddress = line.substring("member ".length());
                long waited = System.nanoTime();
                while (coordinator.size() < 2 && System.nanoTime() - waited < 30_000_000_000L) {
                    Thread.sleep(50);
                }
                assertThat(coordinator.size()).isEqualTo(2);
                ClusterWorldExecutor executor = new ClusterWorldExecutor(coordinator,
                        files.stream().map(WorldFile::read).toList(), 2);
                List<WorldSummary> results = new ArrayList<>();
                AtomicBoolean killed = new AtomicBoolean();
                // Killed as soon as it has played some runs: it then holds more (the coordinator refills
                // a member's slots as its results come back), not at a delivery, which waits for the
                // runs before it and may come when the worker has nothing left to do.
                Thread killer = new Thread(() -> {
                    try {
                        while (executor.doneByMember().getOrDefault(workerAddress, 0) < 2) {
                            Thread.sleep(2);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    killed.set(true);
                    worker.destroyForcibly(); // SIGKILL: no goodbye to the cluster
                });
                killer.setDaemon(true);
                killer.start();
                int ran = executor.run(batch, batch.runs(), results::add);
                killer.join(1000);
                assertThat(killed).isTrue();
                assertThat(ran).isEqualTo(batch.size());
                assertThat(results).isEqualTo(expected);
                assertThat(executor.resent()).as("batches the killed member held, sent again").isPositive();
            } finally {
                worker.destroyForcibly();
                worker.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

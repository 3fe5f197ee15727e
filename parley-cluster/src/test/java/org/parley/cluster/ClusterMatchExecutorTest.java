package org.parley.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationRecord;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.tournament.MatchResult;
import org.parley.core.tournament.TournamentPlan;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.ScenarioReader;

class ClusterMatchExecutorTest {

    /** Ports far from Hazelcast's default, and a cluster name per test, so that no other cluster on the machine joins. */
    private static final int PORT = 15801;

    static TournamentPlan plan(int repetitions) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String name : List.of("cardassian-talks", "tavrik-accord", "trinity-station")) {
            scenarios.add(ScenarioReader.read(Path.of("../scenarios/" + name + ".yaml")));
        }
        List<StrategySpec> strategies = List.of(StrategySpec.parse("boulware"), StrategySpec.parse("conceder"),
                StrategySpec.parse("time-dependent:e=0.5,ac=const"), StrategySpec.parse("micro"));
        return new TournamentPlan(scenarios, strategies, repetitions, false, "sao", Deadline.rounds(40),
                Duration.ofSeconds(1), 7);
    }

    /** A result without its wall-clock time, the one figure that differs between runs. */
    static MatchResult timeless(MatchResult r) {
        return new MatchResult(r.match(), r.scenario(), r.parties(), r.strategies(), r.agreement(), r.ending(), r.rounds(),
                r.time(), 0, r.utilities(), r.discounted(), r.reservations(), r.socialWelfare(), r.distancePareto(),
                r.distances(), r.finalOffer(), r.misbehaviours());
    }

    static List<MatchResult> local(TournamentPlan plan) throws InterruptedException {
        List<MatchResult> results = new ArrayList<>();
        new TournamentRunner(plan, new StrategyRegistry()).run(Set.of(), 1, (r, log) -> results.add(timeless(r)));
        return results;
    }

    static ClusterSettings settings(String name, int port) {
        return ClusterSettings.of("127.0.0.1:" + port + ",127.0.0.1:" + (port + 1) + ",127.0.0.1:" + (port + 2))
                .withName(name).withPort(port);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void threeMembersGiveTheResultsOfALocalRunInIndexOrder() throws Exception {
        TournamentPlan plan = plan(2);
        List<MatchResult> expected = local(plan);
        String name = "parley-test-" + UUID.randomUUID();
        try (ClusterMember a = ClusterMember.start(settings(name, PORT), new StrategyRegistry(), 1);
                ClusterMember b = ClusterMember.start(settings(name, PORT), new StrategyRegistry(), 1);
                ClusterMember c = ClusterMember.start(settings(name, PORT), new StrategyRegistry(), 1)) {
            assertThat(a.size()).isEqualTo(3);
            ClusterMatchExecutor executor = new ClusterMatchExecutor(a, true, 3);
            List<MatchResult> results = new ArrayList<>();
            List<NegotiationRecord> logs = new ArrayList<>();
            TournamentRunner runner = new TournamentRunner(plan, new StrategyRegistry());
            int ran = runner.run(Set.of(), executor, (r, log) -> {
                results.add(timeless(r));
                logs.add(log);
            });
            assertThat(ran).isEqualTo(plan.size());
            assertThat(results).isEqualTo(expected);
            // Every member played its share, and the logs came back whole.
            assertThat(executor.doneByMember()).hasSize(3);
            assertThat(executor.doneByMember().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(plan.size());
            assertThat(b.played() + c.played()).isPositive();
            for (int i = 0; i < logs.size(); i++) {
                assertThat(logs.get(i).result()).isEqualTo(runner.play(plan.matches().get(i)).result());
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aResumedRunSkipsWhatIsDoneAndAStoppedOneKeepsWhatCameBackInOrder() throws Exception {
        TournamentPlan plan = plan(1);
        List<MatchResult> expected = local(plan);
        String name = "parley-test-" + UUID.randomUUID();
        try (ClusterMember a = ClusterMember.start(settings(name, PORT + 10), new StrategyRegistry(), 2)) {
            TournamentRunner runner = new TournamentRunner(plan, new StrategyRegistry());
            List<MatchResult> results = new ArrayList<>();
            runner.run(Set.of(0, 5, 59), new ClusterMatchExecutor(a, false, 4), (r, log) -> {
                assertThat(log).isNull();
                results.add(timeless(r));
            });
            List<MatchResult> rest = new ArrayList<>(expected);
            rest.remove(59);
            rest.remove(5);
            rest.remove(0);
            assertThat(results).isEqualTo(rest);

            TournamentRunner stopping = new TournamentRunner(plan, new StrategyRegistry());
            List<Integer> kept = new ArrayList<>();
            stopping.run(Set.of(), new ClusterMatchExecutor(a, false, 2), (r, log) -> {
                kept.add(r.index());
                stopping.stop();
            });
            assertThat(kept).isNotEmpty().isSorted().hasSizeLessThan(plan.size());
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aMemberKilledMidRunLosesNothing() throws Exception {
        TournamentPlan plan = plan(12);
        List<MatchResult> expected = local(plan);
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
                ClusterMatchExecutor executor = new ClusterMatchExecutor(coordinator, false, 3);
                List<MatchResult> results = new ArrayList<>();
                AtomicBoolean killed = new AtomicBoolean();
                int ran = new TournamentRunner(plan, new StrategyRegistry()).run(Set.of(), executor, (r, log) -> {
                    results.add(timeless(r));
                    // Killed once it has played some of the work and holds more of it.
                    if (!killed.get() && executor.doneByMember().getOrDefault(workerAddress, 0) >= 6) {
                        killed.set(true);
                        worker.destroyForcibly(); // SIGKILL: no goodbye to the cluster
                    }
                });
                assertThat(killed).isTrue();
                assertThat(ran).isEqualTo(plan.size());
                assertThat(results).isEqualTo(expected);
                assertThat(executor.resent()).as("batches the killed member held, sent again").isPositive();
                assertThat(coordinator.size()).isEqualTo(1);
            } finally {
                worker.destroyForcibly();
                worker.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}

package org.parley.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.strategy.StrategyRegistry;
import org.parley.core.tournament.TournamentPlan;
import org.parley.core.tournament.TournamentRunner;
import org.parley.io.ScenarioReader;

/**
 * Negotiations per second of whole tournaments, as {@code parley tournament} runs them (analysis of
 * each scenario once, bid spaces shared, stacked alternating offers, 100-round deadlines), on
 * {@code threads} threads. The score is negotiations per second (one operation = one negotiation).
 *
 * <ul>
 *   <li>{@code roundRobinBuiltIn}: 6 strategies on the three built-in scenarios, every assignment
 *       of distinct strategies to roles: 30 + 120 + 360 = 510 negotiations.
 *   <li>{@code timeDependent1000}: 3 time-dependent strategies (Boulware e = 0.2, linear, conceder
 *       e = 2) on a generated two-party scenario of 3 issues × 10 options (10^3 outcomes), every
 *       ordered pair of distinct strategies, 50 repetitions: 300 negotiations. The NegMAS reference
 *       on this set-up, measured on the same machine, is 17.5 negotiations per second (28 on both
 *       cores).
 * </ul>
 *
 * {@code limit} is the move time limit: "1s" (the default of the CLI: each negotiation runs on a
 * watched worker thread) or "none" (the strategies run in the calling thread). Run from the
 * repository root, so that scenarios/ is found.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class TournamentBenchmark {

    @Param({"1", "2"})
    public int threads;

    @Param({"1s", "none"})
    public String limit;

    private TournamentPlan builtIn;
    private TournamentPlan thousand;

    @Setup(Level.Trial)
    public void setUp() {
        Duration moveLimit = limit.equals("none") ? null : Duration.ofSeconds(1);
        Path dir = scenarios();
        List<Scenario> scenarios = List.of(ScenarioReader.read(dir.resolve("cardassian-talks.yaml")),
                ScenarioReader.read(dir.resolve("tavrik-accord.yaml")),
                ScenarioReader.read(dir.resolve("trinity-station.yaml")));
        builtIn = new TournamentPlan(scenarios, specs("boulware", "conceder", "linear", "tit-for-tat", "micro",
                "frequency"), 1, false, "sao", Deadline.rounds(100), moveLimit, 1);
        Scenario generated = ScenarioGenerator.generate(new ScenarioGenerator.Settings(2, 3, 10, 1));
        thousand = new TournamentPlan(List.of(generated), specs("time-dependent:e=0.2", "time-dependent:e=1",
                "time-dependent:e=2"), 50, false, "sao", Deadline.rounds(100), moveLimit, 1);
        if (builtIn.size() != 510 || thousand.size() != 300) {
            throw new IllegalStateException("Unexpected tournament sizes " + builtIn.size() + ", " + thousand.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(510)
    public int roundRobinBuiltIn() throws InterruptedException {
        return run(builtIn);
    }

    @Benchmark
    @OperationsPerInvocation(300)
    public int timeDependent1000() throws InterruptedException {
        return run(thousand);
    }

    private int run(TournamentPlan plan) throws InterruptedException {
        // A fresh runner per tournament, as the CLI does: the per-scenario analysis is part of the cost.
        AtomicInteger agreements = new AtomicInteger();
        new TournamentRunner(plan, new StrategyRegistry()).run(new HashSet<>(), threads, (result, record) -> {
            if (result.agreement()) {
                agreements.incrementAndGet();
            }
        });
        return agreements.get();
    }

    private static List<StrategySpec> specs(String... names) {
        return java.util.Arrays.stream(names).map(StrategySpec::parse).toList();
    }

    private static Path scenarios() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scenarios/cardassian-talks.yaml"))) {
                return dir.resolve("scenarios");
            }
        }
        throw new IllegalStateException("Run from the Parley repository: scenarios/ not found above "
                + Path.of("").toAbsolutePath());
    }
}

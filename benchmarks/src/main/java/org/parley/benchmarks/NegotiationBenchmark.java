package org.parley.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parley.core.engine.BidSpaceCache;
import org.parley.core.engine.Negotiation;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.negotiation.Deadline;
import org.parley.core.negotiation.NegotiationSettings;
import org.parley.core.negotiation.Result;
import org.parley.core.negotiation.StrategySpec;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.strategy.StrategyRegistry;

/**
 * Negotiation rounds per second under stacked alternating offers, time-dependent strategies
 * (Boulware against conceders), 1,000-round deadline, on a 10^4-outcome space (4 issues × 10
 * options) and a 10^10-outcome space (10 × 10), with 2 and 4 parties. One operation is one whole
 * negotiation; the {@code rounds} counter is the figure to read. Bid spaces are built once per
 * party (as a tournament would) and shared by all negotiations. {@code guarded} runs with the
 * default 1 s move time limit (strategies on a watched worker thread).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar NegotiationBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NegotiationBenchmark {

    @State(Scope.Benchmark)
    public static class Table {

        @Param({"2", "4"})
        int parties;

        @Param({"10^4", "10^10"})
        String outcomes;

        @Param({"false", "true"})
        boolean guarded;

        Scenario scenario;
        NegotiationSettings settings;
        StrategyRegistry registry;
        BidSpaceCache cache;

        @Setup(Level.Trial)
        public void setUp() {
            int issues = outcomes.equals("10^4") ? 4 : 10;
            scenario = scenario(42, parties, issues, 10);
            Map<String, StrategySpec> strategies = new LinkedHashMap<>();
            for (int p = 0; p < parties; p++) {
                strategies.put("p" + p, StrategySpec.parse(p == 0 ? "boulware" : p % 2 == 1 ? "conceder" : "linear"));
            }
            settings = new NegotiationSettings("sao", Deadline.rounds(1000), strategies, 7,
                    guarded ? Duration.ofSeconds(1) : null);
            registry = new StrategyRegistry();
            cache = new BidSpaceCache();
            Negotiation.start(scenario, settings, registry, cache).run();
        }
    }

    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long rounds;

        @Setup(Level.Iteration)
        public void reset() {
            rounds = 0;
        }
    }

    @Benchmark
    public Result negotiate(Table table, Counters counters) {
        Result result = Negotiation.start(table.scenario, table.settings, table.registry, table.cache).run();
        counters.rounds += result.rounds();
        return result;
    }

    /** Random linear additive parties with points 0..100 per option, reservation 0.3, fixed seed. */
    static Scenario scenario(long seed, int parties, int issues, int values) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Issue> list = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            List<String> options = new ArrayList<>();
            for (int k = 0; k < values; k++) {
                options.add("v" + k);
            }
            list.add(new DiscreteIssue("issue" + i, options));
        }
        Domain domain = new Domain(list);
        List<Party> result = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            double[][] points = new double[issues][values];
            double scale = 0;
            for (double[] row : points) {
                double max = 0;
                for (int k = 0; k < values; k++) {
                    row[k] = random.nextInt(101);
                    max = Math.max(max, row[k]);
                }
                scale += max;
            }
            result.add(new Party("p" + p, "", new Preferences(LinearAdditiveUtility.fromPoints(domain, points, scale),
                    List.of(), 0.3, Discount.NONE), null));
        }
        return new Scenario("benchmark-" + issues + "x" + values, "", domain, result, null, null);
    }
}

package org.parley.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.parley.core.analysis.Analysis;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.IssueWiseParetoFrontier;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.analysis.ParetoFrontier;
import org.parley.core.generate.ScenarioGenerator;

/**
 * The issue-wise Pareto frontier and the full analysis (frontier, bargaining points, exact
 * acceptable count) on generated scenarios with fixed seeds: 2 parties × 12 issues × 10 options
 * (10^12 outcomes) and 3 parties × 8 issues × 10 options (10^8 outcomes). {@code reservation} is
 * the largest random reservation value (0: none; 0.5: reservations that bind the count);
 * {@code constraints} the number of random hard constraints.
 * Run with -Xmx2g (set by @Fork) to show that memory stays under 2 GiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class ParetoFrontierBenchmark {

    /** parties x issues x options; "-opposed": party 2 values each option about as party 1 does not. */
    @Param({"2x12x10", "3x8x10", "2x12x10-opposed", "3x8x10-opposed"})
    public String shape;

    @Param({"0", "0.5"})
    public double reservation;

    /** Random hard constraints; each couples up to two issues into one block. */
    @Param({"0", "4"})
    public int constraints;

    @Param({"1"})
    public long seed;

    private AnalysisProblem problem;

    @Setup(Level.Trial)
    public void setUp() {
        boolean opposed = shape.endsWith("-opposed");
        String[] parts = shape.replace("-opposed", "").split("x");
        var settings = new ScenarioGenerator.Settings(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), seed, reservation, constraints);
        Scenario scenario = ScenarioGenerator.generate(settings);
        problem = AnalysisProblem.of(opposed ? oppose(scenario, seed) : scenario);
    }

    /**
     * Independent random preferences give small frontiers (tens of points); interests that pull
     * apart give large ones, the hard case: party 2's value of each option becomes 1 − party 1's,
     * give or take 0.05.
     */
    static Scenario oppose(Scenario scenario, long seed) {
        Random random = new Random(seed);
        Party first = scenario.parties().get(0);
        Party second = scenario.parties().get(1);
        LinearAdditiveUtility u1 = (LinearAdditiveUtility) first.preferences().utility();
        LinearAdditiveUtility u2 = (LinearAdditiveUtility) second.preferences().utility();
        List<ValueFunction> functions = new ArrayList<>();
        for (int i = 0; i < scenario.domain().size(); i++) {
            double[] values = ((DiscreteValueFunction) u1.valueFunction(i)).values();
            for (int k = 0; k < values.length; k++) {
                values[k] = Math.min(1, Math.max(0, 1 - values[k] + (random.nextDouble() - 0.5) / 10));
            }
            functions.add(new DiscreteValueFunction(values));
        }
        Preferences old = second.preferences();
        Party opposed = new Party(second.name(), second.role(), new Preferences(
                new LinearAdditiveUtility(scenario.domain(), u2.weights(), functions), old.constraints(), old.reservation(),
                old.discount()), second.strategy());
        List<Party> parties = new ArrayList<>(scenario.parties());
        parties.set(1, opposed);
        return new Scenario(scenario.name(), scenario.description(), scenario.domain(), parties, scenario.agreement(),
                scenario.coalition());
    }

    @Benchmark
    public ParetoFrontier frontier() {
        return new IssueWiseParetoFrontier().frontier(problem);
    }

    @Benchmark
    public Analysis analyze() {
        return OutcomeAnalyzer.analyze(problem, 20);
    }
}

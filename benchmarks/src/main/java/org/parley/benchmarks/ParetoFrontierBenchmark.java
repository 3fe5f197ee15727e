package org.parley.benchmarks;

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

    @Param({"2x12x10", "3x8x10"})
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
        String[] parts = shape.split("x");
        var settings = new ScenarioGenerator.Settings(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]), seed, reservation, constraints);
        problem = AnalysisProblem.of(ScenarioGenerator.generate(settings));
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

package org.parley.benchmarks;

import java.util.Set;
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
import org.parley.core.analysis.RuleAnalysis;
import org.parley.core.analysis.RuleAnalyzer;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

/**
 * The analysis under an agreement rule ({@link RuleAnalyzer}: exact passing count, every winning
 * signer set's analysis, the rule's frontier) of a generated 6-party scenario, 6 issues × 10
 * options (10^6 outcomes), seed 1, under "5 of 6, including party-1 and party-2": five winning
 * signer sets (four of five parties, and all six). {@code reservation} is the largest random
 * reservation value; {@code constraints} the number of random hard constraints.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
public class RuleAnalysisBenchmark {

    @Param({"0.5"})
    public double reservation;

    @Param({"0", "4"})
    public int constraints;

    @Param({"1"})
    public long seed;

    private Scenario scenario;

    @Setup(Level.Trial)
    public void setUp() {
        Scenario generated = ScenarioGenerator.generate(
                new ScenarioGenerator.Settings(6, 6, 10, seed, reservation, constraints));
        scenario = new Scenario(generated.name(), generated.description(), generated.domain(), generated.parties(),
                new AgreementRule(5, Set.of("party-1", "party-2")), null);
    }

    @Benchmark
    public RuleAnalysis analyze() {
        return RuleAnalyzer.analyze(scenario, OutcomeSpace.DEFAULT_REAL_STEPS, 20);
    }
}

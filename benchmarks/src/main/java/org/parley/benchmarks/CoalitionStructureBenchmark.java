package org.parley.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.core.coalition.CoalitionStructure;
import org.parley.core.coalition.DpBranchAndBoundCoalitionStructure;
import org.parley.core.coalition.GameGenerator;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.ValueDistribution;

/**
 * Optimal coalition structures on the benchmark distributions of the CSG literature (seed 1), for
 * comparison with ODP-IP on the same inputs ({@code parley coalitions --generate D --players N
 * --seed 1 --write game.txt} writes them in its format). One solve per iteration; -Xmx512m shows
 * that the search (the 2^n input table included) stays under 0.5 GiB of heap up to n = 24.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CoalitionStructureBenchmark {

    @Param({"18", "20", "22", "24"})
    public int players;

    @Param({"uniform", "normal", "ndcs", "agent-based"})
    public String distribution;

    private TableGame game;

    @Setup
    public void setUp() {
        game = GameGenerator.generate(ValueDistribution.parse(distribution), players, 1);
    }

    @Benchmark
    public CoalitionStructure optimalStructure() {
        return new DpBranchAndBoundCoalitionStructure().solve(game);
    }
}

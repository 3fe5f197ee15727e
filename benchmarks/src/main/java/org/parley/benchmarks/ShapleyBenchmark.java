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
import org.parley.core.coalition.ExactShapleyValue;
import org.parley.core.coalition.GameGenerator;
import org.parley.core.coalition.ShapleyValue;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.ValueDistribution;

/**
 * Exact Shapley values by subset enumeration on a generated value table (uniform distribution,
 * seed 1) of n = 20 and n = 25 players; the table of n = 25 is 256 MiB, hence -Xmx1g.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ShapleyBenchmark {

    @Param({"20", "25"})
    public int players;

    private TableGame game;

    @Setup
    public void setUp() {
        game = GameGenerator.generate(ValueDistribution.UNIFORM, players, 1);
    }

    @Benchmark
    public ShapleyValue exactShapley() {
        return new ExactShapleyValue().shapleyValue(game);
    }
}

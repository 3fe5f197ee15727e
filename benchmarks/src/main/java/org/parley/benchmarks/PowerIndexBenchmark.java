package org.parley.benchmarks;

import java.util.SplittableRandom;
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
import org.parley.core.coalition.BanzhafIndex;
import org.parley.core.coalition.DynamicProgrammingBanzhaf;
import org.parley.core.coalition.DynamicProgrammingShapleyShubik;
import org.parley.core.coalition.ShapleyValue;
import org.parley.core.coalition.WeightedVotingGame;

/**
 * Shapley–Shubik and Banzhaf indices of weighted voting games with n = 200, 1000 and 5000 players,
 * integer weights drawn uniformly from 1..{@code maxWeight} (seed 1), quota half the total weight
 * plus one. The default runs maxWeight = 10; {@code -p maxWeight=100} gives the large quotas (126 507
 * at n = 5000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class PowerIndexBenchmark {

    @Param({"200", "1000", "5000"})
    public int players;

    @Param({"10"})
    public int maxWeight;

    private WeightedVotingGame game;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        long[] weights = new long[players];
        long total = 0;
        for (int i = 0; i < players; i++) {
            weights[i] = 1 + random.nextInt(maxWeight);
            total += weights[i];
        }
        game = new WeightedVotingGame(total / 2 + 1, weights, null);
    }

    @Benchmark
    public ShapleyValue shapleyShubik() {
        return new DynamicProgrammingShapleyShubik().shapleyValue(game);
    }

    @Benchmark
    public BanzhafIndex banzhaf() {
        return new DynamicProgrammingBanzhaf().banzhafIndex(game);
    }
}

package org.parley.core.coalition;

import java.util.SplittableRandom;

/**
 * Random games for benchmarks and comparisons: the same (distribution, n, seed) always gives the same
 * table, so that two programs can be run on identical inputs.
 */
public final class GameGenerator {

    private static final double SIGMA = 0.1;

    private GameGenerator() {}

    public static TableGame generate(ValueDistribution distribution, int n, long seed) {
        if (n < 1 || n > TableGame.MAX_PLAYERS) {
            throw new IllegalArgumentException("The number of players (" + n + ") must lie between 1 and "
                    + TableGame.MAX_PLAYERS + " for a generated value table.");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] strengths = new double[n];
        for (int i = 0; i < n; i++) {
            strengths[i] = distribution == ValueDistribution.AGENT_BASED_NORMAL
                    ? Math.max(0, 10 + SIGMA * random.nextGaussian())
                    : random.nextDouble() * 10;
        }
        double[] values = new double[1 << n];
        for (int coalition = 1; coalition < values.length; coalition++) {
            int size = Integer.bitCount(coalition);
            values[coalition] = switch (distribution) {
                case UNIFORM -> size * random.nextDouble();
                case NORMAL -> Math.max(0, size * (10 + SIGMA * random.nextGaussian()));
                case NDCS -> {
                    double x;
                    do {
                        x = size + Math.sqrt(size) * random.nextGaussian();
                    } while (x <= 0);
                    yield x;
                }
                case AGENT_BASED -> {
                    double sum = 0;
                    for (int rest = coalition; rest != 0; rest &= rest - 1) {
                        sum += random.nextDouble() * 2 * strengths[Integer.numberOfTrailingZeros(rest)];
                    }
                    yield sum;
                }
                case AGENT_BASED_NORMAL -> {
                    double sum = 0;
                    for (int rest = coalition; rest != 0; rest &= rest - 1) {
                        double p = strengths[Integer.numberOfTrailingZeros(rest)];
                        sum += Math.max(0, p + SIGMA * random.nextGaussian());
                    }
                    yield sum;
                }
            };
        }
        return new TableGame(values);
    }
}

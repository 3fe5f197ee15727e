package org.parley.core.coalition;

import java.util.SplittableRandom;

/**
 * Estimates the Shapley value by sampling random orders of the players and averaging each player's
 * marginal contribution when it joins (Castro, Gómez and Tejada 2009, "Polynomial calculation of
 * the Shapley value based on sampling", Computers &amp; Operations Research 36). O(m · n) value
 * look-ups for m permutations. The confidence interval per player is the normal approximation
 * mean ± z · s/√m. Samples are drawn in fixed blocks, each with its own seeded generator, so the
 * result depends on the seed only, never on thread timing.
 */
public final class MonteCarloShapleyValue implements ShapleyValueAlgorithm<CoalitionalGame> {

    private static final int BLOCK = 256;

    private final long samples;
    private final long seed;
    private final double confidence;
    private final int threads;

    public MonteCarloShapleyValue(long samples, long seed, double confidence, int threads) {
        if (samples < 2) {
            throw new IllegalArgumentException("The sample count (" + samples + ") must be at least 2.");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("The confidence level (" + confidence + ") must lie in (0, 1), e.g. 0.95.");
        }
        this.samples = samples;
        this.seed = seed;
        this.confidence = confidence;
        this.threads = Math.max(1, threads);
    }

    public MonteCarloShapleyValue(long samples, long seed) {
        this(samples, seed, 0.95, Parallel.defaultThreads());
    }

    @Override
    public ShapleyValue shapleyValue(CoalitionalGame game) {
        int n = game.players();
        long blocks = (samples + BLOCK - 1) / BLOCK;
        if (blocks > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Too many samples (" + samples + ").");
        }
        double[][] sums = new double[(int) blocks][];
        double[][] squares = new double[(int) blocks][];
        Parallel.forEach((int) blocks, threads, b -> {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b);
            CoalitionalGame.Walk walk = game.walk();
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            double[] sum = new double[n];
            double[] square = new double[n];
            long count = Math.min(BLOCK, samples - (long) b * BLOCK);
            for (long m = 0; m < count; m++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                }
                walk.reset();
                double previous = 0;
                for (int player : order) {
                    double value = walk.add(player);
                    double marginal = value - previous;
                    sum[player] += marginal;
                    square[player] += marginal * marginal;
                    previous = value;
                }
            }
            sums[b] = sum;
            squares[b] = square;
        });
        double[] mean = new double[n];
        double[] halfWidth = new double[n];
        double z = normalQuantile(0.5 + confidence / 2);
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double square = 0;
            for (int b = 0; b < blocks; b++) {
                sum += sums[b][i];
                square += squares[b][i];
            }
            mean[i] = sum / samples;
            double variance = Math.max(0, (square - samples * mean[i] * mean[i]) / (samples - 1));
            halfWidth[i] = z * Math.sqrt(variance / samples);
        }
        return new ShapleyValue(mean, halfWidth, samples, confidence, "Monte Carlo (" + samples + " permutations)");
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p (" + p + ") must lie in (0, 1).");
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -normalQuantile(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}

package org.parley.core.coalition;

import java.util.Random;

/** Small games for tests, and brute-force definitions to compare the fast paths with. */
final class Games {

    private Games() {}

    /** The war council of trinity-station: [60; 30, 25, 30, 15]. */
    static WeightedVotingGame warCouncil() {
        return new WeightedVotingGame(60, new long[] {30, 25, 30, 15},
                java.util.List.of("loyalists", "rebels", "advent", "exodus"));
    }

    /** Glove game: players in {@code left} own a left glove, the others a right one; v = pairs formed. */
    static TableGame gloves(int n, long left) {
        double[] v = new double[1 << n];
        for (int s = 1; s < v.length; s++) {
            v[s] = Math.min(Long.bitCount(s & left), Long.bitCount(s & ~left));
        }
        return new TableGame(v);
    }

    /** Majority game: v(S) = 1 when S holds more than half of the n players. */
    static TableGame majority(int n) {
        double[] v = new double[1 << n];
        for (int s = 1; s < v.length; s++) {
            v[s] = 2 * Integer.bitCount(s) > n ? 1 : 0;
        }
        return new TableGame(v);
    }

    /** Integer values in [-range, range] (ties and negative values included). */
    static TableGame randomIntegers(int n, long seed, int range) {
        Random random = new Random(seed);
        double[] v = new double[1 << n];
        for (int s = 1; s < v.length; s++) {
            v[s] = random.nextInt(2 * range + 1) - range;
        }
        return new TableGame(v);
    }

    /** The Shapley value by its permutation definition: average marginal contribution over all n! orders. */
    static double[] shapleyByPermutations(CoalitionalGame game) {
        int n = game.players();
        double[] phi = new double[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long[] count = {0};
        permute(order, 0, game, phi, count);
        for (int i = 0; i < n; i++) {
            phi[i] /= count[0];
        }
        return phi;
    }

    private static void permute(int[] order, int k, CoalitionalGame game, double[] phi, long[] count) {
        if (k == order.length) {
            long s = 0;
            double previous = 0;
            for (int player : order) {
                s |= 1L << player;
                double value = game.value(s);
                phi[player] += value - previous;
                previous = value;
            }
            count[0]++;
            return;
        }
        for (int i = k; i < order.length; i++) {
            int t = order[k];
            order[k] = order[i];
            order[i] = t;
            permute(order, k + 1, game, phi, count);
            order[i] = order[k];
            order[k] = t;
        }
    }
}

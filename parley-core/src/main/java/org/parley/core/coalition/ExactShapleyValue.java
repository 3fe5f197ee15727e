package org.parley.core.coalition;

/**
 * The Shapley value by enumerating every coalition once: φ_i = Σ_{S ∋ i} w(|S| − 1) v(S) −
 * Σ_{S ∌ i} w(|S|) v(S) with w(s) = s!(n − s − 1)!/n!. Sums of v per coalition size and per member
 * are accumulated first, so v is read 2^n times, the weights applied n² times, and the memory is
 * O(n²) beyond the game itself. O(2^n · n) time; n up to {@code maxPlayers} (25 by default, about
 * a second on two cores). Shapley (1953), "A value for n-person games".
 */
public final class ExactShapleyValue implements ShapleyValueAlgorithm<CoalitionalGame> {

    public static final int DEFAULT_MAX_PLAYERS = 25;
    private static final int CHUNK_BITS = 16;

    private final int maxPlayers;
    private final int threads;

    public ExactShapleyValue(int maxPlayers, int threads) {
        if (maxPlayers < 1 || maxPlayers > 30) {
            throw new IllegalArgumentException("maxPlayers (" + maxPlayers + ") must lie in [1, 30].");
        }
        this.maxPlayers = maxPlayers;
        this.threads = Math.max(1, threads);
    }

    public ExactShapleyValue() {
        this(DEFAULT_MAX_PLAYERS, Parallel.defaultThreads());
    }

    @Override
    public ShapleyValue shapleyValue(CoalitionalGame game) {
        int n = game.players();
        if (n > maxPlayers) {
            throw new IllegalArgumentException("Exact Shapley values enumerate 2^n coalitions: " + n
                    + " players is more than " + maxPlayers + ". Use Monte Carlo sampling for larger games.");
        }
        long count = 1L << n;
        int chunkBits = Math.min(CHUNK_BITS, n);
        int chunks = (int) (count >>> chunkBits);
        long chunkSize = 1L << chunkBits;
        // sums[k] = Σ_{|S| = k} v(S); member[i][k] = Σ_{S ∋ i, |S| = k} v(S), per chunk then added up
        // in chunk order so that the result does not depend on thread timing.
        double[][] chunkTotals = new double[chunks][];
        double[][] chunkMembers = new double[chunks][];
        Parallel.forEach(chunks, threads, c -> {
            double[] totals = new double[n + 1];
            double[] members = new double[n * (n + 1)];
            long start = c * chunkSize;
            for (long s = start; s < start + chunkSize; s++) {
                double v = game.value(s);
                if (v == 0) {
                    continue;
                }
                int k = Long.bitCount(s);
                totals[k] += v;
                for (long rest = s; rest != 0; rest &= rest - 1) {
                    members[Long.numberOfTrailingZeros(rest) * (n + 1) + k] += v;
                }
            }
            chunkTotals[c] = totals;
            chunkMembers[c] = members;
        });
        double[] totals = new double[n + 1];
        double[] members = new double[n * (n + 1)];
        for (int c = 0; c < chunks; c++) {
            for (int k = 0; k <= n; k++) {
                totals[k] += chunkTotals[c][k];
            }
            for (int j = 0; j < members.length; j++) {
                members[j] += chunkMembers[c][j];
            }
        }
        double[] weight = shapleyWeights(n);
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k <= n; k++) {
                double in = members[i * (n + 1) + k];
                if (k >= 1) {
                    sum += weight[k - 1] * in;
                }
                if (k <= n - 1) {
                    sum -= weight[k] * (totals[k] - in);
                }
            }
            phi[i] = sum;
        }
        return ShapleyValue.exact(phi, "exact (subset enumeration)");
    }

    /** w(s) = s!(n − s − 1)!/n! = 1/(n · C(n − 1, s)), for s = 0..n − 1. */
    static double[] shapleyWeights(int n) {
        double[] weight = new double[n];
        double binomial = 1; // C(n - 1, s)
        for (int s = 0; s < n; s++) {
            weight[s] = 1 / (n * binomial);
            binomial = binomial * (n - 1 - s) / (s + 1);
        }
        return weight;
    }
}

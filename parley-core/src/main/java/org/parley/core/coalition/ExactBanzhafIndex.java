package org.parley.core.coalition;

/**
 * The Banzhaf index of any game by enumerating every coalition: β_i = Σ_{S ∌ i} (v(S ∪ {i}) −
 * v(S)) / 2^(n−1). O(2^n · n) time, O(n) memory; n up to 25.
 */
public final class ExactBanzhafIndex implements BanzhafIndexAlgorithm<CoalitionalGame> {

    public static final int MAX_PLAYERS = 25;

    @Override
    public BanzhafIndex banzhafIndex(CoalitionalGame game) {
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("Exact Banzhaf indices by enumeration need at most " + MAX_PLAYERS
                    + " players, not " + n + ". For weighted voting games use the dynamic programme.");
        }
        double[] sum = new double[n];
        long count = 1L << n;
        for (long s = 1; s < count; s++) {
            double v = game.value(s);
            if (v == 0) {
                continue;
            }
            // v(S) counts positively for its members and negatively for the others.
            for (int i = 0; i < n; i++) {
                sum[i] += (s >>> i & 1) != 0 ? v : -v;
            }
        }
        double[] raw = new double[n];
        double scale = Math.scalb(1.0, -(n - 1));
        for (int i = 0; i < n; i++) {
            raw[i] = sum[i] * scale;
        }
        return BanzhafIndex.of(raw, "exact (subset enumeration)");
    }
}

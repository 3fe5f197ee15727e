package org.parley.core.coalition;

/**
 * The Banzhaf index of a weighted voting game by dynamic programming over integer weights: with every
 * other player in with probability 1/2, the chance that a player's weight turns the others' weight
 * W from below the quota to at least it, β_i = Pr[q − w_i ≤ W &lt; q] (Brams and Affuso 1976; Matsui
 * and Matsui 2000). {@link WeightWindows} gives it for every weight class at once: probabilities
 * instead of counts (which reach 2^n), additions of positive terms only, one pass upwards and one
 * downwards over the classes (2n additions of a player), each keeping only the range of weights that
 * can still reach a window. The dropped mass is bounded; when the bound is not below 10^−16 of
 * every index, the programme runs again keeping more, and at last everything. O(n · σ) time for
 * σ² = Σ w_i² (O(n · q) at worst) and O(D · σ + q) memory for D distinct weights.
 */
public final class DynamicProgrammingBanzhaf implements BanzhafIndexAlgorithm<WeightedVotingGame> {

    public static final long MAX_QUOTA = 1L << 27;

    /** Mass reaching a window with probability below the first number, or below the second, is dropped. */
    private static final double[][] LEVELS = {{1e-35, 1e-290}, {1e-100, 1e-300}, {0, 0}};

    @Override
    public BanzhafIndex banzhafIndex(WeightedVotingGame game) {
        int n = game.players();
        long quota = game.quota();
        double[] raw = new double[n];
        long[] positive = java.util.Arrays.stream(game.weights()).filter(w -> w > 0).toArray();
        if (quota > game.totalWeight() || positive.length == 0) {
            return BanzhafIndex.of(raw, "dynamic programming over weights");
        }
        if (quota > MAX_QUOTA) {
            throw new IllegalArgumentException("The Banzhaf dynamic programme needs a table of quota entries: " + quota
                    + " is more than " + MAX_QUOTA + ". Scale the weights down.");
        }
        // Players of weight 0 never swing, and each halves nothing: they are left out of the others.
        WeightClasses classes = new WeightClasses(positive);
        double total = 0;
        double squares = 0;
        for (int c = 0; c < classes.size(); c++) {
            total += (double) classes.weights[c] * classes.counts[c];
            squares += (double) classes.weights[c] * classes.weights[c] * classes.counts[c];
        }
        WeightWindows.Players all = new WeightWindows.Players(total, squares, classes.weights[classes.size() - 1]);
        boolean[] reachable = WeightWindows.reachable(classes, (int) quota);
        double[] windows = null;
        for (double[] level : LEVELS) {
            windows = WeightWindows.windows(classes, (int) quota, all, 0.5, level[0], level[1]);
            boolean accurate = true;
            for (int c = 0; c < classes.size(); c++) {
                if (reachable[c] && !(windows[classes.size() + c] <= 1e-16 * windows[c])) {
                    accurate = false;
                }
            }
            if (accurate) {
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            long w = game.weight(i);
            raw[i] = w == 0 ? 0 : windows[classes.classOf(w)];
        }
        return BanzhafIndex.of(raw, "dynamic programming over weights");
    }
}

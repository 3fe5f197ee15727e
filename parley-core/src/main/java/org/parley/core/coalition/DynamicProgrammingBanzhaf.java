package org.parley.core.coalition;

/**
 * The Banzhaf index of a weighted voting game by dynamic programming over integer weights: P[W] is
 * the probability that a uniformly drawn coalition of the other players weighs W (W below the quota),
 * updated per player as P'[W] = (P[W] + P[W − w]) / 2 — probabilities instead of counts, which
 * reach 2^n, and only additions, so no cancellation. β_i = Σ_{q − w_i ≤ W < q} P[W]. O(n · q · log D)
 * time for D distinct weights, O(q · log D) memory (Brams and Affuso 1976; Matsui and Matsui 2000).
 */
public final class DynamicProgrammingBanzhaf implements BanzhafIndexAlgorithm<WeightedVotingGame> {

    public static final long MAX_QUOTA = 1L << 27;

    @Override
    public BanzhafIndex banzhafIndex(WeightedVotingGame game) {
        int n = game.players();
        long quota = game.quota();
        double[] raw = new double[n];
        if (quota > game.totalWeight()) {
            return BanzhafIndex.of(raw, "dynamic programming over weights");
        }
        if (quota > MAX_QUOTA) {
            throw new IllegalArgumentException("The Banzhaf dynamic programme needs a table of quota entries: " + quota
                    + " is more than " + MAX_QUOTA + ". Scale the weights down.");
        }
        WeightClasses classes = new WeightClasses(game.weights());
        double[] perClass = classes.leaveOneOut(new Table((int) quota), Table::swingProbability);
        for (int i = 0; i < n; i++) {
            raw[i] = perClass[classes.classOf(game.weight(i))];
        }
        return BanzhafIndex.of(raw, "dynamic programming over weights");
    }

    static final class Table implements WeightClasses.Table<Table> {
        private final double[] p;

        Table(int quota) {
            p = new double[quota];
            p[0] = 1;
        }

        private Table(double[] p) {
            this.p = p;
        }

        @Override
        public Table copy() {
            return new Table(p.clone());
        }

        @Override
        public void add(long weight) {
            int shift = (int) Math.min(weight, p.length);
            for (int w = p.length - 1; w >= shift; w--) {
                p[w] = (p[w] + p[w - shift]) * 0.5;
            }
            for (int w = shift - 1; w >= 0; w--) {
                p[w] *= 0.5;
            }
        }

        double swingProbability(long weight) {
            int from = (int) Math.max(0, p.length - weight);
            double sum = 0;
            for (int w = from; w < p.length; w++) {
                sum += p[w];
            }
            return sum;
        }
    }
}

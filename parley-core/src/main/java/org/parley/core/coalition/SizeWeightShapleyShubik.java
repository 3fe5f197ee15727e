package org.parley.core.coalition;

/**
 * The Shapley–Shubik index of a weighted voting game by dynamic programming over integer weights:
 * for each weight class, the share of coalitions of each size k and weight W below the quota among
 * the other players, P[k][W] = count / C(m, k). Storing that share rather than the count keeps every
 * entry in [0, 1] (counts reach 2^n, beyond a double for n > 1023) and the update uses only
 * additions of positive terms, P'[k][W] = P[k][W]·(m+1−k)/(m+1) + P[k−1][W−w]·k/(m+1), so the
 * relative error stays near n machine epsilons. Then φ_i = (1/n) Σ_k Σ_{q−w_i ≤ W &lt; q} P[k][W].
 * O(n² · q · log D) time for D distinct weights and O(n · q · log D) memory (Matsui and Matsui 2000,
 * "A survey of algorithms for calculating power indices of weighted majority games"). A reference
 * for {@link DynamicProgrammingShapleyShubik}, which needs no size dimension.
 */
public final class SizeWeightShapleyShubik implements ShapleyValueAlgorithm<WeightedVotingGame> {

    /** Entries of one n × q table; beyond this the table would not fit comfortably in memory. */
    public static final long MAX_CELLS = 40_000_000L;

    @Override
    public ShapleyValue shapleyValue(WeightedVotingGame game) {
        int n = game.players();
        long quota = game.quota();
        double[] phi = new double[n];
        if (quota > game.totalWeight()) {
            return ShapleyValue.exact(phi, "dynamic programming over sizes and weights");
        }
        if ((double) n * quota > MAX_CELLS) {
            throw new IllegalArgumentException("The Shapley–Shubik dynamic programme needs an n × quota table: " + n
                    + " × " + quota + " is too large (at most " + MAX_CELLS + " cells). Scale the weights down or use"
                    + " Monte Carlo sampling.");
        }
        WeightClasses classes = new WeightClasses(game.weights());
        double[] perClass = classes.leaveOneOut(new Table(n, (int) quota), (table, w) -> table.pivotalShare(w));
        for (int i = 0; i < n; i++) {
            phi[i] = perClass[classes.classOf(game.weight(i))] / n;
        }
        return ShapleyValue.exact(phi, "dynamic programming over sizes and weights");
    }

    /** Rows k = 0..m of P[k][W] for W < quota, for the m players added so far. */
    static final class Table implements WeightClasses.Table<Table> {
        private final int quota;
        private final double[][] rows;
        private int m;

        Table(int maxPlayers, int quota) {
            this.quota = quota;
            this.rows = new double[maxPlayers + 1][];
            rows[0] = new double[quota];
            rows[0][0] = 1;
        }

        private Table(Table other) {
            this.quota = other.quota;
            this.rows = new double[other.rows.length][];
            for (int k = 0; k <= other.m; k++) {
                rows[k] = other.rows[k].clone();
            }
            this.m = other.m;
        }

        @Override
        public Table copy() {
            return new Table(this);
        }

        @Override
        public void add(long weight) {
            int next = m + 1;
            rows[next] = new double[quota];
            int shift = (int) Math.min(weight, quota);
            for (int k = next; k >= 1; k--) {
                double stay = (double) (next - k) / next;
                double join = (double) k / next;
                double[] row = rows[k];
                double[] below = rows[k - 1];
                // Row k reads only row k − 1, not yet updated (k goes down), so w may run upwards,
                // which lets the JIT vectorise the loop.
                for (int w = 0; w < shift; w++) {
                    row[w] *= stay;
                }
                for (int w = shift; w < quota; w++) {
                    row[w] = row[w] * stay + below[w - shift] * join;
                }
            }
            m = next;
        }

        /** Σ_k Σ_{quota − w ≤ W < quota} P[k][W]: the chance that a player of weight w is pivotal. */
        double pivotalShare(long weight) {
            int from = (int) Math.max(0, quota - weight);
            double sum = 0;
            for (int k = 0; k <= m; k++) {
                double[] row = rows[k];
                for (int w = from; w < quota; w++) {
                    sum += row[w];
                }
            }
            return sum;
        }
    }
}

package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Shapley–Shubik index of a weighted voting game through Owen's multilinear extension (Owen
 * 1972, "Multilinear extensions of games", Management Science 18; 1975 for weighted majority
 * games): if every other player joins independently with probability t, then
 *
 * <pre>  φ_i = ∫_0^1 Pr_t[q − w_i ≤ W_{−i} &lt; q] dt,   W_{−i} = Σ_{j ≠ i} w_j X_j, X_j ~ Bernoulli(t),</pre>
 *
 * because ∫ t^k (1 − t)^(m−k) dt = k!(m − k)!/(m + 1)! is the Shapley weight of a coalition of k of
 * the m others. The integrand is a polynomial of degree m − 1 in t, so the Gauss–Legendre rule with
 * ⌈m/2⌉ points integrates it exactly ({@link GaussLegendre}). At each point {@link WeightWindows}
 * gives the integrand for every weight class at once: a dynamic programme over the weights below the
 * quota (no size dimension), probabilities rather than counts (no overflow), additions of positive
 * terms only (no cancellation), one pass up and one down over the weight classes.
 *
 * <p>Little of that is needed. The integrand is concentrated within O(1/√m) of t* = q/W(N): points
 * where, by Hoeffding's inequality, every class's integrand is below 10^−25 are skipped; and at each
 * point the tables keep only the weights within O(σ) (σ² = Σ w_j² t(1 − t)) that can still reach a
 * window. Everything left out is bounded, and if the bound is not below 10^−16 of some index (a tiny
 * one), the integral is taken again with finer levels, at last keeping everything; windows no
 * coalition reaches (a subset-sum pass) give exactly 0. So O(√m) points of O(m · σ) each, instead of
 * O(m² · q · log D) for the size × weight table ({@link SizeWeightShapleyShubik}); for m players with
 * weights up to w, about m² · w. Players of weight 0 are null: 0, and left out of the others.
 */
public final class DynamicProgrammingShapleyShubik implements ShapleyValueAlgorithm<WeightedVotingGame> {

    /** The largest quota (a few tables of quota doubles per thread). */
    public static final long MAX_QUOTA = 1L << 26;
    /** Cell updates (points × 2 players × quota, at most) beyond which the programme is refused. */
    public static final double MAX_WORK = 1e12;

    private static final double NEGLIGIBLE = 1e-16;
    /**
     * Precision levels: points whose tail bound is below the first number are skipped, mass that
     * reaches a window with probability below the second is dropped, and so is mass below the third
     * (no subnormal numbers); each is counted in the error bound, and the next level is tried while
     * that bound is not below 10^−16 of every index. The last level keeps everything.
     */
    private static final double[][] LEVELS = {{1e-25, 1e-35, 1e-290}, {1e-60, 1e-70, 1e-290},
            {1e-160, 1e-170, 1e-300}, {0, 0, 0}};

    private final int threads;

    public DynamicProgrammingShapleyShubik(int threads) {
        this.threads = Math.max(1, threads);
    }

    public DynamicProgrammingShapleyShubik() {
        this(Parallel.defaultThreads());
    }

    @Override
    public ShapleyValue shapleyValue(WeightedVotingGame game) {
        int n = game.players();
        long quota = game.quota();
        double[] phi = new double[n];
        long[] positive = Arrays.stream(game.weights()).filter(w -> w > 0).toArray();
        if (quota > game.totalWeight() || positive.length == 0) {
            return ShapleyValue.exact(phi, METHOD);
        }
        if (quota > MAX_QUOTA) {
            throw new IllegalArgumentException("The Shapley–Shubik dynamic programme needs tables of quota entries: "
                    + quota + " is more than " + MAX_QUOTA + ". Scale the weights down or use Monte Carlo sampling.");
        }
        WeightClasses classes = new WeightClasses(positive);
        double[] perClass = new Integrator(classes, (int) quota, threads).integrate();
        for (int i = 0; i < n; i++) {
            long w = game.weight(i);
            phi[i] = w == 0 ? 0 : perClass[classes.classOf(w)];
        }
        return ShapleyValue.exact(phi, METHOD);
    }

    private static final String METHOD = "dynamic programming over weights, Gauss–Legendre in t";

    /** The quadrature over t for every class at once. */
    private static final class Integrator {
        final WeightClasses classes;
        final int quota;
        final int threads;
        final int players;
        final GaussLegendre rule;
        /** Per class: total weight and sum of squared weights of the others; whether the window is reachable. */
        final double[] othersWeight;
        final double[] othersSquares;
        final boolean[] reachable;
        final WeightWindows.Players all;

        Integrator(WeightClasses classes, int quota, int threads) {
            this.classes = classes;
            this.quota = quota;
            this.threads = threads;
            int count = 0;
            double total = 0;
            double squares = 0;
            for (int c = 0; c < classes.size(); c++) {
                count += classes.counts[c];
                total += (double) classes.weights[c] * classes.counts[c];
                squares += (double) classes.weights[c] * classes.weights[c] * classes.counts[c];
            }
            this.players = count;
            this.all = new WeightWindows.Players(total, squares, classes.weights[classes.size() - 1]);
            this.rule = new GaussLegendre(Math.max(1, (count + 1) / 2));
            othersWeight = new double[classes.size()];
            othersSquares = new double[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                double w = classes.weights[c];
                othersWeight[c] = total - w;
                othersSquares[c] = squares - w * w;
            }
            reachable = WeightWindows.reachable(classes, quota);
        }

        /** An upper bound for class c's integrand at t (Hoeffding), 1 when none applies. */
        double tail(int c, double t) {
            double mean = t * othersWeight[c];
            double low = Math.max(0, quota - classes.weights[c]);
            double high = quota - 1;
            double d = mean < low ? low - mean : mean > high ? mean - high : 0;
            return othersSquares[c] == 0 ? (d > 0 ? 0 : 1) : Math.exp(-2 * d * d / othersSquares[c]);
        }

        /**
         * The quadrature at the first of the {@link #LEVELS} whose error bound is below 10^−16 of every
         * index.
         */
        double[] integrate() {
            for (double[] level : LEVELS) {
                double[] sum = integrate(level[0], level[1], level[2]);
                if (sum != null) {
                    return sum;
                }
            }
            throw new AssertionError("unreachable: the last level keeps every point");
        }

        /** The quadrature over the points whose tail bound exceeds {@code cutoff}; null when not accurate enough. */
        double[] integrate(double cutoff, double epsilon, double underflow) {
            int size = classes.size();
            int points = rule.points();
            List<Integer> todo = new ArrayList<>();
            boolean[] done = new boolean[points];
            for (int i = 0; i < points; i++) {
                if (cutoff == 0 || bound(rule.estimate(i)) > cutoff) {
                    todo.add(i);
                    done[i] = true;
                }
            }
            double work = (double) todo.size() * 2 * players * quota;
            if (work > MAX_WORK) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "The Shapley–Shubik "
                        + "dynamic programme would take about %.1e cell updates (%d points × 2 × %d players × quota %d),"
                        + " more than %.0e. Scale the weights down or use Monte Carlo sampling.", work, todo.size(),
                        players, quota, MAX_WORK));
            }
            double[][] results = new double[todo.size()][];
            double[][] nodes = new double[todo.size()][];
            Parallel.forEach(todo.size(), threads, k -> {
                nodes[k] = rule.node(todo.get(k));
                results[k] = WeightWindows.windows(classes, quota, all, nodes[k][0], epsilon, underflow);
            });
            double[] sum = new double[size];
            double[] error = new double[size];
            for (int k = 0; k < todo.size(); k++) {
                for (int c = 0; c < size; c++) {
                    sum[c] += nodes[k][1] * results[k][c];
                    error[c] += nodes[k][1] * results[k][size + c];
                }
            }
            if (WeightWindows.DEBUG) {
                System.err.printf("cutoff %.1e: %d of %d points, %d adds, %.0f cells per add, quota %d%n", cutoff,
                        todo.size(), points, WeightWindows.ADDS.get(),
                        WeightWindows.CELLS.get() / (double) WeightWindows.ADDS.get(), quota);
            }
            return cutoff == 0 || accurate(sum, error, done) ? sum : null;
        }

        /** The largest tail bound over the classes at t. */
        double bound(double t) {
            double bound = 0;
            for (int c = 0; c < classes.size(); c++) {
                if (reachable[c]) {
                    bound = Math.max(bound, tail(c, t));
                }
            }
            return bound;
        }

        /**
         * Whether what the skipped points could add (their weights sum to at most 1, and each class's
         * tail bound only falls away from its window, so the skipped point nearest to the window on
         * either side bounds them all) and the dropped mass stay below 10^−16 of every index.
         */
        boolean accurate(double[] sum, double[] dropped, boolean[] done) {
            for (int c = 0; c < classes.size(); c++) {
                if (!reachable[c] || othersWeight[c] == 0) {
                    continue;
                }
                double low = Math.max(0, quota - classes.weights[c]) / othersWeight[c];
                double high = (quota - 1) / othersWeight[c];
                double skipped = 0;
                int left = -1;
                int right = rule.points();
                for (int i = 0; i < rule.points(); i++) {
                    if (!done[i]) {
                        double t = rule.estimate(i);
                        if (t < low) {
                            left = i;
                        } else if (t > high && right == rule.points()) {
                            right = i;
                        } else if (t >= low && t <= high) {
                            return false;
                        }
                    }
                }
                if (left >= 0) {
                    skipped = Math.max(skipped, tail(c, Math.min(low, rule.node(left)[0])));
                }
                if (right < rule.points()) {
                    skipped = Math.max(skipped, tail(c, Math.max(high, rule.node(right)[0])));
                }
                if (!(skipped + dropped[c] <= NEGLIGIBLE * sum[c])) {
                    return false;
                }
            }
            return true;
        }
    }

}

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
    private final Rule rule;

    public DynamicProgrammingShapleyShubik(int threads) {
        this(threads, Rule.FEWER_POINTS);
    }

    /** Which quadrature rule: the one with fewer points, or (for tests) always the peak or the exact one. */
    enum Rule { FEWER_POINTS, PEAK, EXACT }

    DynamicProgrammingShapleyShubik(int threads, Rule rule) {
        this.threads = Math.max(1, threads);
        this.rule = rule;
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
        double[] perClass = new Integrator(classes, (int) quota, threads, rule).integrate();
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
        final Rule choice;

        Integrator(WeightClasses classes, int quota, int threads, Rule choice) {
            this.classes = classes;
            this.choice = choice;
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

        /**
         * The quadrature at one precision level; null when its error bound is not below 10^−16 of
         * every index. The points are those of the {@link #peakRule} when it needs fewer, else those
         * of the exact rule whose tail bound exceeds {@code cutoff}.
         */
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
            double[][] nodes;
            double[] error;
            Peak peak = cutoff == 0 || choice == Rule.EXACT ? null
                    : peakRule(cutoff, choice == Rule.PEAK ? Integer.MAX_VALUE : todo.size());
            if (peak != null) {
                nodes = peak.nodes;
                error = peak.error;
            } else {
                nodes = new double[todo.size()][];
                error = skipped(done);
            }
            double work = (double) nodes.length * 2 * players * quota;
            if (work > MAX_WORK) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "The Shapley–Shubik "
                        + "dynamic programme would take about %.1e cell updates (%d points × 2 × %d players × quota %d),"
                        + " more than %.0e. Scale the weights down or use Monte Carlo sampling.", work, nodes.length,
                        players, quota, MAX_WORK));
            }
            double[][] results = new double[nodes.length][];
            Parallel.forEach(nodes.length, threads, k -> {
                if (nodes[k] == null) {
                    nodes[k] = rule.node(todo.get(k));
                }
                results[k] = WeightWindows.windows(classes, quota, all, nodes[k][0], epsilon, underflow);
            });
            double[] sum = new double[size];
            for (int k = 0; k < nodes.length; k++) {
                for (int c = 0; c < size; c++) {
                    sum[c] += nodes[k][1] * results[k][c];
                    error[c] += nodes[k][1] * results[k][size + c];
                }
            }
            if (WeightWindows.DEBUG) {
                System.err.printf("cutoff %.1e: %d points (%s), %d adds, %.0f cells per add, quota %d%n", cutoff,
                        nodes.length, peak != null ? "peak rule" : todo.size() + " of " + points + " exact",
                        WeightWindows.ADDS.get(), WeightWindows.CELLS.get() / (double) WeightWindows.ADDS.get(), quota);
            }
            if (cutoff == 0) {
                return sum;
            }
            for (int c = 0; c < size; c++) {
                if (reachable[c] && !(error[c] <= NEGLIGIBLE * sum[c])) {
                    return null;
                }
            }
            return sum;
        }

        /** Points and weights on [a, b], and per class a bound on the error of the integral they give. */
        record Peak(double[][] nodes, double[] error) {}

        /**
         * A Gauss–Legendre rule on the interval [a, b] outside which every class's tail bound is below
         * {@code cutoff}, with as few points N as its error bound allows: for f analytic inside the
         * Bernstein ellipse E_ρ of [a, b] with |f| ≤ M there, the error of the (n + 1)-point rule is
         * at most (64/15) · M · ρ^(−2n) / (ρ² − 1) · (b − a)/2 (Trefethen 2008, "Is Gauss quadrature
         * better than Clenshaw–Curtis?", SIAM Review 50; Approximation Theory and Approximation
         * Practice, 2013, theorem 19.3), here with n = N − 1 (checked numerically against cosines and
         * such integrands when it was written). The integrand Σ_k C(m−1, k) t^k (1 − t)^(m−1−k) s_k with 0 ≤ s_k ≤ 1 is at most
         * (|z| + |1 − z|)^(m−1) ≤ exp((m − 1) y²/(2x(1 − x))) at z = x + iy, which bounds M on an
         * ellipse inside 0 &lt; x &lt; 1; the bound is minimised over ρ. Outside [a, b] the integral
         * is at most a·tail(a) + (1 − b)·tail(b). About 70 points suffice at 10^−25, where the exact
         * rule has O(√m) points in [a, b] (280 at m = 5000): null when it would not need fewer, or
         * [a, b] touches 0 or 1.
         */
        Peak peakRule(double cutoff, int exactPoints) {
            int size = classes.size();
            double a = 1;
            double b = 0;
            double distance = Math.sqrt(Math.log(1 / cutoff) / 2);
            for (int c = 0; c < size; c++) {
                if (!reachable[c] || othersWeight[c] == 0) {
                    continue;
                }
                double reach = distance * Math.sqrt(othersSquares[c]);
                a = Math.min(a, (Math.max(0, quota - classes.weights[c]) - reach) / othersWeight[c]);
                b = Math.max(b, (quota - 1 + reach) / othersWeight[c]);
            }
            if (!(a > 0 && b < 1 && a < b)) {
                return null;
            }
            int points = 0;
            double quadrature = Double.POSITIVE_INFINITY;
            for (int n = 8; n < Math.min(exactPoints, 4096); n += Math.max(4, n / 4)) {
                quadrature = quadratureError(n, a, b);
                if (quadrature <= cutoff) {
                    points = n;
                    break;
                }
            }
            if (points == 0) {
                return null;
            }
            double[] error = new double[size];
            for (int c = 0; c < size; c++) {
                error[c] = quadrature + a * tail(c, a) + (1 - b) * tail(c, b);
            }
            GaussLegendre peak = new GaussLegendre(points);
            double[][] nodes = new double[points][];
            for (int i = 0; i < points; i++) {
                double[] node = peak.node(i);
                nodes[i] = new double[] {a + (b - a) * node[0], (b - a) * node[1]};
            }
            return new Peak(nodes, error);
        }

        /** The error bound of the n-point rule on [a, b] for a polynomial of degree m − 1 as above. */
        double quadratureError(int n, double a, double b) {
            double half = (b - a) / 2;
            double centre = (a + b) / 2;
            double room = Math.min(centre, 1 - centre) / half;
            if (!(room > 1)) {
                return Double.POSITIVE_INFINITY;
            }
            double largest = Math.log(room + Math.sqrt(room * room - 1));
            double best = Double.POSITIVE_INFINITY;
            for (int k = 1; k < 400; k++) {
                double u = largest * k / 400;
                double across = half * Math.cosh(u);
                double up = half * Math.sinh(u);
                double edge = Math.abs(centre - across - 0.5) > Math.abs(centre + across - 0.5) ? centre - across
                        : centre + across;
                double logM = (players - 1) * up * up / (2 * edge * (1 - edge));
                double rho = Math.exp(u);
                double logError = Math.log(64.0 / 15) + logM - 2 * (n - 1) * u - Math.log(rho * rho - 1)
                        + Math.log(half);
                best = Math.min(best, logError);
            }
            return Math.exp(best);
        }

        /**
         * Per class, a bound on what the points skipped by the exact rule would add (their weights
         * sum to at most 1, and each class's tail bound only falls away from its window, so the skipped
         * point nearest to the window on either side bounds them all); +∞ when a skipped point lies
         * in the window.
         */
        double[] skipped(boolean[] done) {
            double[] error = new double[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                if (!reachable[c] || othersWeight[c] == 0) {
                    continue;
                }
                double low = Math.max(0, quota - classes.weights[c]) / othersWeight[c];
                double high = (quota - 1) / othersWeight[c];
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
                            error[c] = Double.POSITIVE_INFINITY;
                        }
                    }
                }
                if (left >= 0) {
                    error[c] = Math.max(error[c], tail(c, Math.min(low, rule.node(left)[0])));
                }
                if (right < rule.points()) {
                    error[c] = Math.max(error[c], tail(c, Math.max(high, rule.node(right)[0])));
                }
            }
            return error;
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
    }
}

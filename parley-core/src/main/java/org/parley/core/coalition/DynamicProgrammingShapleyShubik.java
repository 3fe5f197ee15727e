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
 * ⌈m/2⌉ points integrates it exactly; at each point a dynamic programme over weights below the quota
 * gives the distribution of W for every weight class at once, leaving one player out by divide and
 * conquer over the classes ({@link WeightClasses}): no size dimension, additions of positive terms
 * only (probabilities: no overflow, no cancellation), O(q · log D) memory.
 *
 * <p>Points where every class's window is out of reach are skipped: by Hoeffding's inequality the
 * integrand there is at most exp(−2d²/Σw_j²), d the distance from t·W(others) to the window, and the
 * skipped weight is kept below 10^−16 of each index (windows that no coalition reaches, found by a
 * subset-sum pass, give exactly 0). As the integrand is concentrated within O(1/√m) of t* = q/W(N),
 * only O(√m) of the points are evaluated: O(√m · m · q · log D) time for m players of positive
 * weight, D distinct weights, instead of O(m² · q · log D) for the size × weight table
 * ({@link SizeWeightShapleyShubik}). Players of weight 0 are null: 0, and left out of the others.
 */
public final class DynamicProgrammingShapleyShubik implements ShapleyValueAlgorithm<WeightedVotingGame> {

    /** The largest quota (one table of quota doubles per level of the divide and conquer and thread). */
    public static final long MAX_QUOTA = 1L << 26;
    /** Cell updates (points × players × quota × log D) beyond which the programme is refused. */
    public static final double MAX_WORK = 1e12;

    private static final double NEGLIGIBLE = 1e-16;
    /** Probabilities below this are dropped (and counted in the error bound): no subnormal numbers. */
    private static final double UNDERFLOW = 1e-290;

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
        final Players all;

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
            this.all = new Players(total, squares, classes.weights[classes.size() - 1]);
            this.rule = new GaussLegendre(Math.max(1, (count + 1) / 2));
            othersWeight = new double[classes.size()];
            othersSquares = new double[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                double w = classes.weights[c];
                othersWeight[c] = total - w;
                othersSquares[c] = squares - w * w;
            }
            double[] reach = classes.leaveOneOut(new Reach(quota), Reach::window);
            reachable = new boolean[classes.size()];
            for (int c = 0; c < classes.size(); c++) {
                reachable[c] = reach[c] > 0;
            }
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
         * The quadrature, first with the points and mass that can matter at 10^−25 (ε = 10^−35); if
         * some index is so small that the error bound is not below 10^−16 of it, again at 10^−60,
         * 10^−160, and finally with every point and no trimming.
         */
        double[] integrate() {
            double[][] levels = {{1e-25, 1e-35}, {1e-60, 1e-70}, {1e-160, 1e-170}, {0, 0}};
            for (double[] level : levels) {
                double[] sum = integrate(level[0], level[1]);
                if (sum != null) {
                    return sum;
                }
            }
            throw new AssertionError("unreachable: the last level keeps every point");
        }

        /** The quadrature over the points whose tail bound exceeds {@code cutoff}; null when not accurate enough. */
        double[] integrate(double cutoff, double epsilon) {
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
            double[][] results = new double[todo.size()][];
            double[][] nodes = new double[todo.size()][];
            Parallel.forEach(todo.size(), threads, k -> {
                nodes[k] = rule.node(todo.get(k));
                results[k] = windows(nodes[k][0], epsilon);
            });
            double[] sum = new double[size];
            double[] error = new double[size];
            for (int k = 0; k < todo.size(); k++) {
                for (int c = 0; c < size; c++) {
                    sum[c] += nodes[k][1] * results[k][c];
                    error[c] += nodes[k][1] * results[k][size + c];
                }
            }
            if (DEBUG) {
                System.err.printf("cutoff %.1e: %d of %d points, %d adds, %.0f cells per add, quota %d%n", cutoff,
                        todo.size(), points, ADDS.get(), CELLS.get() / (double) ADDS.get(), quota);
            }
            return cutoff == 0 || accurate(sum, error, done) ? sum : null;
        }

        /**
         * At t, for every class c: the window probability Pr_t[q − w_c ≤ W_{−j} &lt; q] (entry c) and a
         * bound on its error (entry D + c). All players but one of class c are the classes before c,
         * m_c − 1 players of c (a snapshot of the first pass, which adds classes upwards) and the
         * classes after c (the second pass, downwards): 2m additions of a player, and per class a
         * sum over the snapshot of window sums of the second pass's table, which block sums give
         * without subtraction.
         */
        double[] windows(double t, double epsilon) {
            int size = classes.size();
            double[] result = new double[2 * size];
            Bernoulli table = new Bernoulli(t, quota, all, epsilon);
            Bernoulli.Slice[] before = new Bernoulli.Slice[size];
            for (int c = 0; c < size; c++) {
                for (int k = 1; k < classes.counts[c]; k++) {
                    table.add(classes.weights[c]);
                }
                before[c] = table.slice();
                table.add(classes.weights[c]);
            }
            table = new Bernoulli(t, quota, all, epsilon);
            double[] prefix = new double[quota];
            double[] suffix = new double[quota];
            for (int c = size - 1; c >= 0; c--) {
                int w = (int) Math.min(classes.weights[c], quota);
                result[c] = table.combine(before[c], w, prefix, suffix);
                result[size + c] = before[c].error() + table.error;
                before[c] = null;
                for (int k = 0; k < classes.counts[c]; k++) {
                    table.add(classes.weights[c]);
                }
            }
            return result;
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

    /**
     * The distribution of the weight below the quota of the players added so far, each in with
     * probability t: P'(W) = (1 − t) P(W) + t P(W − w), additions of positive terms only. Only the
     * range that can still matter is kept: mass so far below the windows (or so close to the quota)
     * that the players still to come reach a window with probability at most ε
     * (Hoeffding's inequality) is dropped, as is mass below {@link #UNDERFLOW} (no subnormal
     * numbers); {@link #error} bounds what the dropped mass could have added to any window. Near
     * t* the kept range is O(σ) wide, σ² = Σ w_j² t(1 − t), instead of the quota.
     */
    static final class Bernoulli implements WeightClasses.Table<Bernoulli> {
        private final double in;
        private final double out;
        private final Players players;
        private final double epsilon;
        /** √(ln(1/ε)/2): Hoeffding's distance per unit of √S². */
        private final double reach;
        private double[] p;
        private double[] spare;
        private int bottom;
        private int top;
        private double addedWeight;
        private double addedSquares;
        /** What the dropped mass could add to any window's probability. */
        double error;

        Bernoulli(double t, int quota, Players players, double epsilon) {
            this.in = t;
            this.out = 1 - t;
            this.players = players;
            this.epsilon = epsilon;
            this.reach = epsilon == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(-Math.log(epsilon) / 2);
            this.p = new double[quota];
            this.spare = new double[quota];
            p[0] = 1;
            top = 1;
        }

        private Bernoulli(Bernoulli other) {
            in = other.in;
            out = other.out;
            players = other.players;
            epsilon = other.epsilon;
            reach = other.reach;
            p = other.p.clone();
            spare = new double[p.length];
            bottom = other.bottom;
            top = other.top;
            addedWeight = other.addedWeight;
            addedSquares = other.addedSquares;
            error = other.error;
        }

        @Override
        public Bernoulli copy() {
            return new Bernoulli(this);
        }

        @Override
        public void add(long weight) {
            int quota = p.length;
            int w = (int) Math.min(weight, quota);
            int newTop = (int) Math.min(quota, (long) top + w);
            // Only [bottom, top) is kept up to date. The shifted copy lets the update read every array
            // at the same index, which HotSpot vectorises (a read at x − w of the array written is not).
            Arrays.fill(p, top, newTop, 0);
            int shiftedFrom = Math.min(bottom + w, newTop);
            Arrays.fill(spare, bottom, shiftedFrom, 0);
            System.arraycopy(p, bottom, spare, shiftedFrom, newTop - shiftedFrom);
            double[] mass = p;
            double[] shifted = spare;
            for (int x = bottom; x < newTop; x++) {
                mass[x] = out * mass[x] + in * shifted[x];
            }
            top = newTop;
            addedWeight += weight;
            addedSquares += (double) weight * weight;
            trim();
            if (DEBUG) {
                CELLS.addAndGet(top - bottom);
                ADDS.incrementAndGet();
            }
        }

        /**
         * Drops what cannot matter. The players still to come are all but those added and one left
         * out: their weight R lies in [R_max − w_max, R_max], their squares below S². Mass at x reaches
         * a window [q − w_c, q) only if R ≥ q − w_max − x, which beyond a distance Δ = √(S² ln(1/ε)/2)
         * above t·R_max has probability at most ε, and only if R ≤ q − 1 − x, likewise below
         * t·(R_max − w_max) − Δ.
         */
        private void trim() {
            int quota = p.length;
            double rest = players.weight - addedWeight;
            double squares = Math.max(0, players.squares - addedSquares);
            double distance = reach * Math.sqrt(squares);
            double low = quota - players.largest - in * rest - distance;
            double high = quota - 1 - in * Math.max(0, rest - players.largest) + distance;
            // Mass out of reach adds at most ε times itself to a window, mass below UNDERFLOW itself.
            while (bottom < top && (bottom < low || p[bottom] < UNDERFLOW)) {
                error += bottom < low ? epsilon * p[bottom] : p[bottom];
                bottom++;
            }
            while (top > bottom && (top - 1 > high || p[top - 1] < UNDERFLOW)) {
                top--;
                error += top > high ? epsilon * p[top] : p[top];
            }
        }

        /** A copy of the mass, from index {@code from}. */
        record Slice(int from, double[] mass, double error) {}

        Slice slice() {
            return new Slice(bottom, Arrays.copyOfRange(p, bottom, top), error);
        }

        /**
         * Pr[q − w ≤ X + Y &lt; q] for X distributed as {@code other} and Y as this table:
         * Σ_x other(x) · S(q − w − x) with S(z) the mass of this table in [z, z + w). In blocks of w
         * aligned at 0, S(z) is the part of z's block from z (an in-block suffix sum) plus, unless z
         * starts a block, the next block up to z + w − 1 (an in-block prefix sum).
         */
        double combine(Slice other, int w, double[] prefix, double[] suffix) {
            int quota = p.length;
            int firstBlock = bottom / w;
            int lastBlock = (top - 1) / w;
            if (top <= bottom) {
                return 0;
            }
            int from = firstBlock * w;
            int to = Math.min(quota, (lastBlock + 1) * w);
            for (int block = from; block < to; block += w) {
                int end = Math.min(to, block + w);
                double run = 0;
                for (int y = block; y < end; y++) {
                    run += p[y];
                    prefix[y] = run;
                }
                run = 0;
                for (int y = end - 1; y >= block; y--) {
                    run += p[y];
                    suffix[y] = run;
                }
            }
            double total = 0;
            double[] mass = other.mass();
            for (int i = 0; i < mass.length; i++) {
                int z = quota - w - (other.from() + i);
                double window = 0;
                if (z >= from && z < to) {
                    window += suffix[z];
                }
                int last = z + w - 1;
                if (z % w != 0 && last >= from && last < to) {
                    window += prefix[last];
                }
                total += mass[i] * window;
            }
            return total;
        }
    }

    /** The players of positive weight: total weight, total squared weight, largest weight. */
    record Players(double weight, double squares, double largest) {}

    /** -Dparley.ss.debug=true prints the points and cells evaluated to stderr. */
    static final boolean DEBUG = Boolean.getBoolean("parley.ss.debug");
    static final java.util.concurrent.atomic.AtomicLong CELLS = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong ADDS = new java.util.concurrent.atomic.AtomicLong();

    /** Which weights below the quota some coalition of the players added so far reaches (bit sets). */
    static final class Reach implements WeightClasses.Table<Reach> {
        private final long[] bits;
        private final int quota;

        Reach(int quota) {
            this.quota = quota;
            this.bits = new long[(quota + 63) >>> 6];
            bits[0] = 1;
        }

        private Reach(Reach other) {
            quota = other.quota;
            bits = other.bits.clone();
        }

        @Override
        public Reach copy() {
            return new Reach(this);
        }

        @Override
        public void add(long weight) {
            if (weight >= quota) {
                return;
            }
            int shift = (int) weight;
            int words = shift >>> 6;
            int offset = shift & 63;
            for (int i = bits.length - 1; i >= words; i--) {
                long moved = bits[i - words] << offset;
                if (offset != 0 && i - words - 1 >= 0) {
                    moved |= bits[i - words - 1] >>> (64 - offset);
                }
                bits[i] |= moved;
            }
            int extra = bits.length * 64 - quota;
            if (extra > 0) {
                bits[bits.length - 1] &= -1L >>> extra;
            }
        }

        /** 1 when some coalition weighs in [quota − w, quota), else 0. */
        double window(long weight) {
            long from = Math.max(0, quota - weight);
            for (long x = from; x < quota; x++) {
                if ((bits[(int) (x >>> 6)] >>> (x & 63) & 1) != 0) {
                    return 1;
                }
            }
            return 0;
        }
    }
}

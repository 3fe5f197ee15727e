package org.parley.core.coalition;

import java.util.Arrays;

/**
 * For a weighted voting game whose other players join independently with probability t, the
 * chance that a player of each weight class is pivotal: Pr_t[q − w_c ≤ W_{−j} &lt; q], W_{−j} the
 * weight of the others who joined. At t = 1/2 it is the Banzhaf index; integrated over t, the
 * Shapley–Shubik index. Additions of positive terms only, no size dimension, and a rigorous bound on
 * the error of the ranges it leaves out (see {@link Bernoulli}).
 */
final class WeightWindows {

    private WeightWindows() {}

    /** Doubles the snapshots of {@link #windows} may take (256 MiB) before it divides and conquers. */
    static final double SNAPSHOT_CELLS = 1 << 25;

    /** Per class: whether some coalition of the others weighs in [q − w_c, q) (else its index is 0). */
    static boolean[] reachable(WeightClasses classes, int quota) {
        double[] reach = classes.leaveOneOut(new Reach(quota), Reach::window);
        boolean[] reachable = new boolean[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            reachable[c] = reach[c] > 0;
        }
        return reachable;
    }

    /**
     * At t, for every class c: the window probability Pr_t[q − w_c ≤ W_{−j} &lt; q] (entry c) and a
     * bound on its error (entry D + c). All players but one of class c are the classes before c,
     * m_c − 1 players of c (a snapshot of the first pass, which adds classes upwards) and the
     * classes after c (the second pass, downwards): 2m additions of a player, and per class a
     * sum over the snapshot of window sums of the second pass's table, which block sums give
     * without subtraction. The snapshots may need D · q doubles; beyond {@link #SNAPSHOT_CELLS}, a
     * divide and conquer over the classes (m log D additions, O(q log D) memory) replaces them.
     */
    static double[] windows(WeightClasses classes, int quota, Players all, double t, double epsilon,
            double underflow) {
        int size = classes.size();
        double[] result = new double[2 * size];
        if ((double) size * quota > SNAPSHOT_CELLS) {
            classes.leaveOneOut(new Bernoulli(t, quota, all, epsilon, underflow), (table, w) -> {
                int c = classes.classOf(w);
                result[size + c] = table.error;
                return result[c] = table.window(w);
            });
            return result;
        }
        Bernoulli table = new Bernoulli(t, quota, all, epsilon, underflow);
        Bernoulli.Slice[] before = new Bernoulli.Slice[size];
        for (int c = 0; c < size; c++) {
            for (int k = 1; k < classes.counts[c]; k++) {
                table.add(classes.weights[c]);
            }
            before[c] = table.slice();
            table.add(classes.weights[c]);
        }
        table = new Bernoulli(t, quota, all, epsilon, underflow);
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

    /**
     * The distribution of the weight below the quota of the players added so far, each in with
     * probability t: P'(W) = (1 − t) P(W) + t P(W − w), additions of positive terms only. Only the
     * range that can still matter is kept: mass so far below the windows (or so close to the quota)
     * that the players still to come reach a window with probability at most ε
     * (Hoeffding's inequality) is dropped, as is mass below an underflow threshold (no subnormal
     * numbers); {@link #error} bounds what the dropped mass could have added to any window. Near
     * t* the kept range is O(σ) wide, σ² = Σ w_j² t(1 − t), instead of the quota.
     */
    static final class Bernoulli implements WeightClasses.Table<Bernoulli> {
        private final double in;
        private final double out;
        private final Players players;
        private final double epsilon;
        private final double underflow;
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

        Bernoulli(double t, int quota, Players players, double epsilon, double underflow) {
            this.in = t;
            this.out = 1 - t;
            this.players = players;
            this.epsilon = epsilon;
            this.underflow = underflow;
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
            underflow = other.underflow;
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
            // Mass out of reach adds at most ε times itself to a window, mass below the underflow threshold itself.
            while (bottom < top && (bottom < low || p[bottom] < underflow)) {
                error += bottom < low ? epsilon * p[bottom] : p[bottom];
                bottom++;
            }
            while (top > bottom && (top - 1 > high || p[top - 1] < underflow)) {
                top--;
                error += top > high ? epsilon * p[top] : p[top];
            }
        }

        /** Pr[quota − w ≤ W &lt; quota]. */
        double window(long weight) {
            int from = (int) Math.max(bottom, p.length - weight);
            double sum = 0;
            for (int x = from; x < top; x++) {
                sum += p[x];
            }
            return sum;
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

    /** -Dparley.ss.debug=true counts the additions and cells of the tables (see the Shapley–Shubik index). */
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

package org.parley.core.coalition;

import static org.parley.core.coalition.SizeLimitedDynamicProgramme.DEBUG;
import static org.parley.core.coalition.StructureSearchState.CHUNK_BITS;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * The bounds of phase 2 of {@link DpBranchAndBoundCoalitionStructure}: per-player weights w such that
 * w(N) + max over the size patterns of Σ_j E_{t_j}(w), E_t(w) the best excess f(C) − w(C) over the
 * t-coalitions, bounds every structure phase 2 searches, made as low as we can. It is the Lagrangian
 * relaxation of "every player in exactly one block", so any w gives a valid bound, and the best w the
 * bound of the linear relaxation (Held and Karp 1971; Fisher 1981, "The Lagrangian relaxation method
 * for solving integer programming problems", Management Science 27). On agent-based games it comes
 * within 1–2 % of the optimum where the plain per-size maxima of IP (Rahwan, Ramchurn, Jennings and
 * Giovannucci 2009, JAIR 34) are 30 % above it.
 *
 * <p>Minimised by subgradient descent with Polyak steps on a pool: the {@link #POOL_SIZE} best
 * coalitions of each size under the weights w0 of a pass over the table. A coalition left out had an
 * excess of at most the pool's floor under w0, so under w it has at most floor + the sum of the t
 * largest w0_i − w_i; while that term decides the bound at the weights the descent reached, a new
 * pass there refills the pool (at most {@link #MAX_POOL_ROUNDS} passes). Cost: per pass O(2^n) on all
 * cores, per descent step O(h · POOL_SIZE · n/8), at most {@link #SUBGRADIENT_STEPS} steps a round.
 * Leaves {@link #weights}, their byte tables, valid {@link #topExcess} and, per size, the excess no
 * coalition outside the pool exceeds ({@link #outside}).
 */
final class LagrangianExcessBound {

    static final int POOL_SIZE = 2048;
    static final int MAX_POOL_ROUNDS = 6;
    static final int SUBGRADIENT_STEPS = 600;

    /**
     * Per size, the coalitions with the best excesses under the weights of a pass, and the floor:
     * the largest excess of a coalition left out (−∞ when none was).
     */
    static final class Pool {
        final double[] weights;
        final int[][] masks;
        final double[] floor;

        Pool(double[] weights, int[][] masks, double[] floor) {
            this.weights = weights;
            this.masks = masks;
            this.floor = floor;
        }
    }

    private final StructureSearchState state;
    private final SizePatterns patterns;
    private final double[] f;
    private final int n;
    private final int h;
    private final int top;

    /** The weights w of the lowest valid bound found. */
    double[] weights;
    /** {@link #weights} by byte of the coalition (see {@link #byteTables}). */
    double[][] byteWeights;
    /** Per size, the best excess f(C) − w(C) (or a bound for it). */
    double[] topExcess;
    /** Per size, an excess that no coalition outside the pool exceeds under the final weights. */
    double[] outside;
    /** The pool of the pass whose bound was kept. */
    Pool pool;

    LagrangianExcessBound(StructureSearchState state, SizePatterns patterns) {
        this.state = state;
        this.patterns = patterns;
        this.f = state.f;
        this.n = state.n;
        this.h = state.h;
        this.top = state.top;
    }

    /** w(C): the sum of the weights of C's players, four lookups for n ≤ 32. */
    double weight(int mask) {
        return weight(byteWeights, mask);
    }

    static double weight(double[][] tables, int mask) {
        double s = 0;
        for (int b = 0; b < tables.length; b++) {
            s += tables[b][(mask >>> (8 * b)) & 255];
        }
        return s;
    }

    /** Per byte b of a coalition and value x of that byte, the weight of the players x holds. */
    static double[][] byteTables(double[] weights, int n) {
        int bytes = (n + 7) / 8;
        double[][] tables = new double[bytes][256];
        for (int b = 0; b < bytes; b++) {
            for (int x = 0; x < 256; x++) {
                double s = 0;
                for (int j = 0; j < 8; j++) {
                    int player = 8 * b + j;
                    if ((x >>> j & 1) != 0 && player < n) {
                        s += weights[player];
                    }
                }
                tables[b][x] = s;
            }
        }
        return tables;
    }

    /**
     * Finds the weights; {@code seed} is given each pool and its weights so that the best structure
     * can start from the pool's coalitions before the bound is measured against it.
     */
    void run(BiConsumer<Pool, double[]> seed) {
        boolean[] used = patterns.used(h);
        double[] current = averageMarginals();
        double bestBound = Double.POSITIVE_INFINITY;
        for (int round = 0; ; round++) {
            long t0 = System.nanoTime();
            Pool candidates = collectPool(current, used);
            seed.accept(candidates, current);
            Descent descent = new Descent(candidates);
            double atPass = descent.valid(current);
            if (atPass < bestBound) {
                bestBound = atPass;
                keep(current, descent, candidates);
            }
            long t1 = System.nanoTime();
            double[] next = current.clone();
            double poolBound = descent.run(next);
            double atNext = descent.valid(next);
            if (DEBUG) {
                System.err.printf("round %d: bound %.6f at its pass (%.3fs); descent on the pool to %.6f, valid"
                        + " bound there %.6f (%.3fs)%n", round, atPass, (t1 - t0) / 1e9, poolBound, atNext,
                        (System.nanoTime() - t1) / 1e9);
            }
            if (atNext < bestBound) {
                bestBound = atNext;
                keep(next, descent, candidates);
            }
            // A new pass pays when the pool's bound promises a real part of the gap to the best.
            double best = state.best();
            boolean refill = descent.outsideDecides && bestBound - poolBound > 0.1 * (bestBound - best);
            if (!refill || bestBound <= best || round + 1 >= MAX_POOL_ROUNDS || state.deadline.expired()) {
                return;
            }
            current = next;
        }
    }

    /**
     * The starting weights: each player's average marginal f-value, w_i = the mean over sizes
     * t ≤ top of (mean f of the t-coalitions holding i) − (mean f of the (t − 1)-coalitions
     * without i), which matches the additive part of agent-based games. One pass; per coalition
     * three additions, into tables by size and byte of the coalition (a player's sums are those of
     * the byte values holding it).
     */
    double[] averageMarginals() {
        int bytes = (n + 7) / 8;
        int chunkBits = Math.min(CHUNK_BITS, n);
        int chunks = 1 << (n - chunkBits);
        int parts = Math.min(chunks, Integer.highestOneBit(4 * state.threads));
        int chunksPerPart = chunks / parts;
        double[][][] sums = new double[parts][][];
        Parallel.forEach(parts, state.threads, part -> {
            double[][] byByte = new double[(top + 1) * bytes][256];
            int from = part * chunksPerPart << chunkBits;
            int to = (part + 1) * chunksPerPart << chunkBits;
            for (int m = from; m < to; m++) {
                int k = Integer.bitCount(m);
                if (k <= top) {
                    double x = f[m];
                    for (int b = 0; b < bytes; b++) {
                        byByte[k * bytes + b][(m >>> (8 * b)) & 255] += x;
                    }
                }
            }
            sums[part] = byByte;
        });
        double[] total = new double[top + 1];
        double[][] member = new double[n][top + 1];
        for (double[][] byByte : sums) {
            for (int k = 0; k <= top; k++) {
                for (int x = 0; x < 256; x++) {
                    double value = byByte[k * bytes][x];
                    total[k] += value;
                    for (int b = 0; b < bytes; b++) {
                        double inByte = byByte[k * bytes + b][x];
                        for (int j = 0; j < 8 && 8 * b + j < n; j++) {
                            if ((x >>> j & 1) != 0) {
                                member[8 * b + j][k] += inByte;
                            }
                        }
                    }
                }
            }
        }
        double[] marginal = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int t = 1; t <= top; t++) {
                double count = SizeLimitedDynamicProgramme.binomial(n - 1, t - 1);
                sum += (member[i][t] - (total[t - 1] - member[i][t - 1])) / count;
            }
            marginal[i] = sum / top;
        }
        return shrink(marginal);
    }

    /**
     * Marginals help when the game has an additive part; on symmetric games they are noise that
     * loosens the bound. So they are shrunk towards their mean, w = μ + λ(marginal − μ), with the
     * λ in {0, ¼, ½, ¾, 1} whose three-block bound is lowest on a sample of 1/16 of the
     * coalitions (only a choice of start: the descent and the passes that follow make it exact).
     */
    double[] shrink(double[] marginal) {
        double mean = Arrays.stream(marginal).average().orElse(0);
        double[] lambdas = {0, 0.25, 0.5, 0.75, 1};
        double[][] candidates = new double[lambdas.length][n];
        double[][][] tables = new double[lambdas.length][][];
        for (int l = 0; l < lambdas.length; l++) {
            for (int i = 0; i < n; i++) {
                candidates[l][i] = mean + lambdas[l] * (marginal[i] - mean);
            }
            tables[l] = byteTables(candidates[l], n);
        }
        int chunkBits = Math.min(CHUNK_BITS - 4, n);
        int chunks = 1 << (n - chunkBits);
        int sampled = Math.max(1, chunks / 16);
        double[][] found = new double[sampled][];
        Parallel.forEach(sampled, state.threads, k -> {
            double[] topByLambda = new double[lambdas.length * (h + 1)];
            Arrays.fill(topByLambda, Double.NEGATIVE_INFINITY);
            int from = (int) ((long) k * chunks / sampled) << chunkBits;
            for (int m = Math.max(1, from); m < from + (1 << chunkBits); m++) {
                int size = Integer.bitCount(m);
                if (size > h) {
                    continue;
                }
                for (int l = 0; l < lambdas.length; l++) {
                    double e = f[m] - weight(tables[l], m);
                    int at = l * (h + 1) + size;
                    if (e > topByLambda[at]) {
                        topByLambda[at] = e;
                    }
                }
            }
            found[k] = topByLambda;
        });
        double bestBound = Double.POSITIVE_INFINITY;
        double[] chosen = candidates[lambdas.length - 1];
        double[] topBySize = new double[h + 1];
        for (int l = 0; l < lambdas.length; l++) {
            Arrays.fill(topBySize, Double.NEGATIVE_INFINITY);
            for (double[] part : found) {
                for (int t = 1; t <= h; t++) {
                    topBySize[t] = Math.max(topBySize[t], part[l * (h + 1) + t]);
                }
            }
            double bound = weight(tables[l], state.all) + patterns.bound(topBySize);
            if (bound < bestBound) {
                bestBound = bound;
                chosen = candidates[l];
            }
        }
        return chosen;
    }

    private void keep(double[] w, Descent descent, Pool candidates) {
        weights = w.clone();
        byteWeights = byteTables(weights, n);
        topExcess = descent.maxima.clone();
        outside = descent.out.clone();
        pool = candidates;
    }

    /** Subgradient descent of the three-block bound on a pool. */
    final class Descent {
        final Pool candidates;
        final double[] maxima = new double[h + 1];
        final double[] out = new double[h + 1];
        final int[] arg = new int[h + 1];
        int[] argSizes;
        final double[] difference = new double[n];
        boolean outsideDecides;

        Descent(Pool candidates) {
            this.candidates = candidates;
        }

        /**
         * The valid bound at {@code weights}: per size (in maxima) the larger of the pool's best excess
         * and floor + the sum of the t largest w0_i − w_i (in out) for the coalitions left out;
         * notes whether the latter decides the bound.
         */
        double valid(double[] w) {
            for (int i = 0; i < n; i++) {
                difference[i] = candidates.weights[i] - w[i];
            }
            Arrays.sort(difference);
            double shift = 0;
            for (int t = 1; t <= h; t++) {
                shift += difference[n - t];
                out[t] = candidates.floor[t] + shift;
            }
            double bound = poolBound(w);
            for (int t = 1; t <= h; t++) {
                maxima[t] = Math.max(maxima[t], out[t]);
            }
            int pattern = patterns.best(maxima);
            double validBound = weight(byteTables(w, n), state.all) + patterns.sum(pattern, maxima);
            argSizes = patterns.patterns.get(pattern);
            outsideDecides = false;
            for (int t : argSizes) {
                outsideDecides |= out[t] == maxima[t] && out[t] > Double.NEGATIVE_INFINITY;
            }
            return Math.max(validBound, bound);
        }

        /** The bound over the pool alone (a lower estimate of the true one); fills maxima and arg. */
        double poolBound(double[] w) {
            double[][] tables = byteTables(w, n);
            for (int t = 1; t <= h; t++) {
                int[] masks = candidates.masks[t];
                maxima[t] = masks.length == 0 ? candidates.floor[t] : Double.NEGATIVE_INFINITY;
                for (int mask : masks) {
                    double e = f[mask] - weight(tables, mask);
                    if (e > maxima[t]) {
                        maxima[t] = e;
                        arg[t] = mask;
                    }
                }
            }
            int pattern = patterns.best(maxima);
            double bound = weight(tables, state.all) + patterns.sum(pattern, maxima);
            argSizes = patterns.patterns.get(pattern);
            return bound;
        }

        /** Descends on the pool's bound from {@code start}, left at the best point; returns its bound there. */
        double run(double[] start) {
            double[] w = start.clone();
            double[] g = new double[n];
            double bestBound = Double.POSITIVE_INFINITY;
            double theta = 1;
            int stale = 0;
            for (int it = 0; it < SUBGRADIENT_STEPS && theta > 1e-3; it++) {
                double bound = poolBound(w);
                boolean progress = bound < bestBound - 1e-9 * (1 + Math.abs(bound));
                if (bound < bestBound) {
                    bestBound = bound;
                    System.arraycopy(w, 0, start, 0, n);
                }
                if (progress) {
                    stale = 0;
                } else if (++stale >= 10) {
                    theta /= 2;
                    stale = 0;
                }
                double best = state.best();
                if (bound <= best) {
                    break;
                }
                double norm = 0;
                for (int i = 0; i < n; i++) {
                    int count = 0;
                    for (int t : argSizes) {
                        count += arg[t] >>> i & 1;
                    }
                    g[i] = 1 - count;
                    norm += g[i] * g[i];
                }
                if (norm == 0) {
                    break;
                }
                double step = theta * (bound - best) / norm;
                for (int i = 0; i < n; i++) {
                    w[i] -= step * g[i];
                }
            }
            return bestBound;
        }
    }

    /** One pass over the table: per used size, the {@link #POOL_SIZE} best excesses under the weights. */
    Pool collectPool(double[] w, boolean[] used) {
        double[][] tables = byteTables(w, n);
        double[] low = tables[0];
        int chunkBits = Math.min(CHUNK_BITS, n);
        int chunks = 1 << (n - chunkBits);
        // One part per thread: each part keeps its own pools, whose trimming is the pass's main cost.
        int parts = Math.min(chunks, Integer.highestOneBit(state.threads));
        int chunksPerPart = chunks / parts;
        TopCoalitions[][] found = new TopCoalitions[parts][h + 1];
        Parallel.forEach(parts, state.threads, part -> {
            TopCoalitions[] mine = found[part];
            for (int t = 1; t <= h; t++) {
                mine[t] = new TopCoalitions(used[t] ? POOL_SIZE : 0);
            }
            double[] floor = new double[h + 1];
            int from = part * chunksPerPart << chunkBits;
            int to = (part + 1) * chunksPerPart << chunkBits;
            int span = Math.min(256, 1 << n);
            for (int base = from; base < to; base += span) {
                int outer = Integer.bitCount(base);
                if (outer > h) {
                    continue;
                }
                double outerWeight = weight(tables, base);
                for (int t = 1; t <= h; t++) {
                    floor[t] = mine[t].floor;
                }
                for (int x = base == 0 ? 1 : 0; x < span; x++) {
                    int k = outer + Integer.bitCount(x);
                    if (k <= h) {
                        double e = f[base + x] - outerWeight - low[x];
                        if (e > floor[k]) {
                            mine[k].offer(e, base + x);
                            floor[k] = mine[k].floor;
                        }
                    }
                }
            }
        });
        int[][] masks = new int[h + 1][];
        double[] floor = new double[h + 1];
        for (int t = 0; t <= h; t++) {
            TopCoalitions merged = new TopCoalitions(t >= 1 && used[t] ? POOL_SIZE : 0);
            if (t >= 1) {
                for (int part = 0; part < parts; part++) {
                    merged.addAll(found[part][t]);
                }
            }
            merged.trim();
            floor[t] = merged.floor;
            masks[t] = Arrays.copyOf(merged.masks, merged.count);
        }
        return new Pool(w.clone(), masks, floor);
    }
}

package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exact, anytime coalition structure generation in the IDP/IP family, in two phases.
 *
 * <p>Phase 1 is the dynamic programme of IDP (Rahwan and Jennings 2008, "An improved dynamic
 * programming algorithm for coalition structure generation", AAMAS) restricted to coalitions of at
 * most h = ⌊n/2⌋ players, where IDP evaluates every split anyway: f(C) = the value of the best
 * partition of C, exactly, layer by layer on all cores. Σ_{s ≤ h} C(n, s) · 2^(s−1) split
 * evaluations (9.5·10^9 at n = 24, against 5.5·10^10 for IDP and 1.4·10^11 for DP).
 *
 * <p>Phase 2 finishes the search. Every partition of N is dominated by one of two kinds: (a) a
 * coalition L with |L| > h plus a partition of N∖L (fewer than n/2 players, so f(N∖L) is exact), or
 * a split of N into two halves of at most h players; and (b) three blocks X, Y, Z of at most h players
 * each in which no two fit together into h players (four or more such blocks are impossible: the
 * two smallest of them would fit). Kind (a) is one pass over 2^(n−1) splits. Kind (b) is a
 * branch-and-bound in the manner of IP (Rahwan, Ramchurn, Jennings and Giovannucci 2009, "An anytime
 * algorithm for optimal coalition structure generation", JAIR 34) and ODP-IP (Michalak, Rahwan,
 * Elkind, Wooldridge and Jennings 2016, AIJ 230), which, like it, uses f instead of v so that a
 * block stands for all of its partitions. Its bounds are per-player: weights w_i (each player's
 * average marginal f-value, which matches the additive part of agent-based games) and each block's
 * excess f(C) − w(C); the best excess per block size, and per size among the blocks avoiding X,
 * bound what the other two blocks can add. X is taken in order of decreasing excess and the search
 * stops at the first X that cannot beat the best structure; Y is taken either from the list of
 * blocks sorted by excess, down to the threshold (a threshold algorithm), or by enumerating the
 * subsets of N∖X of its size, whichever is shorter. Worst case Θ(multinomial) like IDP's upper
 * layers; in practice a small fraction.
 *
 * <p>Anytime: stopped early (time limit or stop request) it returns the best structure found and an
 * upper bound — during phase 1 the best integer-partition combination of per-size maxima of f (or v
 * beyond the finished layers), during phase 2 the bound of the first unexplored X. Memory: the game's
 * table, one table f of 2^n doubles, and the coalitions of at most h players sorted by excess (about
 * 2^(n−1) longs): 320 MiB at n = 24. Nothing of size 3^n.
 */
public final class DpBranchAndBoundCoalitionStructure implements CoalitionStructureAlgorithm {

    public static final int MAX_PLAYERS = 27;
    private static final int CHUNK_BITS = 14;
    private static final int X_BLOCK = 32;
    private static final int SUBSET_SCAN = 1024;

    private final int threads;
    /** -Dparley.csg.debug=true prints the phases' timings and bounds to stderr. */
    private static final boolean DEBUG = Boolean.getBoolean("parley.csg.debug");

    public DpBranchAndBoundCoalitionStructure(int threads) {
        this.threads = Math.max(1, threads);
    }

    public DpBranchAndBoundCoalitionStructure() {
        this(Parallel.defaultThreads());
    }

    @Override
    public CoalitionStructure solve(CoalitionalGame game, SearchControl control) {
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("Optimal coalition structures need a table of 2^n values: " + n
                    + " players is more than " + MAX_PLAYERS + ".");
        }
        return new Run(TableGame.of(game), threads, control.start()).solve();
    }

    private static final class Run {
        final TableGame game;
        final double[] v;
        final int n;
        final int all;
        final int h;
        final int threads;
        final SearchControl.Deadline deadline;
        final AtomicLong evaluations = new AtomicLong();
        double[] f;
        int exactUpTo;

        // The best structure so far: its blocks, each to be expanded through f.
        volatile double best = Double.NEGATIVE_INFINITY;
        int[] bestBlocks = new int[0];

        Run(TableGame game, int threads, SearchControl.Deadline deadline) {
            this.game = game;
            this.v = game.values;
            this.n = game.players();
            this.all = (1 << n) - 1;
            this.h = n / 2;
            this.threads = threads;
            this.deadline = deadline;
        }

        synchronized void offer(double value, int... blocks) {
            if (value > best) {
                best = value;
                bestBlocks = blocks.clone();
            }
        }

        CoalitionStructure solve() {
            f = v.clone();
            exactUpTo = 1;
            boolean finished = dynamicProgramme();
            twoBlocks();
            double bound;
            if (finished) {
                Double stoppedBound = threeBlocks();
                finished = stoppedBound == null;
                bound = finished ? best : Math.max(best, Math.min(stoppedBound, sizeBound()));
            } else {
                bound = Math.max(best, sizeBound());
            }
            deadline.report(finished ? "done" : "stopped", 1, best, bound, true);
            List<Long> parts = new ArrayList<>();
            for (int block : bestBlocks) {
                if (block != 0) {
                    DynamicProgrammingCoalitionStructure.split(game, f, block, parts);
                }
            }
            long[] coalitions = parts.stream().mapToLong(Long::longValue).toArray();
            CoalitionStructure.checkPartition(coalitions, n);
            double value = 0;
            for (long c : coalitions) {
                value += v[(int) c];
            }
            return new CoalitionStructure(coalitions, value, Math.max(bound, value), finished,
                    "DP to n/2 + branch and bound", new CoalitionStructure.Statistics(deadline.elapsed(), evaluations.get()));
        }

        // ---- phase 1 -------------------------------------------------------------------------

        /** Exact f for every coalition of at most h players; false when stopped early. */
        boolean dynamicProgramme() {
            double total = 0;
            for (int s = 2; s <= h; s++) {
                total += binomial(n, s) * (Math.pow(2, s - 1) - 1);
            }
            double done = 0;
            int chunkBits = Math.min(CHUNK_BITS, n);
            int chunks = 1 << (n - chunkBits);
            for (int s = 2; s <= h; s++) {
                final int layer = s;
                final double before = done;
                final double layerWork = binomial(n, s) * (Math.pow(2, s - 1) - 1);
                AtomicLong chunksDone = new AtomicLong();
                AtomicBoolean stopped = new AtomicBoolean();
                final double grand = total;
                Parallel.forEach(chunks, threads, c -> {
                    if (stopped.get() || deadline.expired()) {
                        stopped.set(true);
                        return;
                    }
                    int from = c << chunkBits;
                    int to = from + (1 << chunkBits);
                    long evaluated = 0;
                    for (int coalition = from; coalition < to; coalition++) {
                        if (Integer.bitCount(coalition) != layer) {
                            continue;
                        }
                        int low = coalition & -coalition;
                        int rest = coalition ^ low;
                        double bestSplit = f[coalition];
                        for (int sub = rest; sub != 0; sub = (sub - 1) & rest) {
                            double x = f[(rest ^ sub) | low] + f[sub];
                            if (x > bestSplit) {
                                bestSplit = x;
                            }
                        }
                        evaluated += (1L << (layer - 1)) - 1;
                        f[coalition] = bestSplit;
                    }
                    evaluations.addAndGet(evaluated);
                    long k = chunksDone.incrementAndGet();
                    deadline.report("dynamic programme, coalitions of " + layer, (before + layerWork * k / chunks) / grand
                            * 0.8, best, Double.NaN, false);
                });
                if (stopped.get()) {
                    return false;
                }
                exactUpTo = s;
                done += layerWork;
            }
            return true;
        }

        /** Kind (a): every split of N in two, with f on both sides. */
        void twoBlocks() {
            int half = all >>> 1;
            int chunkBits = Math.min(CHUNK_BITS, Math.max(0, n - 1));
            int chunks = Math.max(1, (half + 1) >>> chunkBits);
            Parallel.forEach(chunks, threads, c -> {
                int from = c << chunkBits;
                int to = Math.min(half + 1, from + (1 << chunkBits));
                double localBest = Double.NEGATIVE_INFINITY;
                int localMask = -1;
                for (int x = from; x < to; x++) {
                    int m = (x << 1) | 1; // every coalition holding player 0
                    double value = f[m] + f[all ^ m];
                    if (value > localBest) {
                        localBest = value;
                        localMask = m;
                    }
                }
                if (localMask >= 0 && localBest > best) {
                    offer(localBest, localMask, all ^ localMask);
                }
            });
            evaluations.addAndGet(1L << Math.max(0, n - 1));
        }

        /**
         * An upper bound from sizes alone: the best sum of per-size maxima over the integer
         * partitions of n, with f for the finished layers and v beyond.
         */
        double sizeBound() {
            double[] top = new double[n + 1];
            Arrays.fill(top, Double.NEGATIVE_INFINITY);
            for (int c = 1; c <= all; c++) {
                int k = Integer.bitCount(c);
                double x = k <= exactUpTo ? f[c] : v[c];
                if (x > top[k]) {
                    top[k] = x;
                }
            }
            double[] u = new double[n + 1];
            for (int r = 1; r <= n; r++) {
                u[r] = Double.NEGATIVE_INFINITY;
                for (int t = 1; t <= r; t++) {
                    u[r] = Math.max(u[r], top[t] + u[r - t]);
                }
            }
            return u[n];
        }

        // ---- phase 2 -------------------------------------------------------------------------

        double[] w;
        double[][] wByte;
        long[][] sorted;
        /** Per size, the best excess f(C) − w(C); and the excess at or below which coalitions were left out of the lists. */
        double[] topExcess;
        double[] cutoff;

        double weight(int mask) {
            return weight(wByte, mask);
        }

        static double weight(double[][] tables, int mask) {
            double s = 0;
            for (int b = 0; b < tables.length; b++) {
                s += tables[b][(mask >>> (8 * b)) & 255];
            }
            return s;
        }

        /** Kind (b); returns null when complete, else an upper bound for what is left. */
        Double threeBlocks() {
            int t1Max = n / 3;
            List<int[]>[] pairs = pairsBySmallestSize();
            boolean any = false;
            for (int t1 = 1; t1 <= t1Max; t1++) {
                any |= !pairs[t1].isEmpty();
            }
            if (!any) {
                return null;
            }
            long started = System.nanoTime();
            playerWeights(pairs);
            double wAll = weight(all);
            double margin = 1e-9 * (Math.abs(best) + 1);
            double[] maxPair = new double[t1Max + 1];
            for (int t1 = 1; t1 <= t1Max; t1++) {
                maxPair[t1] = Double.NEGATIVE_INFINITY;
                for (int[] p : pairs[t1]) {
                    maxPair[t1] = Math.max(maxPair[t1], topExcess[p[0]] + topExcess[p[1]]);
                }
            }
            // A coalition of size t can only help when its excess beats the target minus the best the
            // other two blocks of some three-block size pattern holding t could add.
            cutoff = new double[h + 1];
            Arrays.fill(cutoff, Double.POSITIVE_INFINITY);
            for (int t1 = 1; t1 <= t1Max; t1++) {
                for (int[] p : pairs[t1]) {
                    int[] sizes = {t1, p[0], p[1]};
                    for (int j = 0; j < 3; j++) {
                        double others = topExcess[sizes[(j + 1) % 3]] + topExcess[sizes[(j + 2) % 3]];
                        cutoff[sizes[j]] = Math.min(cutoff[sizes[j]], best - wAll - margin - others);
                    }
                }
            }
            long sortStarted = System.nanoTime();
            sortByExcess();
            if (DEBUG) {
                long kept = 0;
                for (int t = 1; t <= h; t++) {
                    kept += sorted[t].length;
                }
                System.err.printf("weights %.2fs, lists %.2fs (%d coalitions kept)%n", (sortStarted - started) / 1e9,
                        (System.nanoTime() - sortStarted) / 1e9, kept);
            }
            long candidates = 0;
            for (int t1 = 1; t1 <= t1Max; t1++) {
                if (!pairs[t1].isEmpty()) {
                    candidates += sorted[t1].length;
                }
            }
            AtomicLong processed = new AtomicLong();
            final long candidateCount = candidates;
            for (int t1 = 1; t1 <= t1Max; t1++) {
                if (pairs[t1].isEmpty()) {
                    continue;
                }
                final int size1 = t1;
                final long[] xs = sorted[t1];
                final double pairBound = maxPair[t1];
                AtomicBoolean exhausted = new AtomicBoolean();
                AtomicBoolean stopped = new AtomicBoolean();
                int blocks = (xs.length + X_BLOCK - 1) / X_BLOCK;
                long[] lowestOpen = new long[] {Long.MAX_VALUE};
                Parallel.forEach(blocks, threads, block -> {
                    if (exhausted.get() || stopped.get()) {
                        return;
                    }
                    Worker worker = new Worker();
                    for (int i = block * X_BLOCK; i < Math.min(xs.length, (block + 1) * X_BLOCK); i++) {
                        if (deadline.expired()) {
                            stopped.set(true);
                            synchronized (lowestOpen) {
                                lowestOpen[0] = Math.min(lowestOpen[0], i);
                            }
                            return;
                        }
                        double excessBound = keyValue(xs[i]);
                        if (excessBound + pairBound <= best - wAll - margin) {
                            exhausted.set(true);
                            return;
                        }
                        worker.searchX((int) xs[i], size1, pairs[size1], wAll, margin);
                        long p = processed.incrementAndGet();
                        if ((p & 255) == 0) {
                            deadline.report("three-coalition structures", 0.8 + 0.2 * p / Math.max(1, candidateCount),
                                    best, Double.NaN, false);
                        }
                    }
                });
                if (stopped.get()) {
                    // Left: the unexplored X of this size and every larger size.
                    double bound = best;
                    int open = (int) Math.min(lowestOpen[0], xs.length - 1);
                    bound = Math.max(bound, wAll + keyValue(xs[open]) + pairBound);
                    for (int t = t1 + 1; t <= t1Max; t++) {
                        if (!pairs[t].isEmpty() && sorted[t].length > 0) {
                            bound = Math.max(bound, wAll + topExcess[t] + maxPair[t]);
                        }
                    }
                    return bound + margin;
                }
            }
            if (DEBUG) {
                System.err.printf("three blocks: %d of %d X searched%n", processed.get(), candidates);
            }
            return null;
        }

        /** For each size t1 of X, the sizes (t2, t3) of Y and Z: t1 ≤ t2 ≤ t3 ≤ h, t1 + t2 > h. */
        @SuppressWarnings("unchecked")
        List<int[]>[] pairsBySmallestSize() {
            List<int[]>[] pairs = new List[n / 3 + 1];
            for (int t1 = 0; t1 <= n / 3; t1++) {
                pairs[t1] = new ArrayList<>();
                if (t1 == 0) {
                    continue;
                }
                for (int t2 = t1; t2 <= h; t2++) {
                    int t3 = n - t1 - t2;
                    if (t3 >= t2 && t3 <= h && t1 + t2 > h) {
                        pairs[t1].add(new int[] {t2, t3});
                    }
                }
            }
            return pairs;
        }

        /**
         * w_i = the average over sizes t ≤ h of (mean f of the t-coalitions holding i) − (mean f of the
         * (t−1)-coalitions without i): i's marginal worth if f were additive.
         */
        void playerWeights(List<int[]>[] pairs) {
            int chunkBits = Math.min(CHUNK_BITS, n);
            int chunks = 1 << (n - chunkBits);
            double[][] totals = new double[chunks][];
            double[][] members = new double[chunks][];
            Parallel.forEach(chunks, threads, c -> {
                double[] total = new double[h + 1];
                double[] member = new double[n * (h + 1)];
                int from = c << chunkBits;
                for (int m = from; m < from + (1 << chunkBits); m++) {
                    int k = Integer.bitCount(m);
                    if (k > h || k == 0) {
                        continue;
                    }
                    double x = f[m];
                    total[k] += x;
                    for (int rest = m; rest != 0; rest &= rest - 1) {
                        member[Integer.numberOfTrailingZeros(rest) * (h + 1) + k] += x;
                    }
                }
                totals[c] = total;
                members[c] = member;
            });
            double[] total = new double[h + 1];
            double[] member = new double[n * (h + 1)];
            for (int c = 0; c < chunks; c++) {
                for (int k = 0; k <= h; k++) {
                    total[k] += totals[c][k];
                }
                for (int j = 0; j < member.length; j++) {
                    member[j] += members[c][j];
                }
            }
            w = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int t = 1; t <= h; t++) {
                    double count = binomial(n - 1, t - 1);
                    double with = member[i * (h + 1) + t] / count;
                    double without = (total[t - 1] - member[i * (h + 1) + t - 1]) / count;
                    sum += with - without;
                }
                w[i] = h == 0 ? 0 : sum / h;
            }
            shrinkWeights(pairs);
            wByte = byteTables(w);
        }

        /**
         * Weights only help when the game has an additive part; on symmetric games their noise
         * loosens the bounds. So w is shrunk towards its mean, w_λ = μ + λ(w − μ) (λ = 0 gives the
         * plain per-size bounds of IP), choosing the λ whose bound on three-block structures,
         * w_λ(N) + max over sizes of the best excesses, is lowest.
         */
        void shrinkWeights(List<int[]>[] pairs) {
            double mean = Arrays.stream(w).average().orElse(0);
            double[] lambdas = {0, 0.25, 0.5, 0.75, 1};
            double[][][] tables = new double[lambdas.length][][];
            for (int l = 0; l < lambdas.length; l++) {
                double[] shrunk = new double[n];
                for (int i = 0; i < n; i++) {
                    shrunk[i] = mean + lambdas[l] * (w[i] - mean);
                }
                tables[l] = byteTables(shrunk);
            }
            int chunkBits = Math.min(CHUNK_BITS, n);
            int chunks = 1 << (n - chunkBits);
            double[][] chunkTop = new double[chunks][];
            Parallel.forEach(chunks, threads, c -> {
                double[] top = new double[lambdas.length * (h + 1)];
                Arrays.fill(top, Double.NEGATIVE_INFINITY);
                int from = c << chunkBits;
                for (int m = from; m < from + (1 << chunkBits); m++) {
                    int k = Integer.bitCount(m);
                    if (k > h || k == 0) {
                        continue;
                    }
                    for (int l = 0; l < lambdas.length; l++) {
                        double e = f[m] - weight(tables[l], m);
                        int at = l * (h + 1) + k;
                        if (e > top[at]) {
                            top[at] = e;
                        }
                    }
                }
                chunkTop[c] = top;
            });
            double bestBound = Double.POSITIVE_INFINITY;
            double bestLambda = 0;
            for (int l = 0; l < lambdas.length; l++) {
                double[] top = new double[h + 1];
                Arrays.fill(top, Double.NEGATIVE_INFINITY);
                for (double[] chunk : chunkTop) {
                    for (int k = 1; k <= h; k++) {
                        top[k] = Math.max(top[k], chunk[l * (h + 1) + k]);
                    }
                }
                double bound = Double.NEGATIVE_INFINITY;
                for (int t1 = 1; t1 < pairs.length; t1++) {
                    for (int[] p : pairs[t1]) {
                        bound = Math.max(bound, top[t1] + top[p[0]] + top[p[1]]);
                    }
                }
                bound += weight(tables[l], all);
                if (DEBUG) {
                    System.err.printf("lambda %.2f: three-block bound %.6f (best %.6f)%n", lambdas[l], bound, best);
                }
                if (bound < bestBound) {
                    bestBound = bound;
                    bestLambda = lambdas[l];
                    topExcess = top;
                }
            }
            for (int i = 0; i < n; i++) {
                w[i] = mean + bestLambda * (w[i] - mean);
            }
        }

        double[][] byteTables(double[] weights) {
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
         * Per size t ≤ h, the coalitions whose excess f(C) − w(C) beats {@code cutoff[t]}, sorted by
         * decreasing excess, keyed by a rounded-up float. Two passes (count, then fill) so that the
         * lists take no more memory than they hold.
         */
        void sortByExcess() {
            int chunkBits = Math.min(CHUNK_BITS, n);
            int chunks = 1 << (n - chunkBits);
            int[][] counts = new int[chunks][];
            Parallel.forEach(chunks, threads, c -> {
                int[] count = new int[h + 1];
                int from = c << chunkBits;
                for (int m = from; m < from + (1 << chunkBits); m++) {
                    int k = Integer.bitCount(m);
                    if (k >= 1 && k <= h && f[m] - weight(m) > cutoff[k]) {
                        count[k]++;
                    }
                }
                counts[c] = count;
            });
            int[][] offsets = new int[chunks][h + 1];
            int[] total = new int[h + 1];
            for (int c = 0; c < chunks; c++) {
                for (int k = 1; k <= h; k++) {
                    offsets[c][k] = total[k];
                    total[k] += counts[c][k];
                }
            }
            sorted = new long[h + 1][];
            for (int k = 0; k <= h; k++) {
                sorted[k] = new long[total[k]];
            }
            Parallel.forEach(chunks, threads, c -> {
                int[] at = offsets[c].clone();
                int from = c << chunkBits;
                for (int m = from; m < from + (1 << chunkBits); m++) {
                    int k = Integer.bitCount(m);
                    if (k >= 1 && k <= h) {
                        double e = f[m] - weight(m);
                        if (e > cutoff[k]) {
                            sorted[k][at[k]++] = key(e, m);
                        }
                    }
                }
            });
            for (int s = 1; s <= h; s++) {
                Arrays.parallelSort(sorted[s]);
                reverse(sorted[s]);
            }
        }

        private static void reverse(long[] a) {
            for (int i = 0, j = a.length - 1; i < j; i++, j--) {
                long t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }

        /** Sorts like the excess, rounded up to a float so that the key never understates it. */
        static long key(double excess, int mask) {
            float rounded = (float) excess;
            if (rounded < excess) {
                rounded = Math.nextUp(rounded);
            }
            int bits = Float.floatToRawIntBits(rounded);
            int sortable = bits ^ ((bits >> 31) & 0x7FFFFFFF);
            return ((long) sortable << 32) | (mask & 0xFFFFFFFFL);
        }

        static double keyValue(long key) {
            int sortable = (int) (key >> 32);
            int bits = sortable ^ ((sortable >> 31) & 0x7FFFFFFF);
            return Float.intBitsToFloat(bits);
        }

        /** The number of leading entries of a list sorted by decreasing key whose key exceeds {@code threshold}. */
        static int countAbove(long[] list, double threshold) {
            int lo = 0;
            int hi = list.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (keyValue(list[mid]) > threshold) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** One thread's search below a given X. */
        final class Worker {
            final int[][] deposit = new int[4][256];
            final int[] positions = new int[32];
            long evaluated;

            /** The best excess among the t-coalitions inside {@code allowed}, or a bound for it. */
            double bestInside(int size, int allowed) {
                long[] list = sorted[size];
                int limit = Math.min(list.length, SUBSET_SCAN);
                for (int i = 0; i < limit; i++) {
                    if (((int) list[i] & ~allowed) == 0) {
                        return keyValue(list[i]);
                    }
                }
                return limit < list.length ? keyValue(list[limit]) : cutoff[size];
            }

            void searchX(int x, int t1, List<int[]> pairs, double wAll, double margin) {
                int rest = all ^ x;
                double fx = f[x];
                double ex = fx - weight(x);
                for (int[] pair : pairs) {
                    int t2 = pair[0];
                    int t3 = pair[1];
                    if (t1 == t2 && t2 == t3 && (x & 1) == 0) {
                        continue; // three equal blocks: let X be the one holding player 0
                    }
                    double target = best - wAll - margin;
                    if (ex + topExcess[t2] + topExcess[t3] <= target) {
                        continue;
                    }
                    double bestZ = bestInside(t3, rest);
                    double bestY = bestInside(t2, rest);
                    if (ex + bestY + bestZ <= target) {
                        continue;
                    }
                    // Where Y may lie: with two equal larger blocks, Y holds the lowest player left;
                    // with |X| = |Y|, Y's players all come after X's lowest player.
                    int fixed = 0;
                    int free = rest;
                    if (t2 == t3) {
                        fixed = rest & -rest;
                        free = rest ^ fixed;
                    } else if (t1 == t2) {
                        int lowX = x & -x;
                        free = rest & ~(lowX | (lowX - 1));
                    }
                    int k = t2 - (fixed != 0 ? 1 : 0);
                    int m = Integer.bitCount(free);
                    if (k > m) {
                        continue;
                    }
                    double direct = binomial(m, k);
                    double threshold = target - ex - bestZ;
                    // The list holds every Y above the threshold only when the threshold is above its cutoff.
                    int scan = threshold >= cutoff[t2] ? countAbove(sorted[t2], threshold) : Integer.MAX_VALUE;
                    if (scan <= 4 * direct) {
                        scanY(sorted[t2], scan, x, fx, ex, rest, fixed, free, bestZ, wAll, margin);
                    } else {
                        enumerateY(x, fx, ex, rest, fixed, free, k, bestZ, wAll, margin);
                    }
                }
                evaluations.addAndGet(evaluated);
                evaluated = 0;
            }

            private void scanY(long[] list, int scan, int x, double fx, double ex, int rest, int fixed, int free,
                    double bestZ, double wAll, double margin) {
                int allowed = fixed | free;
                for (int i = 0; i < scan; i++) {
                    int y = (int) list[i];
                    if ((y & ~allowed) != 0 || (y & fixed) != fixed) {
                        continue;
                    }
                    if (keyValue(list[i]) + ex + bestZ <= best - wAll - margin) {
                        return;
                    }
                    evaluated++;
                    double value = fx + f[y] + f[rest ^ y];
                    if (value > best) {
                        offer(value, x, y, rest ^ y);
                    }
                }
            }

            private void enumerateY(int x, double fx, double ex, int rest, int fixed, int free, int k, double bestZ,
                    double wAll, double margin) {
                int m = 0;
                for (int b = free; b != 0; b &= b - 1) {
                    positions[m++] = Integer.numberOfTrailingZeros(b);
                }
                int tables = (m + 7) / 8;
                for (int t = 0; t < tables; t++) {
                    int[] table = deposit[t];
                    for (int byteValue = 0; byteValue < 256; byteValue++) {
                        int d = 0;
                        for (int j = 0; j < 8 && 8 * t + j < m; j++) {
                            if ((byteValue >>> j & 1) != 0) {
                                d |= 1 << positions[8 * t + j];
                            }
                        }
                        table[byteValue] = d;
                    }
                }
                for (int t = tables; t < 4; t++) {
                    Arrays.fill(deposit[t], 0);
                }
                if (k == 0) {
                    evaluated++;
                    double value = fx + f[fixed] + f[rest ^ fixed];
                    if (value > best) {
                        offer(value, x, fixed, rest ^ fixed);
                    }
                    return;
                }
                double threshold = best - wAll - margin - ex - bestZ;
                int[] d0 = deposit[0];
                int[] d1 = deposit[1];
                int[] d2 = deposit[2];
                int[] d3 = deposit[3];
                long limit = 1L << m;
                int c = (1 << k) - 1;
                while (c < limit && c > 0) {
                    int y = fixed | d0[c & 255] | d1[(c >>> 8) & 255] | d2[(c >>> 16) & 255] | d3[c >>> 24];
                    double fy = f[y];
                    evaluated++;
                    if (fy - weight(y) > threshold) {
                        double value = fx + fy + f[rest ^ y];
                        if (value > best) {
                            offer(value, x, y, rest ^ y);
                            threshold = best - wAll - margin - ex - bestZ;
                        }
                    }
                    int lowest = c & -c;
                    int ripple = c + lowest;
                    c = ripple | (((ripple ^ c) >>> 2) >>> Integer.numberOfTrailingZeros(c));
                }
            }
        }
    }

    static double binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return Math.rint(r);
    }
}

package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exact, anytime coalition structure generation in the IDP/IP/ODP-IP family, in two phases.
 *
 * <p>Phase 1 is the dynamic programme of IDP (Rahwan and Jennings 2008, "An improved dynamic
 * programming algorithm for coalition structure generation", AAMAS) restricted to coalitions of at
 * most d players: f(C) = the value of the best partition of C, exactly, on all cores, with
 * d = h = ⌊n/2⌋ for odd n and d = h − 1 for even n. Σ_{s ≤ d} C(n, s) · 2^(s−1) split evaluations
 * (4.0·10^9 at n = 24, against 5.5·10^10 for IDP and 1.4·10^11 for DP), in blocks of eight
 * coalitions that share their reads ({@link SplitBlocks}): about 0.6 ns per split and core.
 *
 * <p>Phase 2 finishes the search. Group the blocks of any partition greedily into groups of at most
 * d players: the partition is dominated (f of each group is at least the value of its blocks) by
 * one of these kinds.
 * (a) A coalition L with |L| > h and a partition of N∖L, which has fewer than n/2 players, so
 * f(N∖L) is exact; or two coalitions of h players each, worth v (n even): one pass over the 2^(n−1)
 * splits of N in two. (b) Three groups X, Y, Z of at most h players, no two of which fit together
 * into d players (four or more such groups are impossible but in (c)); when n is even also a
 * coalition of h players worth v with the rest in two groups. (c) When n is divisible by 4: four
 * groups of n/4 players (the one way four groups can pairwise exceed d = n/2 − 1 players).
 * Leaving the n/2-coalitions, 58 % of the splits at n = 24, out of phase 1 costs phase 2 little:
 * their structures are the size patterns (h; t, h − t) and (n/4)^4 of the same search.
 *
 * <p>Kinds (b) and (c) are a branch-and-bound in the manner of IP (Rahwan, Ramchurn, Jennings and
 * Giovannucci 2009, "An anytime algorithm for optimal coalition structure generation", JAIR 34) and
 * ODP-IP (Michalak, Rahwan, Elkind, Wooldridge and Jennings 2016, "A hybrid exact algorithm for
 * complete set partitioning", AIJ 230), which, like it, uses f instead of v so that a group stands
 * for all of its partitions. Its bounds are per-player: weights w_i and each group's excess
 * f(C) − w(C); the best excess per size, and per size among the groups avoiding X, bound what the
 * other groups can add. The weights minimise the bound over all the size patterns, a Lagrangian
 * relaxation solved by subgradient descent (see {@link Run#lagrangianWeights}): per-size maxima
 * alone (IP's bounds) leave agent-based games 30 % above their optimum, these 1–2 %. The best
 * structure is first seeded from the coalitions of best excess, so that the search starts close to
 * the optimum. X is taken in order of decreasing excess and the search stops at the first X that
 * cannot beat the best structure; Y is taken either from the list of groups sorted by excess, down
 * to the threshold (a threshold algorithm), or by enumerating the subsets of N∖X of its size,
 * whichever is shorter. Worst case Θ(multinomial) like IDP's upper layers; in practice a small
 * fraction.
 *
 * <p>Anytime: stopped early (time limit or stop request) it returns the best structure found and an
 * upper bound — during phase 1 the best integer-partition combination of per-size maxima of f (or v
 * beyond the finished layers), during phase 2 the bound of the first unexplored X. Memory: the game's
 * table, one table f of 2^n doubles, an eighth of one for phase 1's last class of blocks, and the
 * groups whose excess can still matter sorted by excess (a few 10^5 longs): under 300 MiB at n = 24.
 * Nothing of size 3^n.
 */
public final class DpBranchAndBoundCoalitionStructure implements CoalitionStructureAlgorithm {

    public static final int MAX_PLAYERS = 27;
    private static final int CHUNK_BITS = 14;
    /** Tables of at least this many players compact their last class of blocks (see blockClass). */
    private static final int COMPACT_BITS = 12;
    private static final int X_BLOCK = 32;
    private static final int SUBSET_SCAN = 1024;
    private static final int POOL_SIZE = 2048;
    private static final int SEED = 256;
    private static final int MAX_POOL_ROUNDS = 6;
    private static final int SUBGRADIENT_STEPS = 600;

    private final int threads;
    private final int compactBits;
    /** -Dparley.csg.debug=true prints the phases' timings and bounds to stderr. */
    private static final boolean DEBUG = Boolean.getBoolean("parley.csg.debug");

    public DpBranchAndBoundCoalitionStructure(int threads) {
        this(threads, COMPACT_BITS);
    }

    /** Compacting from tables of {@code compactBits} players on, so that tests reach it with small games. */
    DpBranchAndBoundCoalitionStructure(int threads, int compactBits) {
        this.threads = Math.max(1, threads);
        this.compactBits = compactBits;
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
        return new Run(TableGame.of(game), threads, compactBits, control.start()).solve();
    }

    /** Phase 1 alone: f for every coalition of at most ⌊n/2⌋ players, v beyond (for tests). */
    static double[] halfTable(TableGame game, int threads, int compactBits) {
        Run run = new Run(game, threads, compactBits, SearchControl.UNLIMITED.start());
        run.f = run.v.clone();
        run.dynamicProgramme();
        return run.f;
    }

    private static final class Run {
        final TableGame game;
        final double[] v;
        final int n;
        final int all;
        final int h;
        /**
         * The largest coalitions phase 1 finishes: h, or h − 1 when n is even, where phase 2 then
         * covers the h-coalitions too (see the class comment).
         */
        final int top;
        final int threads;
        final int compactBits;
        final SearchControl.Deadline deadline;
        final AtomicLong evaluations = new AtomicLong();
        double[] f;
        int exactUpTo;

        // The best structure so far: its blocks, each to be expanded through f.
        volatile double best = Double.NEGATIVE_INFINITY;
        int[] bestBlocks = new int[0];

        Run(TableGame game, int threads, int compactBits, SearchControl.Deadline deadline) {
            this.game = game;
            this.v = game.values;
            this.n = game.players();
            this.all = (1 << n) - 1;
            this.h = n / 2;
            this.top = n % 2 == 0 ? Math.max(1, h - 1) : h;
            this.threads = threads;
            this.compactBits = compactBits;
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
            long t0 = System.nanoTime();
            boolean finished = dynamicProgramme();
            long t1 = System.nanoTime();
            twoBlocks();
            if (DEBUG) {
                System.err.printf("dp %.2fs, two blocks %.2fs, best %.6f%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, best);
            }
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
                    "DP below n/2 + branch and bound", new CoalitionStructure.Statistics(deadline.elapsed(), evaluations.get()));
        }

        // ---- phase 1 -------------------------------------------------------------------------

        /**
         * Exact f for every coalition of at most {@link #top} players; false when stopped early.
         * Coalitions go in blocks of eight that differ only in players 0..2 ({@link SplitBlocks}), by
         * the number of their other players (c = 1..top), so every block reads only finished blocks;
         * the blocks of one c are shared among the threads.
         */
        boolean dynamicProgramme() {
            int lowPlayers = Math.min(n, 3);
            for (int c = 3; c < 1 << lowPlayers; c++) {
                int k = Integer.bitCount(c);
                if (k < 2 || k > top) {
                    continue;
                }
                double bestSplit = f[c];
                for (int a = (c - 1) & c; a != 0; a = (a - 1) & c) {
                    double x = f[a] + f[c ^ a];
                    if (x > bestSplit) {
                        bestSplit = x;
                    }
                }
                f[c] = bestSplit;
            }
            if (n <= 3) {
                exactUpTo = top;
                return true;
            }
            double total = 0;
            for (int s = 2; s <= top; s++) {
                total += binomial(n, s) * (Math.pow(2, s - 1) - 1);
            }
            grandWork = total;
            for (int c = 1; c <= top; c++) {
                long classStarted = System.nanoTime();
                if (!blockClass(f, n, c)) {
                    return false;
                }
                if (DEBUG) {
                    System.err.printf("  blocks with %d outer players: %.3fs%n", c, (System.nanoTime() - classStarted) / 1e9);
                }
                exactUpTo = c;
            }
            return true;
        }

        private double grandWork;
        private final AtomicBoolean stopped = new AtomicBoolean();

        /**
         * The blocks of {@code table} (coalitions of {@code bits} players) with c players outside
         * players 0..2, on all threads; false when stopped. With c = top only the block's coalition
         * without players 0..2 is left to compute, and its subsets are every eighth entry of the
         * table, each on a cache line of its own: so that class runs on a copy of those entries (an
         * eighth of the table), where they are adjacent again — the blocks of that copy whose
         * coalitions reach top players, and recursively its own last class. Stopped there, the
         * class's coalitions keep v (phase 1 then reports the sizes below as finished only).
         */
        private boolean blockClass(double[] table, int bits, int c) {
            int blocks = 1 << (bits - 3);
            if (c == top && bits >= compactBits && top > 3) {
                double[] every8th = new double[blocks];
                Parallel.forEach(Math.max(1, blocks >>> CHUNK_BITS), threads, chunk -> {
                    int from = chunk << Math.min(CHUNK_BITS, bits - 3);
                    int to = Math.min(blocks, from + (1 << CHUNK_BITS));
                    for (int x = from; x < to; x++) {
                        every8th[x] = table[x << 3];
                    }
                });
                for (int inner = top - 3; inner <= top; inner++) {
                    if (!blockClass(every8th, bits - 3, inner)) {
                        return false;
                    }
                }
                Parallel.forEach(Math.max(1, blocks >>> CHUNK_BITS), threads, chunk -> {
                    int from = chunk << Math.min(CHUNK_BITS, bits - 3);
                    int to = Math.min(blocks, from + (1 << CHUNK_BITS));
                    for (int x = from; x < to; x++) {
                        if (Integer.bitCount(x) == top) {
                            table[x << 3] = every8th[x];
                        }
                    }
                });
                return true;
            }
            int chunkBits = Math.min(CHUNK_BITS - 3, bits - 3);
            int chunks = blocks >>> chunkBits;
            int budget = Math.min(3, top - c);
            int perSplit = SplitBlocks.CANDIDATES[budget];
            Parallel.forEach(chunks, threads, chunk -> {
                if (stopped.get() || deadline.expired()) {
                    stopped.set(true);
                    return;
                }
                int from = chunk << chunkBits;
                int to = from + (1 << chunkBits);
                long evaluated = 0;
                for (int block = Math.max(1, from); block < to; block++) {
                    if (Integer.bitCount(block) == c) {
                        evaluated += SplitBlocks.evaluate(table, block << 3, budget) * perSplit;
                    }
                }
                long done = evaluations.addAndGet(evaluated);
                deadline.report("dynamic programme, coalitions of up to " + top + " players", done / grandWork * 0.8,
                        best, Double.NaN, false);
            });
            return !stopped.get();
        }

        /** Kind (a): every split of N in two, with f on both sides (v for n/2 players when n is even). */
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
            double[] maxima = new double[n + 1];
            Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
            for (int c = 1; c <= all; c++) {
                int k = Integer.bitCount(c);
                double x = k <= exactUpTo ? f[c] : v[c];
                if (x > maxima[k]) {
                    maxima[k] = x;
                }
            }
            double[] u = new double[n + 1];
            for (int r = 1; r <= n; r++) {
                u[r] = Double.NEGATIVE_INFINITY;
                for (int t = 1; t <= r; t++) {
                    u[r] = Math.max(u[r], maxima[t] + u[r - t]);
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

        /**
         * Kinds (b) and (c); returns null when complete, else an upper bound for what is left (the
         * structures of kind (c) are searched first: there are few).
         */
        Double threeBlocks() {
            int t1Max = n / 3;
            List<int[]>[] pairs = pairsBySmallestSize();
            patterns = new ArrayList<>();
            for (int t1 = 1; t1 <= t1Max; t1++) {
                for (int[] p : pairs[t1]) {
                    patterns.add(new int[] {t1, p[0], p[1]});
                }
            }
            int quarter = top < h && h % 2 == 0 ? h / 2 : 0;
            if (quarter > 0) {
                patterns.add(new int[] {quarter, quarter, quarter, quarter});
            }
            if (patterns.isEmpty()) {
                return null;
            }
            long started = System.nanoTime();
            lagrangianWeights(pairs, quarter);
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
            // other blocks of some size pattern holding t could add.
            cutoff = new double[h + 1];
            Arrays.fill(cutoff, Double.POSITIVE_INFINITY);
            for (int[] pattern : patterns) {
                double sum = 0;
                for (int t : pattern) {
                    sum += topExcess[t];
                }
                for (int t : pattern) {
                    cutoff[t] = Math.min(cutoff[t], best - wAll - margin - (sum - topExcess[t]));
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
            if (quarter > 0) {
                Double left = fourBlocks(quarter, wAll, margin);
                if (left != null) {
                    double bound = left;
                    for (int t = 1; t <= t1Max; t++) {
                        if (!pairs[t].isEmpty() && sorted[t].length > 0) {
                            bound = Math.max(bound, wAll + topExcess[t] + maxPair[t]);
                        }
                    }
                    return bound + margin;
                }
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
                // The list is sorted by decreasing excess: once one X fails the bound, every later X does.
                AtomicInteger failedFrom = new AtomicInteger(Integer.MAX_VALUE);
                AtomicInteger lowestOpen = new AtomicInteger(Integer.MAX_VALUE);
                int blocks = (xs.length + X_BLOCK - 1) / X_BLOCK;
                Parallel.forEach(blocks, threads, block -> {
                    Worker worker = new Worker();
                    for (int i = block * X_BLOCK; i < Math.min(xs.length, (block + 1) * X_BLOCK); i++) {
                        if (i >= failedFrom.get()) {
                            return;
                        }
                        if (deadline.expired()) {
                            lowestOpen.accumulateAndGet(i, Math::min);
                            return;
                        }
                        double excessBound = keyValue(xs[i]);
                        if (excessBound + pairBound <= best - wAll - margin) {
                            failedFrom.accumulateAndGet(i, Math::min);
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
                int open = lowestOpen.get();
                if (open < Math.min(failedFrom.get(), xs.length)) {
                    // Left: the unexplored X of this size and every larger size.
                    double bound = Math.max(best, wAll + keyValue(xs[open]) + pairBound);
                    for (int t = t1 + 1; t <= t1Max; t++) {
                        if (!pairs[t].isEmpty() && sorted[t].length > 0) {
                            bound = Math.max(bound, wAll + topExcess[t] + maxPair[t]);
                        }
                    }
                    return bound + margin;
                }
            }
            if (DEBUG) {
                System.err.printf("three blocks: %d of %d X searched, %.2fs%n", processed.get(), candidates,
                        (System.nanoTime() - started) / 1e9);
            }
            return null;
        }

        /**
         * A good structure before the lists are cut: the pool holds the coalitions of best excess, and
         * the blocks of good structures are among them. For every size pattern, X and Y from the
         * pool's first {@link #SEED} coalitions of their sizes, the rest as the last block (or split
         * every way in two, for four blocks): SEED² structures per pattern, so that the cutoffs, and
         * with them the lists, start from a best close to the optimum.
         */
        void seedFromPool(Pool candidates, double[] weights, List<int[]>[] pairs, int quarter) {
            double before = best;
            double[][] tables = byteTables(weights);
            int[][] leaders = new int[h + 1][];
            for (int t = 1; t <= h; t++) {
                int[] masks = candidates.masks[t];
                long[] keys = new long[masks.length];
                for (int i = 0; i < masks.length; i++) {
                    keys[i] = key(f[masks[i]] - weight(tables, masks[i]), masks[i]);
                }
                Arrays.sort(keys);
                leaders[t] = new int[Math.min(SEED, keys.length)];
                for (int i = 0; i < leaders[t].length; i++) {
                    leaders[t][i] = (int) keys[keys.length - 1 - i];
                }
            }
            Worker worker = new Worker();
            for (int t1 = 1; t1 < pairs.length; t1++) {
                for (int[] p : pairs[t1]) {
                    for (int x : leaders[t1]) {
                        for (int y : leaders[p[0]]) {
                            if ((x & y) == 0) {
                                double value = f[x] + f[y] + f[all ^ x ^ y];
                                if (value > best) {
                                    offer(value, x, y, all ^ x ^ y);
                                }
                            }
                        }
                    }
                }
            }
            if (quarter > 0) {
                for (int x : leaders[quarter]) {
                    int rest = all ^ x;
                    for (int y : leaders[quarter]) {
                        if ((x & y) == 0 && (x & 1) != 0 && (y & (rest & -rest)) != 0) {
                            worker.splitRest(x, y, rest ^ y, quarter);
                        }
                    }
                }
            }
            if (DEBUG) {
                System.err.printf("seeded from the pool: best %.6f -> %.6f%n", before, best);
            }
        }

        /**
         * Kind (c): four blocks of q = n/4 players (n divisible by 4 and f exact below n/2 only). X
         * holds player 0, Y the lowest player outside X, both taken from the list of q-coalitions by
         * decreasing excess while X's and Y's excesses plus two (three) best excesses can still beat
         * the best structure; the last two blocks split the rest every way. Returns null when
         * complete, else an upper bound for the structures of this kind left unexplored.
         */
        Double fourBlocks(int quarter, double wAll, double margin) {
            long[] list = sorted[quarter];
            double top2 = 2 * topExcess[quarter];
            AtomicInteger failedFrom = new AtomicInteger(Integer.MAX_VALUE);
            AtomicInteger lowestOpen = new AtomicInteger(Integer.MAX_VALUE);
            AtomicLong searched = new AtomicLong();
            int blocks = (list.length + X_BLOCK - 1) / X_BLOCK;
            Parallel.forEach(blocks, threads, block -> {
                Worker worker = new Worker();
                for (int i = block * X_BLOCK; i < Math.min(list.length, (block + 1) * X_BLOCK); i++) {
                    if (i >= failedFrom.get()) {
                        return;
                    }
                    if (deadline.expired()) {
                        lowestOpen.accumulateAndGet(i, Math::min);
                        return;
                    }
                    double ex = keyValue(list[i]);
                    if (ex + top2 + topExcess[quarter] <= best - wAll - margin) {
                        failedFrom.accumulateAndGet(i, Math::min);
                        return;
                    }
                    int x = (int) list[i];
                    if ((x & 1) == 0) {
                        continue;
                    }
                    searched.incrementAndGet();
                    int rest = all ^ x;
                    int low = rest & -rest;
                    for (long keyY : list) {
                        if (ex + keyValue(keyY) + top2 <= best - wAll - margin) {
                            break;
                        }
                        int y = (int) keyY;
                        if ((y & x) == 0 && (y & low) != 0) {
                            worker.splitRest(x, y, rest ^ y, quarter);
                        }
                    }
                }
            });
            if (DEBUG) {
                System.err.printf("four blocks: %d X searched%n", searched.get());
            }
            int open = lowestOpen.get();
            if (open < Math.min(failedFrom.get(), list.length)) {
                return Math.max(best, wAll + keyValue(list[open]) + top2 + topExcess[quarter]);
            }
            return null;
        }

        /**
         * For each size t1 of X, the sizes (t2, t3) of Y and Z. Kind (b): t1 ≤ t2 ≤ t3, t3 ≤ h and
         * t1 + t2 > h. When f is exact below h only (n even), also t3 = h and t1 + t2 = h: a
         * coalition of h players (worth v) with the rest split in two.
         */
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
                    if (t3 >= t2 && t3 <= h && (t1 + t2 > h || top < h && t3 == h)) {
                        pairs[t1].add(new int[] {t2, t3});
                    }
                }
            }
            return pairs;
        }

        /**
         * Per-player weights w that make the three-block bound w(N) + max over size patterns of
         * Σ_j E_{t_j}(w) (E_t(w) the best excess f(C) − w(C) over the t-coalitions) as low as we can:
         * it is the Lagrangian relaxation of "every player in exactly one block", so any w gives a
         * valid bound, and the best w the bound of the linear relaxation (Held and Karp 1971; Fisher
         * 1981, "The Lagrangian relaxation method for solving integer programming problems",
         * Management Science 27). On agent-based games it comes within 2 % of the optimum where the
         * plain per-size maxima of IP are 30 % above it.
         *
         * <p>Minimised by subgradient descent with Polyak steps on a pool: the {@link #POOL_SIZE} best
         * coalitions of each size under the weights w0 of a pass over the table. A coalition left out
         * had an excess of at most the pool's floor under w0, so under w it has at most floor + the
         * sum of the t largest w0_i − w_i; while that term decides the bound at the weights the
         * descent reached, a new pass there refills the pool. Leaves w, its byte tables, valid
         * {@link #topExcess} and, per size, the excess no coalition outside the pool exceeds
         * ({@link #outside}).
         */
        void lagrangianWeights(List<int[]>[] pairs, int quarter) {
            boolean[] used = new boolean[h + 1];
            for (int[] pattern : patterns) {
                for (int t : pattern) {
                    used[t] = true;
                }
            }
            double[] current = averageMarginals();
            double bestBound = Double.POSITIVE_INFINITY;
            for (int round = 0; ; round++) {
                long t0 = System.nanoTime();
                Pool candidates = collectPool(current, used);
                seedFromPool(candidates, current, pairs, quarter);
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
                boolean refill = descent.outsideDecides && bestBound - poolBound > 0.1 * (bestBound - best);
                if (!refill || bestBound <= best || round + 1 >= MAX_POOL_ROUNDS || deadline.expired()) {
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
            int parts = Math.min(chunks, Integer.highestOneBit(4 * threads));
            int chunksPerPart = chunks / parts;
            double[][][] sums = new double[parts][][];
            Parallel.forEach(parts, threads, part -> {
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
                    double count = binomial(n - 1, t - 1);
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
                tables[l] = byteTables(candidates[l]);
            }
            int chunkBits = Math.min(CHUNK_BITS - 4, n);
            int chunks = 1 << (n - chunkBits);
            int sampled = Math.max(1, chunks / 16);
            double[][] found = new double[sampled][];
            Parallel.forEach(sampled, threads, k -> {
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
                double bound = weight(tables[l], all) + patternBound(topBySize);
                if (bound < bestBound) {
                    bestBound = bound;
                    chosen = candidates[l];
                }
            }
            return chosen;
        }

        private void keep(double[] weights, Descent descent, Pool candidates) {
            w = weights.clone();
            wByte = byteTables(w);
            topExcess = descent.maxima.clone();
            outside = descent.out.clone();
            pool = candidates;
        }

        /** Per size, an excess that no coalition outside the pool exceeds under the final weights. */
        double[] outside;

        /** Subgradient descent of the three-block bound on a pool (see {@link #lagrangianWeights}). */
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
            double valid(double[] weights) {
                for (int i = 0; i < n; i++) {
                    difference[i] = candidates.weights[i] - weights[i];
                }
                Arrays.sort(difference);
                double shift = 0;
                for (int t = 1; t <= h; t++) {
                    shift += difference[n - t];
                    out[t] = candidates.floor[t] + shift;
                }
                double bound = poolBound(weights);
                for (int t = 1; t <= h; t++) {
                    maxima[t] = Math.max(maxima[t], out[t]);
                }
                double validBound = weight(byteTables(weights), all) + patternBound(maxima);
                argSizes = patterns.get(bestPattern);
                outsideDecides = false;
                for (int t : argSizes) {
                    outsideDecides |= out[t] == maxima[t] && out[t] > Double.NEGATIVE_INFINITY;
                }
                return Math.max(validBound, bound);
            }

            /** The bound over the pool alone (a lower estimate of the true one); fills maxima and arg. */
            double poolBound(double[] weights) {
                double[][] tables = byteTables(weights);
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
                double bound = weight(tables, all) + patternBound(maxima);
                argSizes = patterns.get(bestPattern);
                return bound;
            }

            /** Descends on the pool's bound from {@code weights}, left at the best point; returns its bound there. */
            double run(double[] weights) {
                double[] w = weights.clone();
                double[] g = new double[n];
                double bestBound = Double.POSITIVE_INFINITY;
                double theta = 1;
                int stale = 0;
                for (int it = 0; it < SUBGRADIENT_STEPS && theta > 1e-3; it++) {
                    double bound = poolBound(w);
                    boolean progress = bound < bestBound - 1e-9 * (1 + Math.abs(bound));
                    if (bound < bestBound) {
                        bestBound = bound;
                        System.arraycopy(w, 0, weights, 0, n);
                    }
                    if (progress) {
                        stale = 0;
                    } else if (++stale >= 10) {
                        theta /= 2;
                        stale = 0;
                    }
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

        /** The best Σ_j maxima[t_j] over the size patterns; its index goes to {@link #bestPattern}. */
        double patternBound(double[] maxima) {
            double bound = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < patterns.size(); k++) {
                double x = 0;
                for (int t : patterns.get(k)) {
                    x += maxima[t];
                }
                if (x > bound) {
                    bound = x;
                    bestPattern = k;
                }
            }
            return bound;
        }

        /** The block sizes of every kind of structure phase 2 searches (three blocks, or four of n/4). */
        List<int[]> patterns;
        int bestPattern;

        Pool pool;

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

        /** One pass over the table: per used size, the {@link #POOL_SIZE} best excesses under the weights. */
        Pool collectPool(double[] weights, boolean[] used) {
            double[][] tables = byteTables(weights);
            double[] low = tables[0];
            int chunkBits = Math.min(CHUNK_BITS, n);
            int chunks = 1 << (n - chunkBits);
            // One part per thread: each part keeps its own pools, whose trimming is the pass's main cost.
            int parts = Math.min(chunks, Integer.highestOneBit(threads));
            int chunksPerPart = chunks / parts;
            TopCoalitions[][] found = new TopCoalitions[parts][h + 1];
            Parallel.forEach(parts, threads, part -> {
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
            return new Pool(weights.clone(), masks, floor);
        }

        /**
         * The {@code capacity} largest keys offered, with their masks, and a floor: the largest key
         * dropped.
         */
        static final class TopCoalitions {
            final int capacity;
            double[] keys;
            int[] masks;
            int count;
            double floor = Double.NEGATIVE_INFINITY;

            TopCoalitions(int capacity) {
                this.capacity = capacity;
                this.keys = new double[Math.max(1, 2 * capacity)];
                this.masks = new int[keys.length];
            }

            void offer(double key, int mask) {
                if (key <= floor) {
                    return;
                }
                if (capacity == 0) {
                    floor = key;
                    return;
                }
                if (count == keys.length) {
                    trim();
                }
                keys[count] = key;
                masks[count++] = mask;
            }

            void addAll(TopCoalitions other) {
                floor = Math.max(floor, other.floor);
                for (int i = 0; i < other.count; i++) {
                    offer(other.keys[i], other.masks[i]);
                }
            }

            /** Keeps the capacity largest keys; the floor rises to the largest key dropped. */
            void trim() {
                if (count <= capacity) {
                    return;
                }
                long[] order = new long[count];
                for (int i = 0; i < count; i++) {
                    order[i] = key(keys[i], i);
                }
                Arrays.sort(order);
                double[] newKeys = new double[keys.length];
                int[] newMasks = new int[keys.length];
                for (int j = 0; j < capacity; j++) {
                    int i = (int) order[count - 1 - j];
                    newKeys[j] = keys[i];
                    newMasks[j] = masks[i];
                }
                for (int j = capacity; j < count; j++) {
                    floor = Math.max(floor, keys[(int) order[count - 1 - j]]);
                }
                keys = newKeys;
                masks = newMasks;
                count = capacity;
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
         * decreasing excess, keyed by a rounded-up float. Taken from the pool when it holds them all,
         * else from two passes over the table (count, then fill) so that the lists take no more memory
         * than they hold.
         */
        void sortByExcess() {
            sorted = new long[h + 1][];
            boolean[] scan = new boolean[h + 1];
            boolean anyScan = false;
            for (int t = 1; t <= h; t++) {
                if (outside[t] <= cutoff[t]) {
                    int[] masks = pool.masks[t];
                    long[] list = new long[masks.length];
                    int kept = 0;
                    for (int mask : masks) {
                        double e = f[mask] - weight(mask);
                        if (e > cutoff[t]) {
                            list[kept++] = key(e, mask);
                        }
                    }
                    sorted[t] = Arrays.copyOf(list, kept);
                } else {
                    scan[t] = true;
                    anyScan = true;
                }
            }
            if (anyScan) {
                scanByExcess(scan);
            }
            for (int t = 1; t <= h; t++) {
                Arrays.parallelSort(sorted[t]);
                reverse(sorted[t]);
            }
        }

        private void scanByExcess(boolean[] scan) {
            int chunkBits = Math.min(CHUNK_BITS, n);
            int chunks = 1 << (n - chunkBits);
            int[][] counts = new int[chunks][];
            Parallel.forEach(chunks, threads, c -> {
                int[] count = new int[h + 1];
                int from = c << chunkBits;
                for (int m = from; m < from + (1 << chunkBits); m++) {
                    int k = Integer.bitCount(m);
                    if (k >= 1 && k <= h && scan[k] && f[m] - weight(m) > cutoff[k]) {
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
            for (int k = 1; k <= h; k++) {
                if (scan[k]) {
                    sorted[k] = new long[total[k]];
                }
            }
            Parallel.forEach(chunks, threads, c -> {
                int[] at = offsets[c].clone();
                int from = c << chunkBits;
                for (int m = from; m < from + (1 << chunkBits); m++) {
                    int k = Integer.bitCount(m);
                    if (k >= 1 && k <= h && scan[k]) {
                        double e = f[m] - weight(m);
                        if (e > cutoff[k]) {
                            sorted[k][at[k]++] = key(e, m);
                        }
                    }
                }
            });
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

            /** Kind (c): the best split of r into two blocks of q players, one holding r's lowest player. */
            void splitRest(int x, int y, int r, int q) {
                double fixed = f[x] + f[y];
                int low = r & -r;
                int m = 0;
                for (int b = r ^ low; b != 0; b &= b - 1) {
                    positions[m++] = Integer.numberOfTrailingZeros(b);
                }
                int k = q - 1;
                long limit = 1L << m;
                for (long c = (1L << k) - 1; c < limit; ) {
                    int z = low;
                    for (long bits = c; bits != 0; bits &= bits - 1) {
                        z |= 1 << positions[Long.numberOfTrailingZeros(bits)];
                    }
                    evaluated++;
                    double value = fixed + f[z] + f[r ^ z];
                    if (value > best) {
                        offer(value, x, y, z, r ^ z);
                    }
                    if (c == 0) {
                        break;
                    }
                    long lowest = c & -c;
                    long ripple = c + lowest;
                    c = ripple | (((ripple ^ c) >>> 2) >>> Long.numberOfTrailingZeros(c));
                }
                evaluations.addAndGet(evaluated);
                evaluated = 0;
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

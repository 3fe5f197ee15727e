package org.parley.core.coalition;

import static org.parley.core.coalition.SizeLimitedDynamicProgramme.DEBUG;
import static org.parley.core.coalition.StructureSearchState.CHUNK_BITS;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search of phase 2 of {@link DpBranchAndBoundCoalitionStructure}, over structures of a few
 * groups each worth f (the best partition of the group, exact up to top players):
 * (a) two groups, one pass over the 2^(n−1) splits of N; (b) three groups X, Y, Z of the
 * {@link SizePatterns}; (c) four groups of n/4 players. Kinds (b) and (c) are a branch and bound in
 * the manner of IP (Rahwan, Ramchurn, Jennings and Giovannucci 2009, "An anytime algorithm for
 * optimal coalition structure generation", JAIR 34) and ODP-IP (Michalak, Rahwan, Elkind, Wooldridge
 * and Jennings 2016, "A hybrid exact algorithm for complete set partitioning", AIJ 230), which, like
 * it, uses f instead of v so that a group stands for all of its partitions, bounded by the
 * per-player weights of {@link LagrangianExcessBound}: a group's excess f(C) − w(C), and the best
 * excess per size (among the groups avoiding X) bound what the other groups can add.
 *
 * <p>The best structure is first seeded from the coalitions of best excess, so that the search
 * starts close to the optimum. X is taken in order of decreasing excess ({@link ExcessLists}) and
 * the search stops at the first X that cannot beat the best structure; Y is taken either from the
 * list of its size, down to the threshold (a threshold algorithm), or by enumerating the subsets of
 * N∖X of its size ({@link SubsetsOfSize}), whichever is shorter. Worst case Θ(multinomial) like
 * IDP's upper layers; in practice a small fraction. Stopped early, it returns a bound for what is
 * left: that of the first unexplored X.
 */
final class BlockBranchAndBound {

    private static final int X_BLOCK = 32;
    /** Structures per pattern seeded from the pool: the SEED² best pairs of X and Y. */
    private static final int SEED = 256;

    private final StructureSearchState state;
    private final double[] f;
    private final int n;
    private final int all;
    private final int h;
    private final int threads;
    private final SearchControl.Deadline deadline;

    private SizePatterns patterns;
    private LagrangianExcessBound bound;
    private ExcessLists lists;

    BlockBranchAndBound(StructureSearchState state) {
        this.state = state;
        this.f = state.f;
        this.n = state.n;
        this.all = state.all;
        this.h = state.h;
        this.threads = state.threads;
        this.deadline = state.deadline;
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
            if (localMask >= 0 && localBest > state.best()) {
                state.offer(localBest, localMask, all ^ localMask);
            }
        });
        state.evaluations.addAndGet(1L << Math.max(0, n - 1));
    }

    /**
     * Kinds (b) and (c); returns null when complete, else an upper bound for what is left (the
     * structures of kind (c) are searched first: there are few).
     */
    Double threeBlocks() {
        patterns = new SizePatterns(n, state.top);
        if (patterns.isEmpty()) {
            return null;
        }
        int t1Max = patterns.t1Max;
        List<int[]>[] pairs = patterns.pairs;
        int quarter = patterns.quarter;
        long started = System.nanoTime();
        bound = new LagrangianExcessBound(state, patterns);
        bound.run(this::seedFromPool);
        double[] topExcess = bound.topExcess;
        double wAll = bound.weight(all);
        double margin = 1e-9 * (Math.abs(state.best()) + 1);
        double[] maxPair = new double[t1Max + 1];
        for (int t1 = 1; t1 <= t1Max; t1++) {
            maxPair[t1] = Double.NEGATIVE_INFINITY;
            for (int[] p : pairs[t1]) {
                maxPair[t1] = Math.max(maxPair[t1], topExcess[p[0]] + topExcess[p[1]]);
            }
        }
        long sortStarted = System.nanoTime();
        lists = new ExcessLists(state, bound, patterns, wAll, margin);
        long[][] sorted = lists.sorted;
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
                return boundFrom(left, 1, maxPair, wAll) + margin;
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
                    double excessBound = ExcessLists.keyValue(xs[i]);
                    if (excessBound + pairBound <= state.best() - wAll - margin) {
                        failedFrom.accumulateAndGet(i, Math::min);
                        return;
                    }
                    worker.searchX((int) xs[i], size1, pairs[size1], wAll, margin);
                    long p = processed.incrementAndGet();
                    if ((p & 255) == 0) {
                        deadline.report("three-coalition structures", 0.8 + 0.2 * p / Math.max(1, candidateCount),
                                state.best(), Double.NaN, false);
                    }
                }
            });
            int open = lowestOpen.get();
            if (open < Math.min(failedFrom.get(), xs.length)) {
                // Left: the unexplored X of this size and every larger size.
                double left = Math.max(state.best(), wAll + ExcessLists.keyValue(xs[open]) + pairBound);
                return boundFrom(left, t1 + 1, maxPair, wAll) + margin;
            }
        }
        if (DEBUG) {
            System.err.printf("three blocks: %d of %d X searched, %.2fs%n", processed.get(), candidates,
                    (System.nanoTime() - started) / 1e9);
        }
        return null;
    }

    /** {@code left} or, if larger, the bound of the three-block structures whose smallest block has ≥ from players. */
    private double boundFrom(double left, int from, double[] maxPair, double wAll) {
        double result = left;
        for (int t = from; t <= patterns.t1Max; t++) {
            if (!patterns.pairs[t].isEmpty() && lists.sorted[t].length > 0) {
                result = Math.max(result, wAll + bound.topExcess[t] + maxPair[t]);
            }
        }
        return result;
    }

    /**
     * A good structure before the lists are cut: the pool holds the coalitions of best excess, and
     * the blocks of good structures are among them. For every size pattern, X and Y from the
     * pool's first {@link #SEED} coalitions of their sizes, the rest as the last block (or split
     * every way in two, for four blocks): SEED² structures per pattern, so that the cutoffs, and
     * with them the lists, start from a best close to the optimum.
     */
    private void seedFromPool(LagrangianExcessBound.Pool candidates, double[] weights) {
        double before = state.best();
        double[][] tables = LagrangianExcessBound.byteTables(weights, n);
        int[][] leaders = new int[h + 1][];
        for (int t = 1; t <= h; t++) {
            int[] masks = candidates.masks[t];
            long[] keys = new long[masks.length];
            for (int i = 0; i < masks.length; i++) {
                keys[i] = ExcessLists.key(f[masks[i]] - LagrangianExcessBound.weight(tables, masks[i]), masks[i]);
            }
            Arrays.sort(keys);
            leaders[t] = new int[Math.min(SEED, keys.length)];
            for (int i = 0; i < leaders[t].length; i++) {
                leaders[t][i] = (int) keys[keys.length - 1 - i];
            }
        }
        List<int[]>[] pairs = patterns.pairs;
        for (int t1 = 1; t1 < pairs.length; t1++) {
            for (int[] p : pairs[t1]) {
                for (int x : leaders[t1]) {
                    for (int y : leaders[p[0]]) {
                        if ((x & y) == 0) {
                            double value = f[x] + f[y] + f[all ^ x ^ y];
                            if (value > state.best()) {
                                state.offer(value, x, y, all ^ x ^ y);
                            }
                        }
                    }
                }
            }
        }
        int quarter = patterns.quarter;
        if (quarter > 0) {
            Worker worker = new Worker();
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
            System.err.printf("seeded from the pool: best %.6f -> %.6f%n", before, state.best());
        }
    }

    /**
     * Kind (c): four blocks of q = n/4 players (n divisible by 4 and f exact below n/2 only). X
     * holds player 0, Y the lowest player outside X, both taken from the list of q-coalitions by
     * decreasing excess while X's and Y's excesses plus two (three) best excesses can still beat
     * the best structure; the last two blocks split the rest every way. Returns null when
     * complete, else an upper bound for the structures of this kind left unexplored.
     */
    private Double fourBlocks(int quarter, double wAll, double margin) {
        long[] list = lists.sorted[quarter];
        double[] topExcess = bound.topExcess;
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
                double ex = ExcessLists.keyValue(list[i]);
                if (ex + top2 + topExcess[quarter] <= state.best() - wAll - margin) {
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
                    if (ex + ExcessLists.keyValue(keyY) + top2 <= state.best() - wAll - margin) {
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
            return Math.max(state.best(), wAll + ExcessLists.keyValue(list[open]) + top2 + topExcess[quarter]);
        }
        return null;
    }

    /** One thread's search below a given X. */
    private final class Worker {
        final SubsetsOfSize subsets = new SubsetsOfSize();
        final int[] positions = new int[32];
        long evaluated;

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
                if (value > state.best()) {
                    state.offer(value, x, y, z, r ^ z);
                }
                if (c == 0) {
                    break;
                }
                long lowest = c & -c;
                long ripple = c + lowest;
                c = ripple | (((ripple ^ c) >>> 2) >>> Long.numberOfTrailingZeros(c));
            }
            state.evaluations.addAndGet(evaluated);
            evaluated = 0;
        }

        void searchX(int x, int t1, List<int[]> pairs, double wAll, double margin) {
            long[][] sorted = lists.sorted;
            double[] cutoff = lists.cutoff;
            double[] topExcess = bound.topExcess;
            int rest = all ^ x;
            double fx = f[x];
            double ex = fx - bound.weight(x);
            for (int[] pair : pairs) {
                int t2 = pair[0];
                int t3 = pair[1];
                if (t1 == t2 && t2 == t3 && (x & 1) == 0) {
                    continue; // three equal blocks: let X be the one holding player 0
                }
                double target = state.best() - wAll - margin;
                if (ex + topExcess[t2] + topExcess[t3] <= target) {
                    continue;
                }
                double bestZ = lists.bestInside(t3, rest);
                double bestY = lists.bestInside(t2, rest);
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
                double direct = SizeLimitedDynamicProgramme.binomial(m, k);
                double threshold = target - ex - bestZ;
                // The list holds every Y above the threshold only when the threshold is above its cutoff.
                int scan = threshold >= cutoff[t2] ? ExcessLists.countAbove(sorted[t2], threshold) : Integer.MAX_VALUE;
                if (scan <= 4 * direct) {
                    scanY(sorted[t2], scan, x, fx, ex, rest, fixed, free, bestZ, wAll, margin);
                } else {
                    enumerateY(x, fx, ex, rest, fixed, free, k, bestZ, wAll, margin);
                }
            }
            state.evaluations.addAndGet(evaluated);
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
                if (ExcessLists.keyValue(list[i]) + ex + bestZ <= state.best() - wAll - margin) {
                    return;
                }
                evaluated++;
                double value = fx + f[y] + f[rest ^ y];
                if (value > state.best()) {
                    state.offer(value, x, y, rest ^ y);
                }
            }
        }

        private void enumerateY(int x, double fx, double ex, int rest, int fixed, int free, int k, double bestZ,
                double wAll, double margin) {
            int m = subsets.of(free);
            if (k == 0) {
                evaluated++;
                double value = fx + f[fixed] + f[rest ^ fixed];
                if (value > state.best()) {
                    state.offer(value, x, fixed, rest ^ fixed);
                }
                return;
            }
            double threshold = state.best() - wAll - margin - ex - bestZ;
            long limit = 1L << m;
            int c = SubsetsOfSize.first(k);
            while (c < limit && c > 0) {
                int y = fixed | subsets.spread(c);
                double fy = f[y];
                evaluated++;
                if (fy - bound.weight(y) > threshold) {
                    double value = fx + fy + f[rest ^ y];
                    if (value > state.best()) {
                        state.offer(value, x, y, rest ^ y);
                        threshold = state.best() - wAll - margin - ex - bestZ;
                    }
                }
                c = SubsetsOfSize.next(c);
            }
        }
    }
}

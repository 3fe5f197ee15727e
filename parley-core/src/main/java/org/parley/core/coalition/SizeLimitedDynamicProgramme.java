package org.parley.core.coalition;

import static org.parley.core.coalition.StructureSearchState.CHUNK_BITS;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Phase 1 of {@link DpBranchAndBoundCoalitionStructure}: the dynamic programme of IDP (Rahwan and
 * Jennings 2008, "An improved dynamic programming algorithm for coalition structure generation",
 * AAMAS) restricted to coalitions of at most d = top players, f(C) = the value of the best partition
 * of C, exactly, on all cores. Σ_{s ≤ d} C(n, s) · (2^(s−1) − 1) split evaluations (4.0·10^9 at
 * n = 24 with d = 11, against 5.5·10^10 for IDP and 1.4·10^11 for the plain O(3^n) programme), in
 * blocks of eight coalitions that share their reads ({@link SplitBlocks}); memory: an eighth of the
 * table for the last class of blocks (see {@link #blockClass}).
 *
 * <p>Coalitions go in blocks of eight that differ only in players 0..2, by the number c = 1..top of
 * their other players, so every block reads only finished blocks; the blocks of one c are shared
 * among the threads. Stopped early (deadline), the layers finished so far stay exact.
 */
final class SizeLimitedDynamicProgramme {

    /** Tables of at least this many players compact their last class of blocks (see blockClass). */
    static final int COMPACT_BITS = 12;
    /** -Dparley.csg.debug=true prints the phases' timings and bounds to stderr. */
    static final boolean DEBUG = Boolean.getBoolean("parley.csg.debug");

    private final StructureSearchState state;
    private final int compactBits;
    private final int top;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private double grandWork;
    private int exactUpTo = 1;

    SizeLimitedDynamicProgramme(StructureSearchState state, int compactBits) {
        this.state = state;
        this.compactBits = compactBits;
        this.top = state.top;
    }

    /** The largest size of coalition whose f is final (1 before the programme, top after it). */
    int exactUpTo() {
        return exactUpTo;
    }

    /**
     * Exact f for every coalition of at most top players; false when stopped early (then
     * {@link #exactUpTo} tells how far it got).
     */
    boolean run() {
        double[] f = state.f;
        int n = state.n;
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
        int threads = state.threads;
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
            if (stopped.get() || state.deadline.expired()) {
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
            long done = state.evaluations.addAndGet(evaluated);
            state.deadline.report("dynamic programme, coalitions of up to " + top + " players", done / grandWork * 0.8,
                    state.best(), Double.NaN, false);
        });
        return !stopped.get();
    }

    /** C(n, k) as a double (exact up to 2^53), 0 outside 0 ≤ k ≤ n. */
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

package org.parley.core.coalition;

import static org.parley.core.coalition.SizeLimitedDynamicProgramme.DEBUG;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact, anytime coalition structure generation in the IDP/IP/ODP-IP family, in two phases.
 *
 * <p>Phase 1 ({@link SizeLimitedDynamicProgramme}, with the split enumeration of
 * {@link SplitBlocks}) is the dynamic programme of IDP (Rahwan and Jennings 2008, "An improved
 * dynamic programming algorithm for coalition structure generation", AAMAS) restricted to coalitions
 * of at most d players: f(C) = the value of the best partition of C, exactly, on all cores, with
 * d = h = ⌊n/2⌋ for odd n and d = h − 1 for even n. Σ_{s ≤ d} C(n, s) · 2^(s−1) split evaluations
 * (4.0·10^9 at n = 24, against 5.5·10^10 for IDP and 1.4·10^11 for DP): about 0.6 ns per split and
 * core.
 *
 * <p>Phase 2 ({@link BlockBranchAndBound}) finishes the search. Group the blocks of any partition
 * greedily into groups of at most d players: the partition is dominated (f of each group is at least
 * the value of its blocks) by one of these kinds.
 * (a) A coalition L with |L| > h and a partition of N∖L, which has fewer than n/2 players, so
 * f(N∖L) is exact; or two coalitions of h players each, worth v (n even): one pass over the 2^(n−1)
 * splits of N in two. (b) Three groups X, Y, Z of at most h players, no two of which fit together
 * into d players (four or more such groups are impossible but in (c)); when n is even also a
 * coalition of h players worth v with the rest in two groups. (c) When n is divisible by 4: four
 * groups of n/4 players (the one way four groups can pairwise exceed d = n/2 − 1 players).
 * Leaving the n/2-coalitions, 58 % of the splits at n = 24, out of phase 1 costs phase 2 little:
 * their structures are the size patterns (h; t, h − t) and (n/4)^4 of the same search
 * ({@link SizePatterns}).
 *
 * <p>Kinds (b) and (c) are a branch and bound in the manner of IP (Rahwan, Ramchurn, Jennings and
 * Giovannucci 2009, "An anytime algorithm for optimal coalition structure generation", JAIR 34) and
 * ODP-IP (Michalak, Rahwan, Elkind, Wooldridge and Jennings 2016, "A hybrid exact algorithm for
 * complete set partitioning", AIJ 230), with per-player bounds: weights w_i that minimise the bound
 * over all the size patterns, a Lagrangian relaxation solved by subgradient descent
 * ({@link LagrangianExcessBound}; per-size maxima alone, IP's bounds, leave agent-based games 30 %
 * above their optimum, these 1–2 %), and the groups taken by decreasing excess f(C) − w(C)
 * ({@link ExcessLists}). Worst case Θ(multinomial) like IDP's upper layers; in practice a small
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

    private final int threads;
    private final int compactBits;

    public DpBranchAndBoundCoalitionStructure(int threads) {
        this(threads, SizeLimitedDynamicProgramme.COMPACT_BITS);
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
        return solve(new StructureSearchState(TableGame.of(game), threads, control.start()));
    }

    /** Phase 1 alone: f for every coalition of at most ⌊n/2⌋ players, v beyond (for tests). */
    static double[] halfTable(TableGame game, int threads, int compactBits) {
        StructureSearchState state = new StructureSearchState(game, threads, SearchControl.UNLIMITED.start());
        new SizeLimitedDynamicProgramme(state, compactBits).run();
        return state.f;
    }

    private CoalitionStructure solve(StructureSearchState state) {
        SizeLimitedDynamicProgramme phase1 = new SizeLimitedDynamicProgramme(state, compactBits);
        BlockBranchAndBound phase2 = new BlockBranchAndBound(state);
        long t0 = System.nanoTime();
        boolean finished = phase1.run();
        long t1 = System.nanoTime();
        phase2.twoBlocks();
        if (DEBUG) {
            System.err.printf("dp %.2fs, two blocks %.2fs, best %.6f%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9,
                    state.best());
        }
        double bound;
        if (finished) {
            Double stoppedBound = phase2.threeBlocks();
            finished = stoppedBound == null;
            bound = finished ? state.best()
                    : Math.max(state.best(), Math.min(stoppedBound, sizeBound(state, phase1.exactUpTo())));
        } else {
            bound = Math.max(state.best(), sizeBound(state, phase1.exactUpTo()));
        }
        SearchControl.Deadline deadline = state.deadline;
        deadline.report(finished ? "done" : "stopped", 1, state.best(), bound, true);
        List<Long> parts = new ArrayList<>();
        for (int block : state.bestBlocks()) {
            if (block != 0) {
                DynamicProgrammingCoalitionStructure.split(state.game, state.f, block, parts);
            }
        }
        long[] coalitions = parts.stream().mapToLong(Long::longValue).toArray();
        CoalitionStructure.checkPartition(coalitions, state.n);
        double value = 0;
        for (long c : coalitions) {
            value += state.v[(int) c];
        }
        return new CoalitionStructure(coalitions, value, Math.max(bound, value), finished,
                "DP below n/2 + branch and bound",
                new CoalitionStructure.Statistics(deadline.elapsed(), state.evaluations.get()));
    }

    /**
     * An upper bound from sizes alone: the best sum of per-size maxima over the integer partitions
     * of n, with f for the layers finished ({@code exactUpTo} players) and v beyond. O(2^n + n²).
     */
    static double sizeBound(StructureSearchState state, int exactUpTo) {
        int n = state.n;
        double[] maxima = new double[n + 1];
        Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
        for (int c = 1; c <= state.all; c++) {
            int k = Integer.bitCount(c);
            double x = k <= exactUpTo ? state.f[c] : state.v[c];
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
}

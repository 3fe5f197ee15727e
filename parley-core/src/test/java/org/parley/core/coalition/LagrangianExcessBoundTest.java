package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LagrangianExcessBoundTest {

    /**
     * A state after phase 1, with the best structure of two blocks as the incumbent (as phase 2
     * starts). At 14 players, sizes 6 and 7 have more coalitions than the pool holds, so the bounds
     * for the coalitions left out of it are exercised.
     */
    static StructureSearchState afterPhaseOne(TableGame game) {
        StructureSearchState state = new StructureSearchState(game, 2, SearchControl.UNLIMITED.start());
        new SizeLimitedDynamicProgramme(state, SizeLimitedDynamicProgramme.COMPACT_BITS).run();
        new BlockBranchAndBound(state).twoBlocks();
        return state;
    }

    /*
     * Whatever weights the descent reaches, topExcess[t] bounds f(C) − w(C) for every t-coalition C of
     * a used size, outside[t] every such coalition outside the pool, and so the bound of every pattern
     * bounds every structure of that pattern.
     */
    @Property(tries = 20)
    void boundsEveryCoalitionsExcess(@ForAll @IntRange(min = 6, max = 14) int n, @ForAll long seed,
            @ForAll ValueDistribution distribution) {
        TableGame game = GameGenerator.generate(distribution, n, seed);
        StructureSearchState state = afterPhaseOne(game);
        SizePatterns patterns = new SizePatterns(n, state.top);
        LagrangianExcessBound bound = new LagrangianExcessBound(state, patterns);
        bound.run((pool, weights) -> { });
        boolean[] used = patterns.used(state.h);
        double[] largest = new double[state.h + 1];
        java.util.Arrays.fill(largest, Double.NEGATIVE_INFINITY);
        java.util.Set<Integer>[] inPool = poolSets(bound.pool, state.h);
        for (int c = 1; c <= state.all; c++) {
            int t = Integer.bitCount(c);
            if (t > state.h || !used[t]) {
                continue;
            }
            double excess = state.f[c] - bound.weight(c);
            double slack = 1e-9 * (1 + Math.abs(excess));
            assertThat(excess).as("coalition %s", Integer.toBinaryString(c)).isLessThanOrEqualTo(bound.topExcess[t] + slack);
            if (!inPool[t].contains(c)) {
                assertThat(excess).as("coalition %s, outside the pool", Integer.toBinaryString(c))
                        .isLessThanOrEqualTo(bound.outside[t] + slack);
            }
            largest[t] = Math.max(largest[t], excess);
        }
        for (int t = 1; t <= state.h; t++) {
            if (used[t]) {
                assertThat(bound.topExcess[t]).isGreaterThanOrEqualTo(largest[t] - 1e-9 * (1 + Math.abs(largest[t])));
            }
        }
        double wAll = bound.weight(state.all);
        double threeBlockBest = bestOfPatterns(state, patterns);
        double patternBound = wAll + patterns.bound(bound.topExcess);
        assertThat(patternBound).isGreaterThanOrEqualTo(threeBlockBest - 1e-9 * (1 + Math.abs(threeBlockBest)));
    }

    /* The byte tables add up the weights of the players a coalition holds. */
    @Property(tries = 50)
    void weightIsTheSumOverMembers(@ForAll @IntRange(min = 1, max = 27) int n, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextInt(2001) - 1000;
        }
        double[][] tables = LagrangianExcessBound.byteTables(weights, n);
        int mask = random.nextInt() & ((1 << n) - 1);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if ((mask >>> i & 1) != 0) {
                sum += weights[i];
            }
        }
        assertThat(LagrangianExcessBound.weight(tables, mask)).isEqualTo(sum);
    }

    @SuppressWarnings("unchecked")
    private static java.util.Set<Integer>[] poolSets(LagrangianExcessBound.Pool pool, int h) {
        java.util.Set<Integer>[] sets = new java.util.Set[h + 1];
        for (int t = 0; t <= h; t++) {
            sets[t] = new java.util.HashSet<>();
            for (int mask : pool.masks[t]) {
                sets[t].add(mask);
            }
        }
        return sets;
    }

    /** The best f(X) + f(Y) + f(Z) (+ f(W)) over the structures whose block sizes are a pattern, by enumeration. */
    private static double bestOfPatterns(StructureSearchState state, SizePatterns patterns) {
        double best = Double.NEGATIVE_INFINITY;
        for (int[] pattern : patterns.patterns) {
            best = Math.max(best, bestOf(state, pattern, new boolean[pattern.length], state.all));
        }
        return best;
    }

    /** The best over the partitions of rest into blocks of the sizes not yet used (used[j] for sizes[j]). */
    private static double bestOf(StructureSearchState state, int[] sizes, boolean[] used, int rest) {
        if (rest == 0) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        int low = rest & -rest;
        // The block holding the lowest player left takes one of the sizes left.
        for (int j = 0; j < sizes.length; j++) {
            if (used[j] || j > 0 && sizes[j] == sizes[j - 1] && !used[j - 1]) {
                continue;
            }
            used[j] = true;
            for (int s = rest; s != 0; s = (s - 1) & rest) {
                if ((s & low) != 0 && Integer.bitCount(s) == sizes[j]) {
                    best = Math.max(best, state.f[s] + bestOf(state, sizes, used, rest ^ s));
                }
            }
            used[j] = false;
        }
        return best;
    }
}

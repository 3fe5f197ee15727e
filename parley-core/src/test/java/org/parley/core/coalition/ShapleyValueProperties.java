package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ShapleyValueProperties {

    private static final ExactShapleyValue EXACT = new ExactShapleyValue(25, 1);

    @Property(tries = 200)
    void exactMatchesThePermutationDefinition(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        TableGame game = Games.randomIntegers(n, seed, 20);
        assertThat(EXACT.shapleyValue(game).values()).containsExactly(Games.shapleyByPermutations(game), within(1e-9));
    }

    @Property(tries = 200)
    void efficiency(@ForAll @IntRange(min = 1, max = 10) int n, @ForAll long seed) {
        TableGame game = Games.randomIntegers(n, seed, 50);
        assertThat(EXACT.shapleyValue(game).sum()).isCloseTo(game.value(game.grandCoalition()), within(1e-9));
    }

    /* Players 0 and 1 are made interchangeable: v(S ∪ {0}) = v(S ∪ {1}) for S without both. */
    @Property(tries = 200)
    void symmetry(@ForAll @IntRange(min = 2, max = 9) int n, @ForAll long seed) {
        double[] v = Games.randomIntegers(n, seed, 50).toArray();
        for (int s = 0; s < v.length; s++) {
            if ((s & 1) != 0 && (s & 2) == 0) {
                v[s] = v[(s & ~1) | 2];
            }
        }
        double[] phi = EXACT.shapleyValue(new TableGame(v)).values();
        assertThat(phi[0]).isCloseTo(phi[1], within(1e-9));
    }

    /* Player 0 adds nothing anywhere: v(S ∪ {0}) = v(S). */
    @Property(tries = 200)
    void nullPlayerGetsNothing(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll long seed) {
        double[] v = Games.randomIntegers(n, seed, 50).toArray();
        for (int s = 1; s < v.length; s += 2) {
            v[s] = v[s ^ 1];
        }
        assertThat(EXACT.shapleyValue(new TableGame(v)).value(0)).isCloseTo(0, within(1e-9));
    }

    @Property(tries = 200)
    void additivity(@ForAll @IntRange(min = 1, max = 8) int n, @ForAll long seed) {
        TableGame a = Games.randomIntegers(n, seed, 30);
        TableGame b = Games.randomIntegers(n, seed + 1, 30);
        double[] sum = a.toArray();
        for (int s = 0; s < sum.length; s++) {
            sum[s] += b.value(s);
        }
        double[] phiA = EXACT.shapleyValue(a).values();
        double[] phiB = EXACT.shapleyValue(b).values();
        double[] phiSum = EXACT.shapleyValue(new TableGame(sum)).values();
        for (int i = 0; i < n; i++) {
            assertThat(phiSum[i]).isCloseTo(phiA[i] + phiB[i], within(1e-9));
        }
    }

    @Property(tries = 300)
    void weightedVotingDynamicProgrammesMatchEnumeration(@ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 12) int maxWeight) {
        WeightedVotingGame game = randomVotingGame(n, seed, maxWeight);
        assertThat(new DynamicProgrammingShapleyShubik().shapleyValue(game).values())
                .containsExactly(EXACT.shapleyValue(game).values(), within(1e-12));
        BanzhafIndex dp = new DynamicProgrammingBanzhaf().banzhafIndex(game);
        BanzhafIndex exact = new ExactBanzhafIndex().banzhafIndex(game);
        assertThat(dp.raw()).containsExactly(exact.raw(), within(1e-12));
        assertThat(dp.normalized()).containsExactly(exact.normalized(), within(1e-12));
    }

    /*
     * The quadrature against the size × weight table (shares, a different method) on games of up to
     * 60 players, weights 0..40 (zeros and repeated weights) and any quota: relative agreement.
     */
    @Property(tries = 150)
    void shapleyShubikQuadratureMatchesTheSizeWeightTable(@ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 0, max = 40) int maxWeight) {
        WeightedVotingGame game = randomVotingGame(n, seed, maxWeight);
        double[] expected = new SizeWeightShapleyShubik().shapleyValue(game).values();
        double[] found = new DynamicProgrammingShapleyShubik(2).shapleyValue(game).values();
        double[] banzhaf = new DynamicProgrammingBanzhaf().banzhafIndex(game).raw();
        for (int i = 0; i < n; i++) {
            assertThat(found[i]).as("player %d of %s", i, game).isCloseTo(expected[i],
                    within(1e-11 * Math.abs(expected[i]) + 1e-300));
            double swing = swingProbability(game.weights(), game.quota(), i);
            assertThat(banzhaf[i]).as("Banzhaf of player %d of %s", i, game).isCloseTo(swing,
                    within(1e-11 * swing + 1e-300));
        }
    }

    /*
     * Games of 800 to 2000 players, where the integrand is concentrated enough for the peak rule (its
     * own points on the peak, with a proven error bound): the same indices as the exact rule's points.
     */
    @Property(tries = 4)
    void shapleyShubikPeakRuleMatchesTheExactRule(@ForAll @IntRange(min = 800, max = 2000) int n,
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed, @ForAll @IntRange(min = 1, max = 20) int maxWeight,
            @ForAll @IntRange(min = 30, max = 70) int quotaPercent) {
        java.util.Random random = new java.util.Random(seed);
        long[] weights = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + random.nextInt(maxWeight);
            total += weights[i];
        }
        WeightedVotingGame game = new WeightedVotingGame(Math.max(1, total * quotaPercent / 100), weights, null);
        double[] exact = new DynamicProgrammingShapleyShubik(2, DynamicProgrammingShapleyShubik.Rule.EXACT)
                .shapleyValue(game).values();
        double[] peak = new DynamicProgrammingShapleyShubik(2, DynamicProgrammingShapleyShubik.Rule.PEAK)
                .shapleyValue(game).values();
        for (int i = 0; i < n; i++) {
            assertThat(peak[i]).as("player %d", i).isCloseTo(exact[i], within(1e-12 * exact[i] + 1e-300));
        }
    }

    /** Pr[q − w_i ≤ W &lt; q], the others in with probability 1/2: the textbook programme, player by player. */
    private static double swingProbability(long[] weights, long quota, int player) {
        double[] p = new double[(int) quota];
        p[0] = 1;
        for (int j = 0; j < weights.length; j++) {
            if (j == player) {
                continue;
            }
            for (int w = (int) quota - 1; w >= 0; w--) {
                p[w] = (p[w] + (w >= weights[j] ? p[w - (int) weights[j]] : 0)) / 2;
            }
        }
        double sum = 0;
        for (long w = Math.max(0, quota - weights[player]); w < quota; w++) {
            sum += p[(int) w];
        }
        return sum;
    }

    /** Weights 0..maxWeight (zeros and repeats included) and any quota from 1 to just above the total. */
    private static WeightedVotingGame randomVotingGame(int n, long seed, int maxWeight) {
        java.util.Random random = new java.util.Random(seed);
        long[] weights = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextInt(maxWeight + 1);
            total += weights[i];
        }
        long quota = 1 + random.nextInt((int) total + 2);
        return new WeightedVotingGame(quota, weights, null);
    }
}

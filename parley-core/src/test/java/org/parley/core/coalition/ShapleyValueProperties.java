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
        java.util.Random random = new java.util.Random(seed);
        long[] weights = new long[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = random.nextInt(maxWeight + 1);
            total += weights[i];
        }
        long quota = 1 + random.nextInt((int) total + 2);
        WeightedVotingGame game = new WeightedVotingGame(quota, weights, null);
        assertThat(new DynamicProgrammingShapleyShubik().shapleyValue(game).values())
                .containsExactly(EXACT.shapleyValue(game).values(), within(1e-12));
        BanzhafIndex dp = new DynamicProgrammingBanzhaf().banzhafIndex(game);
        BanzhafIndex exact = new ExactBanzhafIndex().banzhafIndex(game);
        assertThat(dp.raw()).containsExactly(exact.raw(), within(1e-12));
        assertThat(dp.normalized()).containsExactly(exact.normalized(), within(1e-12));
    }
}

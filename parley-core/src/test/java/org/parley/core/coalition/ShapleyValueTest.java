package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ShapleyValueTest {

    /*
     * The war council [60; 30, 25, 30, 15]: loyalists L 30, rebels R 25, advent A 30, exodus E 15.
     * Winning: {L, A} (60), every triple (85, 70, 75, 70) and N. With n = 4 a coalition S of the
     * others before i weighs |S|!(3 − |S|)!/4! = 6/24, 2/24, 2/24, 6/24 for |S| = 0..3.
     * Swings of L: {A} (30 → 60), {R, A} (55 → 85), {R, E} (40 → 70), {A, E} (45 → 75):
     *   φ_L = 2/24 + 3 · 2/24 = 8/24 = 1/3; A is symmetric to L: 1/3.
     * Swings of R: {L, E} (45 → 70), {A, E} (45 → 70): φ_R = 2 · 2/24 = 1/6.
     * Swings of E: {L, R} (55 → 70), {R, A} (55 → 70): φ_E = 1/6. Sum 1 = v(N).
     * Banzhaf: swings 4, 2, 4, 2 of 2^3 = 8 coalitions of the others: raw 1/2, 1/4, 1/2, 1/4;
     * normalised 4/12, 2/12, 4/12, 2/12.
     */
    @Test
    void warCouncilShapleyShubikByHand() {
        double[] expected = {1.0 / 3, 1.0 / 6, 1.0 / 3, 1.0 / 6};
        assertThat(new ExactShapleyValue().shapleyValue(Games.warCouncil()).values()).containsExactly(expected,
                within(1e-12));
        assertThat(new DynamicProgrammingShapleyShubik().shapleyValue(Games.warCouncil()).values())
                .containsExactly(expected, within(1e-12));
    }

    @Test
    void warCouncilBanzhafByHand() {
        BanzhafIndex dp = new DynamicProgrammingBanzhaf().banzhafIndex(Games.warCouncil());
        BanzhafIndex exact = new ExactBanzhafIndex().banzhafIndex(Games.warCouncil());
        assertThat(dp.raw()).containsExactly(new double[] {0.5, 0.25, 0.5, 0.25}, within(1e-12));
        assertThat(dp.normalized()).containsExactly(new double[] {1.0 / 3, 1.0 / 6, 1.0 / 3, 1.0 / 6}, within(1e-12));
        assertThat(exact.raw()).containsExactly(dp.raw(), within(1e-12));
    }

    /* Two left gloves (players 0, 1) and one right (2): the right glove is pivotal in 4 of 6 orders. */
    @Test
    void gloveGame() {
        TableGame game = Games.gloves(3, 0b011);
        assertThat(new ExactShapleyValue().shapleyValue(game).values())
                .containsExactly(new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3}, within(1e-12));
    }

    @Test
    void majorityGameIsSymmetric() {
        assertThat(new ExactShapleyValue().shapleyValue(Games.majority(5)).values())
                .containsExactly(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, within(1e-12));
    }

    /*
     * One strong player of weight w among m = n − 1 players of weight 1, quota q: the strong player
     * is pivotal exactly when k small players come before it with q − w ≤ k < q, each position k
     * having probability 1/n, so φ_0 = #{k ∈ [max(0, q − w), min(q − 1, m)]} / n. Its Banzhaf
     * swings are Σ_k C(m, k) over the same k, out of 2^m. Both exact, for n = 1000.
     */
    @Test
    void thousandPlayersAgainstClosedForms() {
        int n = 1000;
        int m = n - 1;
        long w = 300;
        long q = 600;
        long[] weights = new long[n];
        weights[0] = w;
        for (int i = 1; i < n; i++) {
            weights[i] = 1;
        }
        WeightedVotingGame game = new WeightedVotingGame(q, weights, null);
        long from = Math.max(0, q - w);
        long to = Math.min(q - 1, m);
        double strong = (double) (to - from + 1) / n;
        ShapleyValue ss = new DynamicProgrammingShapleyShubik().shapleyValue(game);
        assertThat(ss.value(0)).isCloseTo(strong, within(1e-12));
        assertThat(ss.value(1)).isCloseTo((1 - strong) / m, within(1e-14));
        assertThat(ss.sum()).isCloseTo(1, within(1e-10));

        BigInteger swings = BigInteger.ZERO;
        BigInteger binomial = BigInteger.ONE; // C(m, k)
        for (int k = 0; k <= to; k++) {
            if (k >= from) {
                swings = swings.add(binomial);
            }
            binomial = binomial.multiply(BigInteger.valueOf(m - k)).divide(BigInteger.valueOf(k + 1));
        }
        double expected = new java.math.BigDecimal(swings)
                .divide(new java.math.BigDecimal(BigInteger.TWO.pow(m)), java.math.MathContext.DECIMAL64).doubleValue();
        BanzhafIndex banzhaf = new DynamicProgrammingBanzhaf().banzhafIndex(game);
        assertThat(banzhaf.raw()[0]).isCloseTo(expected, within(1e-13 * Math.max(1, expected)));
        // A weak player swings when the others weigh exactly 599: 599 weak ones, or the strong one and
        // 299 weak ones: (C(998, 599) + C(998, 299)) / 2^999 ≈ 2·10^−36, which takes a finer level.
        BigInteger weakSwings = binomial(998, 599).add(binomial(998, 299));
        double weak = new java.math.BigDecimal(weakSwings)
                .divide(new java.math.BigDecimal(BigInteger.TWO.pow(m)), java.math.MathContext.DECIMAL64).doubleValue();
        assertThat(banzhaf.raw()[1]).isCloseTo(weak, within(1e-13 * weak));
    }

    /*
     * 100 players of weight 1 and 100 of weight 100, quota 10001. A light player is pivotal only
     * after all 100 heavy players and no light one: φ = (1/200) · 100!·99!/199! ≈ 5·10^−62, far
     * below the first precision level, so the quadrature must refine until its error bound is below
     * 10^−16 of that. A heavy player takes the rest: (1 − 100 φ_light)/100.
     */
    @Test
    void tinyIndexKeepsItsRelativePrecision() {
        long[] weights = new long[200];
        for (int i = 0; i < 200; i++) {
            weights[i] = i < 100 ? 1 : 100;
        }
        WeightedVotingGame game = new WeightedVotingGame(10_001, weights, null);
        double light = 1.0 / 200 / new java.math.BigDecimal(binomial(199, 100)).doubleValue();
        ShapleyValue ss = new DynamicProgrammingShapleyShubik().shapleyValue(game);
        assertThat(ss.value(0)).isCloseTo(light, within(1e-12 * light));
        assertThat(ss.value(150)).isCloseTo((1 - 100 * light) / 100, within(1e-15));
        assertThat(new SizeWeightShapleyShubik().shapleyValue(game).value(0)).isCloseTo(light, within(1e-12 * light));
        // Banzhaf: one coalition of the 199 others (the heavy ones) weighs 10 000: 2^−199.
        assertThat(new DynamicProgrammingBanzhaf().banzhafIndex(game).raw()[0]).isCloseTo(Math.pow(2, -199),
                within(1e-13 * Math.pow(2, -199)));
    }

    /* Extreme quotas: 1 (the first player decides) and the total weight (the last one does): 1/n each. */
    @Test
    void extremeQuotasGiveEqualShares() {
        long[] weights = {3, 1, 4, 1, 5, 9, 2, 6};
        for (long quota : new long[] {1, 31}) {
            double[] expected = new double[8];
            java.util.Arrays.fill(expected, 1.0 / 8);
            assertThat(new DynamicProgrammingShapleyShubik().shapleyValue(new WeightedVotingGame(quota, weights, null))
                    .values()).containsExactly(expected, within(1e-15));
        }
    }

    @Test
    void quadratureIsTheSameOnOneOrTwoThreads() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        long[] weights = new long[300];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 + random.nextInt(20);
            total += weights[i];
        }
        WeightedVotingGame game = new WeightedVotingGame(total / 2 + 1, weights, null);
        assertThat(new DynamicProgrammingShapleyShubik(1).shapleyValue(game))
                .isEqualTo(new DynamicProgrammingShapleyShubik(2).shapleyValue(game));
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return r;
    }

    @Test
    void monteCarloIntervalCoversTheTruth() {
        ShapleyValue estimate = new MonteCarloShapleyValue(20_000, 7).shapleyValue(Games.warCouncil());
        double[] exact = {1.0 / 3, 1.0 / 6, 1.0 / 3, 1.0 / 6};
        assertThat(estimate.samples()).isEqualTo(20_000);
        for (int i = 0; i < 4; i++) {
            assertThat(estimate.halfWidths()[i]).isPositive().isLessThan(0.01);
            assertThat(Math.abs(estimate.value(i) - exact[i])).isLessThan(2 * estimate.halfWidths()[i]);
        }
        assertThat(new MonteCarloShapleyValue(20_000, 7).shapleyValue(Games.warCouncil())).isEqualTo(estimate);
    }

    @Test
    void tooManyPlayersForExactIsAClearError() {
        long[] weights = new long[30];
        java.util.Arrays.fill(weights, 1);
        assertThatThrownBy(() -> new ExactShapleyValue().shapleyValue(new WeightedVotingGame(16, weights, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30 players")
                .hasMessageContaining("Monte Carlo");
    }

    @Test
    void normalQuantile() {
        assertThat(MonteCarloShapleyValue.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(MonteCarloShapleyValue.normalQuantile(0.005)).isCloseTo(-2.575829, within(1e-6));
    }
}

package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.WeightedVotingGame;

class CoreTest {

    static Rational r(long num, long den) {
        return new Rational(java.math.BigInteger.valueOf(num), java.math.BigInteger.valueOf(den));
    }

    static TableGame table(int n, java.util.function.IntToDoubleFunction v) {
        double[] values = new double[1 << n];
        for (int s = 1; s < values.length; s++) {
            values[s] = v.applyAsDouble(s);
        }
        return new TableGame(values);
    }

    /*
     * Glove game, left gloves 0 and 1, right glove 2. Adding x1 + x3 ≥ 1 − ε and x2 ≥ −ε gives
     * 1 ≥ 1 − 2ε, so ε ≥ 0; at ε = 0, x1 + x3 ≥ 1 and x2 + x3 ≥ 1 with the sum 1 force x1 = x2 = 0:
     * the core is the single point (0, 0, 1), which is also the nucleolus.
     */
    @Test
    void gloveGame() {
        TableGame game = table(3, s -> Math.min(Integer.bitCount(s & 0b011), Integer.bitCount(s & 0b100)));
        LeastCore leastCore = new LinearProgrammingLeastCore().leastCore(game);
        assertThat(leastCore.epsilon()).isEqualTo(Rational.ZERO);
        assertThat(leastCore.coreIsEmpty()).isFalse();
        assertThat(leastCore.allocation()).containsExactly(Rational.ZERO, Rational.ZERO, Rational.ONE);
        assertThat(new SequentialLinearProgrammingNucleolus().nucleolus(game).allocation())
                .containsExactly(Rational.ZERO, Rational.ZERO, Rational.ONE);
    }

    /* Three-player majority: each pair needs 1 − ε ≤ x_i + x_j; summing the three pairs, 2 ≥ 3 − 3ε. */
    @Test
    void majorityGameHasAnEmptyCore() {
        TableGame game = table(3, s -> Integer.bitCount(s) >= 2 ? 1 : 0);
        LeastCore leastCore = new LinearProgrammingLeastCore().leastCore(game);
        assertThat(leastCore.epsilon()).isEqualTo(r(1, 3));
        assertThat(leastCore.coreIsEmpty()).isTrue();
        assertThat(new SequentialLinearProgrammingNucleolus().nucleolus(game).allocation())
                .containsExactly(r(1, 3), r(1, 3), r(1, 3));
    }

    /*
     * Bankruptcy games v(S) = max(0, E − Σ_{j ∉ S} d_j) with claims 100, 200, 300: the nucleolus is
     * the Talmud's division (Aumann and Maschler 1985): E = 100 → 33⅓ each; E = 200 → 50, 75, 75;
     * E = 300 → 50, 100, 150.
     */
    @Test
    void talmudBankruptcy() {
        long[] claims = {100, 200, 300};
        assertThat(nucleolusOfBankruptcy(100, claims)).containsExactly(r(100, 3), r(100, 3), r(100, 3));
        assertThat(nucleolusOfBankruptcy(200, claims)).containsExactly(r(50, 1), r(75, 1), r(75, 1));
        assertThat(nucleolusOfBankruptcy(300, claims)).containsExactly(r(50, 1), r(100, 1), r(150, 1));
    }

    private static Rational[] nucleolusOfBankruptcy(long estate, long[] claims) {
        TableGame game = table(3, s -> {
            long outside = 0;
            for (int j = 0; j < 3; j++) {
                if ((s >>> j & 1) == 0) {
                    outside += claims[j];
                }
            }
            return Math.max(0, estate - outside);
        });
        Nucleolus nucleolus = new SequentialLinearProgrammingNucleolus().nucleolus(game);
        assertThat(nucleolus.prenucleolus()).isFalse();
        return nucleolus.allocation();
    }

    /* The war council has no veto player (every player can be left out of a winning coalition), so no core. */
    @Test
    void warCouncilHasAnEmptyCore() {
        WeightedVotingGame council = new WeightedVotingGame(60, 30, 25, 30, 15);
        LeastCore leastCore = new LinearProgrammingLeastCore().leastCore(council);
        assertThat(leastCore.coreIsEmpty()).isTrue();
        CoreChecks.assertFeasible(council, leastCore.allocation(), leastCore.epsilon());
        Nucleolus nucleolus = new SequentialLinearProgrammingNucleolus().nucleolus(council);
        assertThat(Arrays.stream(nucleolus.allocation()).reduce(Rational.ZERO, Rational::add)).isEqualTo(Rational.ONE);
        assertThat(nucleolus.levels().get(0)).isEqualTo(leastCore.epsilon());
    }

    /**
     * A game found by the symmetry property: once a player's imputation bound x_i ≥ v({i}) is fixed,
     * the next stage must read the duals of the other players' bounds from their own rows. The
     * nucleolus (14, 14, 18, 22, 22) was checked independently by Maschler's sequence of programmes
     * with one feasibility test per coalition (scipy's HiGHS): levels 22, 10, 6, 0, −2.
     */
    @Test
    void fixedImputationBoundsDoNotShiftTheOtherPlayersDuals() {
        double[] v = {0, 10, 10, 28, 18, 14, 14, 39, 13, 10, 10, 72, 28, 48, 48, 32, 22, 34, 34, 60, 46, 39, 39, 48, 42, 45,
            45, 72, 72, 56, 56, 90};
        Nucleolus nucleolus = new SequentialLinearProgrammingNucleolus().nucleolus(new TableGame(v));
        assertThat(nucleolus.allocation()).containsExactly(
                Rational.of(14), Rational.of(14), Rational.of(18), Rational.of(22), Rational.of(22));
        assertThat(nucleolus.prenucleolus()).isFalse();
    }

    @Test
    void tooManyPlayers() {
        long[] weights = new long[17];
        Arrays.fill(weights, 1);
        CoalitionalGame game = new WeightedVotingGame(9, weights, null);
        assertThatThrownBy(() -> new LinearProgrammingLeastCore().leastCore(game))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17 players");
    }
}

package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.MonotonicCoverGame;
import org.parley.core.coalition.TableGame;

class RowGenerationTest {

    /* Random tables of 12 players: the same least-core ε and nucleolus as the programmes over all 2^n rows. */
    @Test
    void asTheFullProgrammesAtTwelvePlayers() {
        for (boolean additive : new boolean[] {false, true}) {
            TableGame game = CoreProperties.random(12, 84 + (additive ? 1 : 0), additive);
            assertThat(new RowGenerationLeastCore().leastCore(game).epsilon())
                    .isEqualTo(new LinearProgrammingLeastCore().leastCore(game).epsilon());
            assertThat(new RowGenerationNucleolus().nucleolus(game).allocation())
                    .containsExactly(new SequentialLinearProgrammingNucleolus().nucleolus(game).allocation());
        }
    }

    /*
     * The balanced glove game of 20 players (10 left gloves, 10 right, v = pairs formed): every
     * left–right pair has excess 0 at (1/2, ..., 1/2), and summing the constraints of a perfect
     * matching gives ε ≥ 0; by symmetry the nucleolus is 1/2 each.
     */
    @Test
    void balancedGloveGameOfTwentyPlayers() {
        int n = 20;
        long left = (1L << 10) - 1;
        double[] v = new double[1 << n];
        for (int s = 1; s < v.length; s++) {
            v[s] = Math.min(Long.bitCount(s & left), Long.bitCount(s & ~left));
        }
        TableGame game = new TableGame(v);
        assertThat(new RowGenerationLeastCore().leastCore(game).epsilon()).isEqualTo(Rational.ZERO);
        Rational[] half = new Rational[n];
        Arrays.fill(half, new Rational(java.math.BigInteger.ONE, java.math.BigInteger.TWO));
        assertThat(new RowGenerationNucleolus().nucleolus(game).allocation()).containsExactly(half);
    }

    /*
     * 30 players, v(S) = 1 when S lacks at most one player: x(N∖{i}) = 1 − x_i ≥ 1 − ε for all i
     * sums to ε ≥ 1/30, reached at the equal split, which symmetry makes the nucleolus. 2^30
     * coalitions; the oracle reads 30 basis coalitions.
     */
    @Test
    void allButOneOfThirtyPlayers() {
        int n = 30;
        long all = (1L << n) - 1;
        List<MonotonicCoverGame.Basis> basis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            basis.add(new MonotonicCoverGame.Basis(all ^ 1L << i, 1));
        }
        MonotonicCoverGame game = new MonotonicCoverGame(n, null, basis);
        Rational share = new Rational(java.math.BigInteger.ONE, java.math.BigInteger.valueOf(n));
        LeastCore leastCore = new RowGenerationLeastCore().leastCore(game);
        assertThat(leastCore.epsilon()).isEqualTo(share);
        Rational[] equal = new Rational[n];
        Arrays.fill(equal, share);
        assertThat(leastCore.allocation()).containsExactly(equal);
        assertThat(new RowGenerationNucleolus().nucleolus(game).allocation()).containsExactly(equal);
    }

    /*
     * A cover game of 22 players, 60 basis coalitions: the basis search and the enumeration of all
     * 2^22 coalitions give the same exact least core and nucleolus.
     */
    @Test
    void coverSearchAsEnumerationAtTwentyTwoPlayers() {
        MonotonicCoverGame game = RowGenerationProperties.cover(22, new Random(22));
        ExcessOracle enumeration = new EnumeratingExcessOracle(TableGame.of(game));
        assertThat(new RowGenerationLeastCore().leastCore(game).epsilon())
                .isEqualTo(new RowGenerationLeastCore().leastCore(enumeration).epsilon());
        assertThat(new RowGenerationNucleolus().nucleolus(game).allocation())
                .containsExactly(new RowGenerationNucleolus().nucleolus(enumeration).allocation());
    }

    /*
     * 40 players: the nucleolus is efficient, no coalition's excess exceeds the first level (by the
     * exact basis search, itself checked against enumeration up to 22 players), which is the least core's ε.
     */
    @Test
    void fortyPlayersCheckedByTheOracle() {
        MonotonicCoverGame game = RowGenerationProperties.cover(40, new Random(40));
        Nucleolus nucleolus = new RowGenerationNucleolus().nucleolus(game);
        Rational[] x = nucleolus.allocation();
        assertThat(Arrays.stream(x).reduce(Rational.ZERO, Rational::add))
                .isEqualTo(Rational.of(game.value((1L << 40) - 1)));
        assertThat(ExcessOracle.of(game).violated(x, nucleolus.levels().get(0), ExcessOracle.Admission.all(), 1)).isEmpty();
        assertThat(new RowGenerationLeastCore().leastCore(game).epsilon()).isEqualTo(nucleolus.levels().get(0));
    }

    /* The enumerating oracle: the k largest excesses, in order, as a sort of all coalitions. */
    @Test
    void enumeratingOracleFindsTheLargestExcesses() {
        CoalitionalGame game = CoreProperties.random(14, 3, false);
        double[] x = new double[14];
        Random random = new Random(5);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextInt(7) - 2;
        }
        List<long[]> all = new ArrayList<>();
        for (long s = 1; s < (1 << 14) - 1; s++) {
            if (s % 3 != 0) { // admit two coalitions in three
                all.add(new long[] {s});
            }
        }
        all.sort((a, b) -> Double.compare(excess(game, x, b[0]), excess(game, x, a[0])));
        List<Long> top = new EnumeratingExcessOracle(game).largest(x, -1e9,
                new ExcessOracle.Admission(s -> s % 3 != 0, 0), 25);
        assertThat(top).hasSize(25);
        for (int k = 0; k < 25; k++) {
            assertThat(excess(game, x, top.get(k))).isEqualTo(excess(game, x, all.get(k)[0]));
        }
    }

    private static double excess(CoalitionalGame game, double[] x, long s) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if ((s >>> i & 1) != 0) {
                sum += x[i];
            }
        }
        return game.value(s) - sum;
    }
}

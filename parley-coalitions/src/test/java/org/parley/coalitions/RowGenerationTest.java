package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.MonotonicCoverGame;
import org.parley.core.coalition.ScenarioGame;
import org.parley.core.coalition.TableGame;
import org.parley.core.generate.ScenarioGenerator;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Scenario;

class RowGenerationTest {

    /*
     * The check issue 12 asks for: at 16 players, row generation gives exactly the least-core ε and
     * the nucleolus of the programmes over all 2^16 − 2 coalitions (CertifiedSimplex*: every row
     * written, a floating-point dual simplex whose final basis is certified in rationals), on a
     * random table, a near-additive table, a weighted voting game, a random cover game and the
     * derived game of a generated 16-party scenario under a quorum rule. The least core's
     * allocation is not unique: row generation's is checked feasible over every coalition.
     */
    @Test
    void asTheFullEnumerationAtSixteenPlayers() {
        List<CoalitionalGame> games = new ArrayList<>();
        for (int kind = 0; kind < 4; kind++) {
            games.add(RowGenerationProperties.game(kind, 16, 1600 + kind));
        }
        games.add(derivedGame(16, 13, 16));
        for (CoalitionalGame game : games) {
            String kind = game.getClass().getSimpleName();
            LeastCore full = new CertifiedSimplexLeastCore().leastCore(game);
            LeastCore generated = new RowGenerationLeastCore().leastCore(game);
            assertThat(generated.epsilon()).as(kind).isEqualTo(full.epsilon());
            assertThat(maxExcess(game, generated.allocation())).as(kind).isEqualTo(generated.epsilon());
            Nucleolus fullNucleolus = new CertifiedSimplexNucleolus().nucleolus(game);
            Nucleolus generatedNucleolus = new RowGenerationNucleolus().nucleolus(game);
            assertThat(generatedNucleolus.allocation()).as(kind).containsExactly(fullNucleolus.allocation());
            assertThat(generatedNucleolus.prenucleolus()).isEqualTo(fullNucleolus.prenucleolus());
            assertThat(generatedNucleolus.levels().get(0)).isEqualTo(fullNucleolus.levels().get(0));
        }
    }

    /** The derived game of a generated scenario (4 issues of 4 options) with {@code quorum} of n signing. */
    static MonotonicCoverGame derivedGame(int n, int quorum, long seed) {
        Scenario scenario = ScenarioGenerator.generate(new ScenarioGenerator.Settings(n, 4, 4, seed, 0.3, 0, 1, quorum));
        CoalitionalGame game = ScenarioGame.of(scenario, OutcomeSpace.DEFAULT_REAL_STEPS, ScenarioGame.PassBy.RULE).game();
        return (MonotonicCoverGame) game;
    }

    /* max over S ≠ ∅, N of v(S) − x(S), exactly, with x(N) = v(N) checked: integers over one denominator. */
    private static Rational maxExcess(CoalitionalGame game, Rational[] x) {
        int n = game.players();
        int all = (1 << n) - 1;
        Rational[] sums = new Rational[all + 1];
        sums[0] = Rational.ZERO;
        for (int s = 1; s <= all; s++) {
            sums[s] = sums[s & (s - 1)].add(x[Integer.numberOfTrailingZeros(s)]);
        }
        assertThat(sums[all]).isEqualTo(Rational.of(game.value(all)));
        Rational max = null;
        for (int s = 1; s < all; s++) {
            Rational e = Rational.of(game.value(s)).subtract(sums[s]);
            if (max == null || e.compareTo(max) > 0) {
                max = e;
            }
        }
        return max;
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

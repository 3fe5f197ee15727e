package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.MonotonicCoverGame;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.WeightedVotingGame;

/**
 * Row generation gives the least core and the nucleolus of the linear programmes over all 2^n
 * coalitions ({@link LinearProgrammingLeastCore}, {@link SequentialLinearProgrammingNucleolus}),
 * exactly, on random games of every kind the oracles see: tables with negative values and ties,
 * near-additive tables, weighted voting games (many ties) and monotonic cover games.
 */
class RowGenerationProperties {

    static CoalitionalGame game(int kind, int n, long seed) {
        Random random = new Random(seed);
        return switch (kind) {
            case 0 -> CoreProperties.random(n, seed, false);
            case 1 -> CoreProperties.random(n, seed, true);
            case 2 -> {
                long[] weights = new long[n];
                long total = 0;
                for (int i = 0; i < n; i++) {
                    weights[i] = 1 + random.nextInt(6);
                    total += weights[i];
                }
                yield new WeightedVotingGame(1 + random.nextInt((int) total), weights, null);
            }
            default -> cover(n, random);
        };
    }

    /** A monotonic cover game over a few random coalitions with small integer or decimal values. */
    static MonotonicCoverGame cover(int n, Random random) {
        return cover(n, random, false);
    }

    static MonotonicCoverGame cover(int n, Random random, boolean integral) {
        List<MonotonicCoverGame.Basis> basis = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        int count = 1 + random.nextInt(3 * n);
        for (int k = 0; k < count; k++) {
            long mask = random.nextLong() & ((1L << n) - 1);
            if (mask != 0 && seen.add(mask)) {
                double value = integral || random.nextBoolean() ? random.nextInt(20) : random.nextInt(2000) / 100.0;
                basis.add(new MonotonicCoverGame.Basis(mask, value));
            }
        }
        return new MonotonicCoverGame(n, null, basis);
    }

    @Property(tries = 400)
    void leastCoreAsTheFullProgramme(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll long seed) {
        CoalitionalGame game = game(kind, n, seed);
        LeastCore full = new LinearProgrammingLeastCore().leastCore(game);
        LeastCore generated = new RowGenerationLeastCore().leastCore(game);
        assertThat(generated.epsilon()).isEqualTo(full.epsilon());
        if (n > 1) {
            CoreChecks.assertFeasible(game, generated.allocation(), generated.epsilon());
        }
    }

    @Property(tries = 400)
    void nucleolusAsTheFullProgramme(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll long seed) {
        CoalitionalGame game = game(kind, n, seed);
        Nucleolus full = new SequentialLinearProgrammingNucleolus().nucleolus(game);
        Nucleolus generated = new RowGenerationNucleolus().nucleolus(game);
        assertThat(generated.allocation()).containsExactly(full.allocation());
        assertThat(generated.prenucleolus()).isEqualTo(full.prenucleolus());
        if (n > 1) {
            assertThat(generated.levels().get(0)).isEqualTo(full.levels().get(0));
        }
    }

    /* The cover oracle searches the basis; enumeration reads every coalition: the same programmes either way. */
    @Property(tries = 200)
    void coverOracleAsEnumeration(@ForAll @IntRange(min = 2, max = 10) int n, @ForAll long seed) {
        MonotonicCoverGame game = cover(n, new Random(seed));
        TableGame table = TableGame.of(game);
        assertThat(new RowGenerationNucleolus().nucleolus(game).allocation())
                .containsExactly(new RowGenerationNucleolus().nucleolus(new EnumeratingExcessOracle(table)).allocation());
        assertThat(new RowGenerationLeastCore().leastCore(game).epsilon())
                .isEqualTo(new RowGenerationLeastCore().leastCore(table).epsilon());
    }

    /*
     * Both oracles against sorting every coalition: the k largest admitted excesses in order, and,
     * exactly, the admitted coalitions above a level. Payoffs are quarters, so sums are exact.
     */
    @Property(tries = 300)
    void oraclesAsSorting(@ForAll @IntRange(min = 2, max = 10) int n, @ForAll long seed) {
        Random random = new Random(seed);
        MonotonicCoverGame game = cover(n, random, true);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (random.nextInt(41) - 12) / 4.0;
        }
        long all = (1L << n) - 1;
        long modulus = 2 + random.nextInt(3);
        java.util.function.LongPredicate admit = s -> s % modulus != 0;
        List<Long> sorted = new ArrayList<>();
        for (long s = 1; s < all; s++) {
            if (admit.test(s)) {
                sorted.add(s);
            }
        }
        sorted.sort((a, b) -> Double.compare(excess(game, x, b), excess(game, x, a)));
        Rational floor = sorted.isEmpty() ? Rational.ZERO : Rational.of(excess(game, x, sorted.get(sorted.size() / 3)));
        Rational[] exact = new Rational[n];
        for (int i = 0; i < n; i++) {
            exact[i] = Rational.of(x[i]);
        }
        ExcessOracle.Admission admission = new ExcessOracle.Admission(admit, 0);
        for (ExcessOracle oracle : List.of(ExcessOracle.of(game), new EnumeratingExcessOracle(TableGame.of(game)))) {
            int k = 1 + random.nextInt(8);
            List<Long> top = oracle.largest(x, -1e9, admission, k);
            assertThat(top).hasSize(Math.min(k, sorted.size()));
            for (int j = 0; j < top.size(); j++) {
                assertThat(excess(game, x, top.get(j))).isEqualTo(excess(game, x, sorted.get(j)));
            }
            List<Long> above = oracle.violated(exact, floor, admission, Integer.MAX_VALUE);
            Set<Long> expected = new HashSet<>();
            for (long s : sorted) {
                if (Rational.of(excess(game, x, s)).compareTo(floor) > 0) {
                    expected.add(s);
                }
            }
            assertThat(above).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
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

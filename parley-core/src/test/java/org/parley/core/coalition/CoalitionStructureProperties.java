package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CoalitionStructureProperties {

    private static final BruteForceCoalitionStructure BRUTE = new BruteForceCoalitionStructure();

    @Property(tries = 150)
    void hybridMatchesBruteForceOnIntegerGames(@ForAll @IntRange(min = 1, max = 10) int n, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int range) {
        check(Games.randomIntegers(n, seed, range));
    }

    @Property(tries = 100)
    void hybridMatchesBruteForceOnBenchmarkDistributions(@ForAll @IntRange(min = 1, max = 10) int n,
            @ForAll long seed, @ForAll ValueDistribution distribution) {
        check(GameGenerator.generate(distribution, n, seed));
    }

    @Property(tries = 40)
    void dynamicProgrammeMatchesBruteForce(@ForAll @IntRange(min = 1, max = 9) int n, @ForAll long seed) {
        TableGame game = Games.randomIntegers(n, seed, 10);
        CoalitionStructure dp = new DynamicProgrammingCoalitionStructure().solve(game);
        assertThat(dp.value()).isEqualTo(BRUTE.solve(game).value());
        assertValue(game, dp);
    }

    /*
     * Phase 1 against the plain O(3^n) programme, entry by entry, for every coalition it finishes
     * (at most ⌊n/2⌋ players, ⌊n/2⌋ − 1 when n is even): blocks of eight, every budget, and the
     * compacted last class (forced from 7 players on, so recursively at n ≥ 10), on one thread and two.
     */
    @Property(tries = 60)
    void halfTableMatchesThePlainProgramme(@ForAll @IntRange(min = 1, max = 14) int n, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 30) int range, @ForAll boolean compact) {
        TableGame game = Games.randomIntegers(n, seed, range);
        double[] plain = plainTable(game);
        double[] blocked = DpBranchAndBoundCoalitionStructure.halfTable(game, compact ? 2 : 1, compact ? 7 : 99);
        int top = n % 2 == 0 ? Math.max(1, n / 2 - 1) : n / 2;
        for (int c = 0; c < plain.length; c++) {
            double expected = Integer.bitCount(c) <= top ? plain[c] : game.value(c);
            assertThat(blocked[c]).as("coalition %s of %d players", Integer.toBinaryString(c), n).isEqualTo(expected);
        }
    }

    /* Games of 11 to 14 players against the plain programme, every distribution, compaction forced. */
    @Property(tries = 30)
    void hybridMatchesThePlainProgrammeOnLargerGames(@ForAll @IntRange(min = 11, max = 14) int n,
            @ForAll long seed, @ForAll ValueDistribution distribution) {
        TableGame game = GameGenerator.generate(distribution, n, seed);
        CoalitionStructure expected = new DynamicProgrammingCoalitionStructure().solve(game);
        CoalitionStructure found = new DpBranchAndBoundCoalitionStructure(2, 7).solve(game);
        assertThat(found.optimal()).isTrue();
        assertThat(found.value()).isCloseTo(expected.value(), within(1e-9 * (1 + Math.abs(expected.value()))));
        assertValue(game, found);
    }

    /** f(C) for every coalition by the textbook recursion, each split once. */
    static double[] plainTable(TableGame game) {
        double[] f = game.toArray();
        for (int c = 1; c < f.length; c++) {
            int low = c & -c;
            int rest = c ^ low;
            for (int sub = rest; sub != 0; sub = (sub - 1) & rest) {
                f[c] = Math.max(f[c], f[(rest ^ sub) | low] + f[sub]);
            }
        }
        return f;
    }

    private static void check(TableGame game) {
        CoalitionStructure expected = BRUTE.solve(game);
        CoalitionStructure single = new DpBranchAndBoundCoalitionStructure(1).solve(game);
        CoalitionStructure parallel = new DpBranchAndBoundCoalitionStructure(2).solve(game);
        for (CoalitionStructure found : new CoalitionStructure[] {single, parallel}) {
            assertThat(found.optimal()).isTrue();
            assertThat(found.value()).isCloseTo(expected.value(), within(1e-9 * (1 + Math.abs(expected.value()))));
            assertValue(game, found);
        }
    }

    /** The structure partitions the players and its reported value is the sum of its coalitions' values. */
    static void assertValue(TableGame game, CoalitionStructure structure) {
        CoalitionStructure.checkPartition(structure.coalitions(), game.players());
        double sum = 0;
        for (long c : structure.coalitions()) {
            sum += game.value(c);
        }
        assertThat(structure.value()).isCloseTo(sum, within(1e-9 * (1 + Math.abs(sum))));
        assertThat(structure.upperBound()).isGreaterThanOrEqualTo(structure.value());
    }
}

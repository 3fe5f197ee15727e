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

package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The certified dual simplex over all 2^n rows gives the least core and the nucleolus of the older
 * full programmes ({@link LinearProgrammingLeastCore}: ojAlgo then exact cutting planes on a dense
 * rational tableau), exactly, on the game kinds of {@link RowGenerationProperties}: two solvers that
 * share no code but the game.
 */
class CertifiedSimplexProperties {

    @Property(tries = 200)
    void leastCoreAsTheOlderFullProgramme(@ForAll @IntRange(min = 1, max = 9) int n,
            @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll long seed) {
        CoalitionalGame game = RowGenerationProperties.game(kind, n, seed);
        LeastCore certified = new CertifiedSimplexLeastCore().leastCore(game);
        assertThat(certified.epsilon()).isEqualTo(new LinearProgrammingLeastCore().leastCore(game).epsilon());
        if (n > 1) {
            CoreChecks.assertFeasible(game, certified.allocation(), certified.epsilon());
        }
    }

    @Property(tries = 200)
    void nucleolusAsTheOlderFullProgramme(@ForAll @IntRange(min = 1, max = 9) int n,
            @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll long seed) {
        CoalitionalGame game = RowGenerationProperties.game(kind, n, seed);
        Nucleolus certified = new CertifiedSimplexNucleolus().nucleolus(game);
        Nucleolus older = new SequentialLinearProgrammingNucleolus().nucleolus(game);
        assertThat(certified.allocation()).containsExactly(older.allocation());
        assertThat(certified.prenucleolus()).isEqualTo(older.prenucleolus());
        if (n > 1) {
            // Later levels depend on which optimal duals a solver finds (how many stages repeat a level).
            assertThat(certified.levels().get(0)).isEqualTo(older.levels().get(0));
        }
    }
}

package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.TableGame;

class CertifiedSimplexTest {

    /*
     * The exact dual simplex alone (the path taken when the floating-point basis fails its
     * certificate) reaches the same optimum as with the floating-point phase, on every game kind.
     */
    @Test
    void theExactPhaseAloneReachesTheSameOptimum() {
        for (int kind = 0; kind < 4; kind++) {
            CoalitionalGame game = RowGenerationProperties.game(kind, 7, 70 + kind);
            CertifiedFullProgramme exactOnly = new CertifiedFullProgramme(game, false);
            CertifiedFullProgramme.Solution slow = exactOnly.solve(problem(exactOnly));
            CertifiedFullProgramme programme = new CertifiedFullProgramme(game);
            CertifiedFullProgramme.Solution fast = programme.solve(problem(programme));
            assertThat(slow.epsilon()).as("kind %d", kind).isEqualTo(fast.epsilon());
            assertThat(exactOnly.floatPivots).isZero();
            assertThat(programme.exactPivots).isZero();
            assertThat(programme.certifiedAtOnce).isTrue();
            CoreChecks.assertFeasible(game, slow.x(), slow.epsilon());
        }
    }

    /*
     * Three-player majority (v = 1 for two or three players): ε = 1/3 at (1/3, 1/3, 1/3), and each
     * pair's row has dual 1/3 (summing the three pair rows proves the bound).
     */
    @Test
    void majorityGameCertificate() {
        TableGame game = CoreTest.table(3, s -> Integer.bitCount(s) >= 2 ? 1 : 0);
        CertifiedFullProgramme programme = new CertifiedFullProgramme(game);
        CertifiedFullProgramme.Solution solution = programme.solve(problem(programme));
        assertThat(solution.epsilon()).isEqualTo(CoreTest.r(1, 3));
        assertThat(solution.x()).containsExactly(CoreTest.r(1, 3), CoreTest.r(1, 3), CoreTest.r(1, 3));
        assertThat(solution.positiveCoalitions()).containsExactlyInAnyOrder(0b011, 0b101, 0b110);
    }

    @Test
    void refusesMoreThanTwentyPlayers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CertifiedSimplexLeastCore().leastCore(
                new org.parley.core.coalition.WeightedVotingGame(11, java.util.stream.LongStream.generate(() -> 1).limit(21).toArray(), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21 players is more than 20");
    }

    private static CertifiedFullProgramme.Problem problem(CertifiedFullProgramme programme) {
        return new CertifiedFullProgramme.Problem(programme.everyCoalition(), List.of(), Set.of(), false,
                programme.value(programme.all));
    }
}

package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalitionStructureTest {

    /* The ODP-IP README's example: {a1}, {a2}, {a3, a4} = 30 + 40 + 80 = 150. */
    @Test
    void odpIpReadmeExample() {
        TableGame game = new TableGame(new double[] {0, 30, 40, 50, 25, 60, 55, 90, 45, 80, 70, 120, 80, 100, 115, 140});
        CoalitionStructure structure = new DpBranchAndBoundCoalitionStructure().solve(game);
        assertThat(structure.value()).isEqualTo(150);
        assertThat(structure.optimal()).isTrue();
        assertThat(structure.named(game.names())).containsExactly(List.of("1"), List.of("2"), List.of("3", "4"));
    }

    /*
     * Nine players; only the three triples {0,1,2}, {3,4,5}, {6,7,8} are worth anything (10 each),
     * so the optimum is a three-block structure that no split in two can reach: it exercises the
     * branch and bound over three blocks.
     */
    @Test
    void threeBlockOptimum() {
        double[] v = new double[1 << 9];
        for (int s = 1; s < v.length; s++) {
            v[s] = Integer.bitCount(s) == 1 ? 1 : 0;
        }
        v[0b000000111] = 10;
        v[0b000111000] = 10;
        v[0b111000000] = 10;
        CoalitionStructure structure = new DpBranchAndBoundCoalitionStructure().solve(new TableGame(v));
        assertThat(structure.value()).isEqualTo(30);
        assertThat(structure.coalitions()).containsExactlyInAnyOrder(0b111L, 0b111000L, 0b111000000L);
    }

    @Test
    void stoppedEarlyReportsAValidStructureAndBound() {
        TableGame game = GameGenerator.generate(ValueDistribution.NDCS, 18, 3);
        double optimum = new DpBranchAndBoundCoalitionStructure().solve(game).value();
        AtomicInteger polls = new AtomicInteger();
        // Stop after a few polls: in the middle of the dynamic programme.
        SearchControl control = new SearchControl(null, () -> polls.incrementAndGet() > 20, null);
        CoalitionStructure stopped = new DpBranchAndBoundCoalitionStructure(1).solve(game, control);
        assertThat(stopped.optimal()).isFalse();
        CoalitionStructureProperties.assertValue(game, stopped);
        assertThat(stopped.value()).isLessThanOrEqualTo(optimum + 1e-9);
        assertThat(stopped.upperBound()).isGreaterThanOrEqualTo(optimum - 1e-9);
    }

    @Test
    void timeLimitAndProgress() {
        TableGame game = GameGenerator.generate(ValueDistribution.AGENT_BASED, 16, 5);
        List<Double> fractions = new ArrayList<>();
        SearchControl control = new SearchControl(Duration.ofMinutes(1), null,
                (phase, fraction, best, bound) -> {
                    synchronized (fractions) {
                        fractions.add(fraction);
                    }
                });
        CoalitionStructure structure = new DpBranchAndBoundCoalitionStructure().solve(game, control);
        assertThat(structure.optimal()).isTrue();
        assertThat(structure.value()).isCloseTo(new DynamicProgrammingCoalitionStructure().solve(game).value(),
                within(1e-9));
        assertThat(fractions).isNotEmpty().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void tooManyPlayers() {
        long[] weights = new long[40];
        assertThatThrownBy(() -> new DpBranchAndBoundCoalitionStructure().solve(new WeightedVotingGame(1, weights, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40 players");
    }
}

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

    /*
     * Twelve players: only the triples {0,1,2}, {3,4,5}, {6,7,8}, {9,10,11} are worth anything. With
     * n even, phase 1 stops below n/2 = 6 players, and four blocks of n/4 players are the one shape no
     * grouping of them covers: the search over four blocks must find it.
     */
    @Test
    void fourQuarterBlocks() {
        double[] v = new double[1 << 12];
        for (int q = 0; q < 4; q++) {
            v[0b111 << (3 * q)] = 10;
        }
        CoalitionStructure structure = new DpBranchAndBoundCoalitionStructure().solve(new TableGame(v));
        assertThat(structure.value()).isEqualTo(40);
        assertThat(structure.coalitions()).containsExactlyInAnyOrder(0b111L, 0b111000L, 0b111000000L, 0b111000000000L);
        assertThat(structure.optimal()).isTrue();
    }

    /*
     * Twelve players: {0..5} is worth 20 on its own (its f is not computed: it has n/2 players), and
     * the rest is worth most as {6, 7} + {8..11}: a structure of one h-coalition worth v and two
     * blocks, which phase 2 searches as its own size pattern (6, 2, 4).
     */
    @Test
    void halfCoalitionPlusTwoBlocks() {
        double[] v = new double[1 << 12];
        for (int s = 1; s < v.length; s++) {
            v[s] = Integer.bitCount(s) == 1 ? 0.5 : 0;
        }
        v[0b111111] = 20;
        v[0b11000000] = 5;
        v[0b111100000000] = 5;
        CoalitionStructure structure = new DpBranchAndBoundCoalitionStructure().solve(new TableGame(v));
        assertThat(structure.value()).isEqualTo(30);
        assertThat(structure.coalitions()).containsExactlyInAnyOrder(0b111111L, 0b11000000L, 0b111100000000L);
        assertThat(new DynamicProgrammingCoalitionStructure().solve(new TableGame(v)).value()).isEqualTo(30);
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

    /*
     * Stopped after 1, 2, 4, ... polls of the stop flag, so at every stage (the dynamic programme,
     * the weights, the four-block and three-block searches): the structure found is never better
     * than the optimum, and the bound never below it.
     */
    @Test
    void stoppedAnywhereKeepsValidBounds() {
        for (ValueDistribution distribution : new ValueDistribution[] {ValueDistribution.AGENT_BASED,
                ValueDistribution.NDCS, ValueDistribution.UNIFORM}) {
            TableGame game = GameGenerator.generate(distribution, 16, 11);
            double optimum = new DynamicProgrammingCoalitionStructure().solve(game).value();
            for (int limit = 1; limit < 1 << 20; limit *= 2) {
                AtomicInteger polls = new AtomicInteger();
                int stopAfter = limit;
                SearchControl control = new SearchControl(null, () -> polls.incrementAndGet() > stopAfter, null);
                CoalitionStructure found = new DpBranchAndBoundCoalitionStructure(2).solve(game, control);
                CoalitionStructureProperties.assertValue(game, found);
                assertThat(found.value()).as("%s, %d polls", distribution, limit).isLessThanOrEqualTo(optimum + 1e-9);
                assertThat(found.upperBound()).as("%s, %d polls", distribution, limit)
                        .isGreaterThanOrEqualTo(optimum - 1e-9);
                if (found.optimal()) {
                    assertThat(found.value()).isCloseTo(optimum, within(1e-9));
                    break;
                }
            }
        }
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

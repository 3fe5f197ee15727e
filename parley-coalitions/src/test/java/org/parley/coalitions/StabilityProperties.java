package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The CS-core's least ε by the certified programme equals the older programme's (ojAlgo and exact
 * cutting planes), and its payoff gives each coalition of the structure its value and every
 * other coalition at least v(S) − ε, on random partitions of random games of the four kinds.
 */
class StabilityProperties {

    @Property(tries = 200)
    void structureAsTheOlderProgramme(@ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll long seed) {
        CoalitionalGame game = RowGenerationProperties.game(kind, n, seed);
        Random random = new Random(seed);
        int blocks = 1 + random.nextInt(n);
        long[] parts = new long[blocks];
        for (int i = 0; i < n; i++) {
            parts[random.nextInt(blocks)] |= 1L << i;
        }
        long[] structure = Arrays.stream(parts).filter(c -> c != 0).toArray();
        LeastCore certified = Stability.structure(game, structure);
        assertThat(certified.epsilon()).isEqualTo(Stability.structureByCuttingPlanes(game, structure).epsilon());
        Rational[] x = certified.allocation();
        for (long c : structure) {
            assertThat(CoreChecks.sum(x, (int) c)).isEqualTo(Rational.of(game.value(c)));
        }
        int all = (1 << n) - 1;
        java.util.Set<Long> members = new java.util.HashSet<>();
        for (long c : structure) {
            members.add(c);
        }
        for (int s = 1; s < all; s++) {
            if (members.contains((long) s)) {
                continue; // held at x(C) = v(C), whatever the sign of ε
            }
            assertThat(CoreChecks.sum(x, s).add(certified.epsilon())).isGreaterThanOrEqualTo(Rational.of(game.value(s)));
        }
    }
}

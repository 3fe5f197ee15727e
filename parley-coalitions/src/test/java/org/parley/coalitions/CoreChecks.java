package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.parley.core.coalition.CoalitionalGame;

/** Brute-force checks over every coalition, in exact arithmetic. */
final class CoreChecks {

    private CoreChecks() {}

    /** Σ x = v(N) and x(S) ≥ v(S) − ε for every coalition S. */
    static void assertFeasible(CoalitionalGame game, Rational[] x, Rational epsilon) {
        int n = game.players();
        int all = (1 << n) - 1;
        assertThat(sum(x, all)).isEqualTo(Rational.of(game.value(all)));
        for (int s = 1; s < all; s++) {
            assertThat(sum(x, s).add(epsilon)).as("coalition %s", s).isGreaterThanOrEqualTo(Rational.of(game.value(s)));
        }
    }

    /** max over S ≠ ∅, N of v(S) − x(S). */
    static Rational maxExcess(CoalitionalGame game, Rational[] x) {
        int all = (1 << game.players()) - 1;
        Rational max = null;
        for (int s = 1; s < all; s++) {
            Rational e = Rational.of(game.value(s)).subtract(sum(x, s));
            if (max == null || e.compareTo(max) > 0) {
                max = e;
            }
        }
        return max;
    }

    static Rational sum(Rational[] x, int coalition) {
        Rational sum = Rational.ZERO;
        for (int i = 0; i < x.length; i++) {
            if ((coalition >>> i & 1) != 0) {
                sum = sum.add(x[i]);
            }
        }
        return sum;
    }
}

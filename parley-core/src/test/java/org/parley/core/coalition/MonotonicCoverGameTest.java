package org.parley.core.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MonotonicCoverGameTest {

    private static List<MonotonicCoverGame.Basis> randomBasis(int n, int count, long seed) {
        Random random = new Random(seed);
        List<MonotonicCoverGame.Basis> basis = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (basis.size() < count) {
            long mask = random.nextLong() & ((1L << n) - 1);
            if (mask != 0 && seen.add(mask)) {
                basis.add(new MonotonicCoverGame.Basis(mask, random.nextInt(10)));
            }
        }
        return basis;
    }

    private static double definition(List<MonotonicCoverGame.Basis> basis, long s) {
        double best = 0;
        for (MonotonicCoverGame.Basis b : basis) {
            if ((b.coalition() & ~s) == 0) {
                best = Math.max(best, b.value());
            }
        }
        return best;
    }

    /* The tabulated values (n ≤ 20) and the scan (n > 20) both follow the definition. */
    @Test
    void tableAndScanFollowTheDefinition() {
        for (int n : new int[] {1, 6, 12, 21}) {
            List<MonotonicCoverGame.Basis> basis = randomBasis(n, Math.min(40, (1 << n) - 1), n);
            MonotonicCoverGame game = new MonotonicCoverGame(n, null, basis);
            Random random = new Random(n);
            for (int k = 0; k < 4000; k++) {
                long s = random.nextLong() & ((1L << n) - 1);
                assertThat(game.value(s)).as("n %d, S %d", n, s).isEqualTo(definition(basis, s));
                for (long w : game.attainedBy(s)) {
                    assertThat(w & ~s).isZero();
                }
            }
        }
    }

    /* Above 20 players the table comes from the transform on request (TableGame.of), equal to the scan everywhere. */
    @Test
    void valueTableBeyondTwentyPlayersAsTheScan() {
        int n = 21;
        MonotonicCoverGame game = new MonotonicCoverGame(n, null, randomBasis(n, 60, 21));
        TableGame table = TableGame.of(game);
        for (long s = 0; s < 1L << n; s++) {
            if (table.value(s) != game.value(s)) {
                assertThat(table.value(s)).as("S %d", s).isEqualTo(game.value(s));
            }
        }
        assertThat(table.names()).isEqualTo(game.names());
        assertThatThrownBy(() -> new MonotonicCoverGame(29, null, randomBasis(29, 3, 29)).valueTable())
                .hasMessageContaining("29 players is too large for a value table (at most 28)");
    }

    @Test
    void mistakes() {
        assertThatThrownBy(() -> new MonotonicCoverGame(2, null, List.of(new MonotonicCoverGame.Basis(4, 1))))
                .hasMessageContaining("non-empty set of the 2 players");
        assertThatThrownBy(() -> new MonotonicCoverGame(2, null, List.of(new MonotonicCoverGame.Basis(1, -1))))
                .hasMessageContaining("must be a finite number ≥ 0");
        assertThatThrownBy(() -> new MonotonicCoverGame(2, List.of("a", "b"), List.of(new MonotonicCoverGame.Basis(3, 1),
                new MonotonicCoverGame.Basis(3, 2)))).hasMessageContaining("{a, b} is listed twice");
    }
}

package org.parley.core.tournament;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssignmentsTest {

    @Test
    void withoutSelfPlayEveryOrderedChoiceOfDistinctStrategies() {
        assertThat(Assignments.all(2, 3, false)).containsExactly(List.of(0, 1), List.of(0, 2), List.of(1, 0),
                List.of(1, 2), List.of(2, 0), List.of(2, 1));
        assertThat(Assignments.all(3, 2, false)).isEmpty();
    }

    @Test
    void withSelfPlayEveryTuple() {
        assertThat(Assignments.all(2, 2, true)).containsExactly(List.of(0, 0), List.of(0, 1), List.of(1, 0), List.of(1, 1));
    }

    @Test
    void countsMatchBruteForceEnumeration() {
        for (int roles = 1; roles <= 4; roles++) {
            for (int k = 1; k <= 6; k++) {
                for (boolean self : new boolean[] {false, true}) {
                    // Brute force: every tuple of k^roles, filtered.
                    Set<List<Integer>> expected = new HashSet<>();
                    int total = (int) Math.pow(k, roles);
                    for (int code = 0; code < total; code++) {
                        Integer[] tuple = new Integer[roles];
                        int c = code;
                        for (int r = roles - 1; r >= 0; r--) {
                            tuple[r] = c % k;
                            c /= k;
                        }
                        if (self || new HashSet<>(List.of(tuple)).size() == roles) {
                            expected.add(List.of(tuple));
                        }
                    }
                    List<List<Integer>> all = Assignments.all(roles, k, self);
                    assertThat(new HashSet<>(all)).isEqualTo(expected);
                    assertThat(all).hasSize(expected.size()).doesNotHaveDuplicates();
                    assertThat((long) all.size()).isEqualTo(Assignments.count(roles, k, self));
                }
            }
        }
        // 6 strategies on the built-in scenarios' 2, 3 and 4 roles: 30 + 120 + 360.
        assertThat(Assignments.count(2, 6, false) + Assignments.count(3, 6, false) + Assignments.count(4, 6, false))
                .isEqualTo(510);
    }
}

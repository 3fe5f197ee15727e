package org.parley.core.tournament;

import java.util.ArrayList;
import java.util.List;

/**
 * Who plays which role. For n roles and k strategies: without self-play, every ordered choice of n
 * different strategies (k!/(k−n)! assignments, as in the ANAC competitions where each agent meets
 * each other agent in every role); with self-play, every ordered choice with repetition (k^n), so
 * that a strategy also meets itself. Listed in lexicographic order of the strategies' indices.
 */
public final class Assignments {

    private Assignments() {}

    /** How many assignments there are; throws when there are none or too many to run. */
    public static long count(int roles, int strategies, boolean selfPlay) {
        long count = 1;
        for (int r = 0; r < roles; r++) {
            count = Math.multiplyExact(count, selfPlay ? strategies : strategies - r);
        }
        return count;
    }

    public static List<List<Integer>> all(int roles, int strategies, boolean selfPlay) {
        if (roles < 1 || strategies < 1) {
            throw new IllegalArgumentException("Assignments need at least one role and one strategy.");
        }
        List<List<Integer>> result = new ArrayList<>();
        fill(new int[roles], 0, strategies, selfPlay, new boolean[strategies], result);
        return result;
    }

    private static void fill(int[] current, int role, int strategies, boolean selfPlay, boolean[] used,
            List<List<Integer>> result) {
        if (role == current.length) {
            List<Integer> assignment = new ArrayList<>(current.length);
            for (int s : current) {
                assignment.add(s);
            }
            result.add(List.copyOf(assignment));
            return;
        }
        for (int s = 0; s < strategies; s++) {
            if (!selfPlay && used[s]) {
                continue;
            }
            current[role] = s;
            used[s] = true;
            fill(current, role + 1, strategies, selfPlay, used, result);
            used[s] = false;
        }
    }
}

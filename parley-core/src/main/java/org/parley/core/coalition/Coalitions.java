package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.List;

/** Helpers for coalitions written as bitmasks. */
public final class Coalitions {

    private Coalitions() {}

    /** The members of {@code coalition}, in increasing order. */
    public static int[] members(long coalition) {
        int[] members = new int[Long.bitCount(coalition)];
        int k = 0;
        for (long rest = coalition; rest != 0; rest &= rest - 1) {
            members[k++] = Long.numberOfTrailingZeros(rest);
        }
        return members;
    }

    /** The bitmask of {@code players}. */
    public static long of(int... players) {
        long mask = 0;
        for (int player : players) {
            if (player < 0 || player >= 63) {
                throw new IllegalArgumentException("The player index (" + player + ") must lie in [0, 62].");
            }
            mask |= 1L << player;
        }
        return mask;
    }

    /** The members' names, in player order. */
    public static List<String> names(long coalition, List<String> names) {
        List<String> result = new ArrayList<>();
        for (int member : members(coalition)) {
            result.add(names.get(member));
        }
        return result;
    }

    /** "{a, b, c}" with the players' names. */
    public static String format(long coalition, List<String> names) {
        return "{" + String.join(", ", names(coalition, names)) + "}";
    }

    /** Default player names "1", "2", ..., as in the ODP-IP format (bit i is player i + 1). */
    public static List<String> defaultNames(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(Integer.toString(i));
        }
        return List.copyOf(names);
    }

    static List<String> checkNames(List<String> names, int n) {
        if (names == null) {
            return defaultNames(n);
        }
        if (names.size() != n) {
            throw new IllegalArgumentException("Expected " + n + " player names, got " + names.size() + ".");
        }
        if (names.stream().distinct().count() != n) {
            throw new IllegalArgumentException("The player names " + names + " must be distinct.");
        }
        return List.copyOf(names);
    }
}

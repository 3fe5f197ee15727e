package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic dynamic programme: f(C) = max(v(C), max over splits {A, C∖A} of f(A) + f(C∖A)),
 * coalitions in increasing order, each split once. O(3^n) time, one table of 2^n doubles (Yeh 1986,
 * "A dynamic programming approach to the complete set partitioning problem", BIT 26; Rothkopf, Pekeč
 * and Harstad 1998). Not anytime; n ≤ {@link #MAX_PLAYERS}.
 */
public final class DynamicProgrammingCoalitionStructure implements CoalitionStructureAlgorithm {

    public static final int MAX_PLAYERS = 22;

    @Override
    public CoalitionStructure solve(CoalitionalGame game, SearchControl control) {
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("The O(3^n) dynamic programme takes too long beyond " + MAX_PLAYERS
                    + " players (got " + n + "); use the hybrid algorithm.");
        }
        long started = System.nanoTime();
        int size = 1 << n;
        double[] f = new double[size];
        long evaluations = 0;
        for (int c = 1; c < size; c++) {
            double best = game.value(c);
            int low = c & -c;
            int rest = c ^ low;
            // A always holds c's lowest member, so each unordered split is seen once.
            for (int sub = rest; sub != 0; sub = (sub - 1) & rest) {
                int b = rest ^ sub;
                double x = f[b | low] + f[sub];
                evaluations++;
                if (x > best) {
                    best = x;
                }
            }
            f[c] = best;
        }
        List<Long> parts = new ArrayList<>();
        split(game, f, size - 1, parts);
        long[] coalitions = parts.stream().mapToLong(Long::longValue).toArray();
        return new CoalitionStructure(coalitions, f[size - 1], f[size - 1], true, "dynamic programming",
                new CoalitionStructure.Statistics(System.nanoTime() - started, evaluations));
    }

    /** Expands C into the coalitions that achieve f(C), exactly as the table was computed. */
    static void split(CoalitionalGame game, double[] f, int c, List<Long> parts) {
        if (f[c] == game.value(c)) {
            parts.add((long) c);
            return;
        }
        int low = c & -c;
        int rest = c ^ low;
        for (int sub = rest; sub != 0; sub = (sub - 1) & rest) {
            int a = (rest ^ sub) | low;
            if (f[a] + f[sub] == f[c]) {
                split(game, f, a, parts);
                split(game, f, sub, parts);
                return;
            }
        }
        throw new IllegalStateException("No split of " + c + " reaches f = " + f[c]);
    }
}

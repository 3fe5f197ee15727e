package org.parley.core.coalition;

/**
 * Tries every partition of the players (the Bell number B_n of them: 4 213 597 for n = 12), by
 * placing players one by one into an existing coalition or a new one. O(B_n · n); the reference for
 * tests, n ≤ {@link #MAX_PLAYERS}.
 */
public final class BruteForceCoalitionStructure implements CoalitionStructureAlgorithm {

    public static final int MAX_PLAYERS = 13;

    @Override
    public CoalitionStructure solve(CoalitionalGame game, SearchControl control) {
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("Brute force enumerates every partition: " + n + " players is more than "
                    + MAX_PLAYERS + ".");
        }
        long started = System.nanoTime();
        Search search = new Search(game, n);
        search.place(0, 0);
        long[] best = java.util.Arrays.copyOf(search.best, search.bestCount);
        return new CoalitionStructure(best, search.bestValue, search.bestValue, true, "brute force",
                new CoalitionStructure.Statistics(System.nanoTime() - started, search.count));
    }

    private static final class Search {
        final CoalitionalGame game;
        final int n;
        final long[] blocks;
        final long[] best;
        int bestCount;
        double bestValue = Double.NEGATIVE_INFINITY;
        long count;

        Search(CoalitionalGame game, int n) {
            this.game = game;
            this.n = n;
            this.blocks = new long[n];
            this.best = new long[n];
        }

        void place(int player, int used) {
            if (player == n) {
                count++;
                double value = 0;
                for (int b = 0; b < used; b++) {
                    value += game.value(blocks[b]);
                }
                if (value > bestValue) {
                    bestValue = value;
                    bestCount = used;
                    System.arraycopy(blocks, 0, best, 0, used);
                }
                return;
            }
            long bit = 1L << player;
            for (int b = 0; b < used; b++) {
                blocks[b] |= bit;
                place(player + 1, used);
                blocks[b] &= ~bit;
            }
            blocks[used] = bit;
            place(player + 1, used + 1);
            blocks[used] = 0;
        }
    }
}

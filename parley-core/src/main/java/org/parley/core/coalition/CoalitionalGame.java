package org.parley.core.coalition;

import java.util.List;

/**
 * A cooperative game with transferable utility: n players and a value v(S) for every coalition S,
 * with v(∅) = 0. A coalition is a bitmask (bit i = player i), so games given this way have at most
 * {@link #MAX_BITMASK_PLAYERS} players; larger weighted voting games are handled by the algorithms
 * that work on weights (see {@link WeightedVotingGame}).
 */
public interface CoalitionalGame {

    /** Coalitions are {@code long} bitmasks. */
    int MAX_BITMASK_PLAYERS = 62;

    int players();

    /** The players' names, in bit order. */
    List<String> names();

    /** v(S) for the coalition whose members are the set bits of {@code coalition}. */
    double value(long coalition);

    /** The grand coalition N as a bitmask. */
    default long grandCoalition() {
        int n = players();
        if (n > MAX_BITMASK_PLAYERS) {
            throw new IllegalStateException("A game of " + n + " players has no bitmask grand coalition.");
        }
        return n == 64 ? -1L : (1L << n) - 1;
    }

    /**
     * A way to add players one at a time and read the value of the coalition built so far, which
     * permutation sampling uses; the default works through bitmasks, weighted voting games through
     * weight sums (any n).
     */
    default Walk walk() {
        if (players() > MAX_BITMASK_PLAYERS) {
            throw new IllegalStateException("A game of " + players() + " players cannot be walked by bitmask.");
        }
        return new Walk() {
            private long coalition;

            @Override
            public void reset() {
                coalition = 0;
            }

            @Override
            public double add(int player) {
                coalition |= 1L << player;
                return value(coalition);
            }
        };
    }

    /** Builds a coalition one player at a time (not thread-safe: one walk per thread). */
    interface Walk {

        /** Back to the empty coalition. */
        void reset();

        /** Adds {@code player} and returns the value of the coalition so far. */
        double add(int player);
    }
}

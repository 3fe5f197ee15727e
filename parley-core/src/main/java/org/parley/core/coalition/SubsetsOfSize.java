package org.parley.core.coalition;

import java.util.Arrays;

/**
 * The k-subsets of a set of at most 32 players, one at a time: a k-bit counter c over the set's m
 * players steps by Gosper's hack (the next larger integer with as many bits; Knuth, TAOCP 4A,
 * 7.1.3, "Gosper's hack"), so the subsets come in colexicographic order, and is spread onto the
 * players by one table per byte of c (four lookups instead of a loop over c's bits; the tables cost
 * 256 entries per byte once per set). C(m, k) steps of O(1) each.
 */
final class SubsetsOfSize {

    private final int[][] deposit = new int[4][256];
    private final int[] positions = new int[32];

    /** Prepares the tables for the subsets of {@code set}; returns its number of players m. */
    int of(int set) {
        int m = 0;
        for (int b = set; b != 0; b &= b - 1) {
            positions[m++] = Integer.numberOfTrailingZeros(b);
        }
        int tables = (m + 7) / 8;
        for (int t = 0; t < tables; t++) {
            int[] table = deposit[t];
            for (int byteValue = 0; byteValue < 256; byteValue++) {
                int d = 0;
                for (int j = 0; j < 8 && 8 * t + j < m; j++) {
                    if ((byteValue >>> j & 1) != 0) {
                        d |= 1 << positions[8 * t + j];
                    }
                }
                table[byteValue] = d;
            }
        }
        for (int t = tables; t < 4; t++) {
            Arrays.fill(deposit[t], 0);
        }
        return m;
    }

    /** The subset holding the set's j-th player (in increasing order) for every bit j of c. */
    int spread(int c) {
        return deposit[0][c & 255] | deposit[1][(c >>> 8) & 255] | deposit[2][(c >>> 16) & 255] | deposit[3][c >>> 24];
    }

    /** The first counter of k bits: (1 << k) − 1. */
    static int first(int k) {
        return (1 << k) - 1;
    }

    /**
     * The next larger counter with as many bits as c (c > 0); it reaches 1 << m or more (or wraps to
     * 0 or below when m is 31 or 32) once every k-subset of m players was given.
     */
    static int next(int c) {
        int lowest = c & -c;
        int ripple = c + lowest;
        return ripple | (((ripple ^ c) >>> 2) >>> Integer.numberOfTrailingZeros(c));
    }
}

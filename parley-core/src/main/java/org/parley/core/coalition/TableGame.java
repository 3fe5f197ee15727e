package org.parley.core.coalition;

import java.util.List;

/**
 * A game given by its whole value table: {@code values[S]} is v(S) for the coalition with bitmask S
 * (bit i = player i), 2^n entries, v(∅) = 0. For n up to {@link #MAX_PLAYERS}; n = 25 is 256 MiB.
 */
public final class TableGame implements CoalitionalGame {

    /** 2^28 doubles are 2 GiB: beyond that a table is not a sensible representation. */
    public static final int MAX_PLAYERS = 28;

    final double[] values;
    private final int players;
    private final List<String> names;

    /**
     * Takes ownership of {@code values} (no copy: tables are large); the caller must not change it
     * afterwards.
     */
    public TableGame(double[] values, List<String> names) {
        int length = values.length;
        if (length < 2 || Integer.bitCount(length) != 1) {
            throw new IllegalArgumentException("A value table has 2^n entries for n ≥ 1 players, got " + length + ".");
        }
        int n = Integer.numberOfTrailingZeros(length);
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("A value table of " + n + " players is too large (at most " + MAX_PLAYERS
                    + ").");
        }
        if (values[0] != 0) {
            throw new IllegalArgumentException("v(∅) must be 0, found " + values[0] + ".");
        }
        for (int s = 1; s < length; s++) {
            if (!Double.isFinite(values[s])) {
                throw new IllegalArgumentException("v(" + Coalitions.format(s, Coalitions.checkNames(names, n))
                        + ") is not a finite number (" + values[s] + ").");
            }
        }
        this.values = values;
        this.players = n;
        this.names = Coalitions.checkNames(names, n);
    }

    public TableGame(double[] values) {
        this(values, null);
    }

    /** The table of any game with at most {@link #MAX_PLAYERS} players. */
    public static TableGame of(CoalitionalGame game) {
        if (game instanceof TableGame table) {
            return table;
        }
        int n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("A game of " + n + " players is too large for a value table (at most "
                    + MAX_PLAYERS + ").");
        }
        if (game instanceof MonotonicCoverGame cover) {
            return new TableGame(cover.valueTable(), game.names());
        }
        double[] values = new double[1 << n];
        for (int s = 1; s < values.length; s++) {
            values[s] = game.value(s);
        }
        return new TableGame(values, game.names());
    }

    @Override
    public int players() {
        return players;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public double value(long coalition) {
        return values[(int) coalition];
    }

    /** A copy of the table. */
    public double[] toArray() {
        return values.clone();
    }
}

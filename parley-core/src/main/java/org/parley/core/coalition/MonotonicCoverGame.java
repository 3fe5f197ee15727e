package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.List;

/**
 * A game given by the values w(T) ≥ 0 of a few <em>basis</em> coalitions T, every other coalition
 * worth what the best basis coalition inside it is worth: v(S) = max(0, max_{T ⊆ S} w(T)), the
 * monotonic cover of w. It is the shape of the game derived from a negotiation (T: the signer sets
 * that can pass a deal, w(T): their best joint surplus; {@link ScenarioGame}), and it lets the
 * core's separation problem search the basis instead of all 2^n coalitions.
 *
 * <p>v(S) costs O(|basis|) by a scan, or O(1) from a table of 2^n values built by a superset
 * maximum transform (O(2^n · n)) when n ≤ {@link #TABLE_PLAYERS}.
 */
public final class MonotonicCoverGame implements CoalitionalGame {

    /** Up to 2^20 coalitions the values are tabulated (8 MiB). */
    public static final int TABLE_PLAYERS = 20;

    /** One basis coalition and its value. */
    public record Basis(long coalition, double value) {}

    private final int players;
    private final List<String> names;
    private final List<Basis> basis;
    private final long[] masks;
    private final double[] values;
    private final double[] table;

    /**
     * @throws IllegalArgumentException when a basis coalition is empty, has a player beyond n, is
     *     listed twice, or has a negative or non-finite value
     */
    public MonotonicCoverGame(int players, List<String> names, List<Basis> basis) {
        if (players < 1 || players > MAX_BITMASK_PLAYERS) {
            throw new IllegalArgumentException("A monotonic cover game has 1 to " + MAX_BITMASK_PLAYERS + " players, got "
                    + players + ".");
        }
        this.players = players;
        this.names = Coalitions.checkNames(names, players);
        long all = players == 64 ? -1L : (1L << players) - 1;
        this.basis = List.copyOf(basis);
        masks = new long[basis.size()];
        values = new double[basis.size()];
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int k = 0; k < basis.size(); k++) {
            Basis b = basis.get(k);
            if (b.coalition() == 0 || (b.coalition() & ~all) != 0) {
                throw new IllegalArgumentException("The basis coalition (bitmask " + b.coalition() + ") must be a"
                        + " non-empty set of the " + players + " players.");
            }
            if (!seen.add(b.coalition())) {
                throw new IllegalArgumentException("The basis coalition " + Coalitions.format(b.coalition(), this.names)
                        + " is listed twice.");
            }
            if (!Double.isFinite(b.value()) || b.value() < 0) {
                throw new IllegalArgumentException("The value (" + b.value() + ") of the basis coalition "
                        + Coalitions.format(b.coalition(), this.names) + " must be a finite number ≥ 0.");
            }
            masks[k] = b.coalition();
            values[k] = b.value();
        }
        table = players <= TABLE_PLAYERS ? tabulate() : null;
    }

    /**
     * The whole value table (2^n doubles, a fresh array) by the superset maximum transform, O(2^n · n):
     * at n = 25 about a second and 256 MiB, against a scan of the basis for each of the 2^n
     * coalitions (2^25 · 2 626 tests for a 22-of-25 rule).
     *
     * @throws IllegalArgumentException beyond {@link TableGame#MAX_PLAYERS} players
     */
    public double[] valueTable() {
        if (players > TableGame.MAX_PLAYERS) {
            throw new IllegalArgumentException("A game of " + players + " players is too large for a value table (at"
                    + " most " + TableGame.MAX_PLAYERS + ").");
        }
        return table != null ? table.clone() : tabulate();
    }

    /** v(S) = max over T ⊆ S: first w at the basis coalitions, then the maximum pushed up one player at a time. */
    private double[] tabulate() {
        double[] t = new double[1 << players];
        for (int k = 0; k < masks.length; k++) {
            t[(int) masks[k]] = values[k];
        }
        for (int i = 0; i < players; i++) {
            int bit = 1 << i;
            for (int s = 0; s < t.length; s++) {
                if ((s & bit) != 0 && t[s ^ bit] > t[s]) {
                    t[s] = t[s ^ bit];
                }
            }
        }
        return t;
    }

    @Override
    public int players() {
        return players;
    }

    @Override
    public List<String> names() {
        return names;
    }

    /** The basis coalitions with their values, in the order given. */
    public List<Basis> basis() {
        return basis;
    }

    @Override
    public double value(long coalition) {
        if (table != null) {
            return table[(int) coalition];
        }
        double best = 0;
        for (int k = 0; k < masks.length; k++) {
            if ((masks[k] & ~coalition) == 0 && values[k] > best) {
                best = values[k];
            }
        }
        return best;
    }

    /** The basis coalitions inside {@code coalition} that reach v(S) > 0 (none when v(S) = 0). */
    public List<Long> attainedBy(long coalition) {
        double v = value(coalition);
        List<Long> result = new ArrayList<>();
        if (v <= 0) {
            return result;
        }
        for (int k = 0; k < masks.length; k++) {
            if ((masks[k] & ~coalition) == 0 && values[k] == v) {
                result.add(masks[k]);
            }
        }
        return result;
    }
}

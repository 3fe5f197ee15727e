package org.parley.core.coalition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.parley.core.model.WeightedVoting;

/**
 * A weighted voting game [q; w_1, ..., w_n] with integer weights: v(S) = 1 when the weights of S
 * reach the quota q, else 0. Any number of players; the bitmask view ({@link #value(long)}) needs
 * n ≤ 62, the weight-based algorithms do not.
 */
public final class WeightedVotingGame implements CoalitionalGame {

    private final long quota;
    private final long[] weights;
    private final List<String> names;
    private final long totalWeight;

    public WeightedVotingGame(long quota, long[] weights, List<String> names) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("A weighted voting game needs at least one player.");
        }
        if (quota <= 0) {
            throw new IllegalArgumentException("The quota (" + quota + ") must be positive.");
        }
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("The weight (" + weights[i] + ") of player " + (i + 1)
                        + " must not be negative.");
            }
            total = Math.addExact(total, weights[i]);
        }
        this.quota = quota;
        this.weights = weights.clone();
        this.names = Coalitions.checkNames(names, weights.length);
        this.totalWeight = total;
    }

    public WeightedVotingGame(long quota, long... weights) {
        this(quota, weights, null);
    }

    /** The game of a scenario's {@code coalition:} section, players in the order of its weights. */
    public static WeightedVotingGame of(WeightedVoting voting) {
        List<String> names = new ArrayList<>();
        long[] weights = new long[voting.weights().size()];
        int i = 0;
        for (Map.Entry<String, Long> entry : voting.weights().entrySet()) {
            names.add(entry.getKey());
            weights[i++] = entry.getValue();
        }
        return new WeightedVotingGame(voting.quota(), weights, names);
    }

    public long quota() {
        return quota;
    }

    public long weight(int player) {
        return weights[player];
    }

    public long[] weights() {
        return weights.clone();
    }

    public long totalWeight() {
        return totalWeight;
    }

    @Override
    public int players() {
        return weights.length;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public double value(long coalition) {
        if (weights.length > MAX_BITMASK_PLAYERS) {
            throw new IllegalStateException("A game of " + weights.length + " players has no bitmask view.");
        }
        long sum = 0;
        for (long rest = coalition; rest != 0; rest &= rest - 1) {
            sum += weights[Long.numberOfTrailingZeros(rest)];
        }
        return sum >= quota ? 1 : 0;
    }

    /** Whether {@code coalition} wins. */
    public boolean wins(long coalition) {
        return value(coalition) == 1;
    }

    @Override
    public Walk walk() {
        return new Walk() {
            private long sum;

            @Override
            public void reset() {
                sum = 0;
            }

            @Override
            public double add(int player) {
                sum += weights[player];
                return sum >= quota ? 1 : 0;
            }
        };
    }

    @Override
    public String toString() {
        return "[" + quota + "; " + String.join(", ", Arrays.stream(weights).mapToObj(Long::toString).toList()) + "]";
    }
}

package org.parley.coalitions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.MonotonicCoverGame;

/**
 * The separation oracle of a game v(S) = max(0, max_{T ⊆ S} w(T)) given by a basis of coalitions T
 * (the derived game of a negotiation: T the signer sets that can pass a deal). Then
 *
 * <pre>max_S v(S) − x(S) = max over T (and T = ∅ with w = 0) of w(T) − x(T) − min_{U ⊆ N∖T} x(U),</pre>
 *
 * and the supersets S = T ∪ U of each T come in order of decreasing w(T) − x(S) by the classic
 * enumeration of subsets by sum: start from U = the players outside T with x_i < 0, let toggling
 * player i cost |x_i|, sort the players by cost, and generate each set of toggles once from its
 * parent (add the next player, or replace the last toggled one by the next), children never
 * cheaper than parents (Lawler 1972, "A procedure for computing the K best solutions to discrete
 * optimization problems", Management Science 18). One priority queue merges the streams of all
 * basis coalitions; a coalition first met through its best T carries its true excess, later
 * meetings are skipped. Players the admission calls settled (their own vector lies in the span of
 * the coalitions fixed earlier) are never toggled, only put on their better side: a coalition and
 * its copy with such a player toggled are admitted alike and the better one is found, which keeps
 * ties among null players (x_i = 0, each doubling the coalitions of equal excess) from making the
 * search exponential. A call costs O((|basis| + m) log) for m coalitions popped: it reads the
 * basis, not the 2^n coalitions, for any n ≤ 62. The exact search ({@link #violated}) runs on
 * integers over one common denominator and stops at the first excess ≤ ε, so it pops only
 * coalitions of excess above ε. Coalitions the admission rejects are passed over (their
 * descendants are still generated): a stage of the nucleolus with many fixed coalitions of high
 * excess pops more, the one case where the search can take long.
 */
public final class MonotonicCoverExcessOracle implements ExcessOracle {

    private final MonotonicCoverGame game;
    private final int n;
    private final long all;
    private final long[] masks;
    private final double[] values;
    private final Rational[] exactValues;
    /** The common denominator of the basis values. */
    private final BigInteger valueDenominator;
    private final double scale;

    public MonotonicCoverExcessOracle(MonotonicCoverGame game) {
        this.game = game;
        n = game.players();
        all = n == 64 ? -1L : (1L << n) - 1;
        List<MonotonicCoverGame.Basis> basis = game.basis();
        // The empty coalition with value 0 stands for v ≥ 0 everywhere.
        masks = new long[basis.size() + 1];
        values = new double[basis.size() + 1];
        double max = 0;
        for (int g = 0; g < basis.size(); g++) {
            masks[g + 1] = basis.get(g).coalition();
            values[g + 1] = basis.get(g).value();
            max = Math.max(max, values[g + 1]);
        }
        scale = max;
        exactValues = new Rational[values.length];
        BigInteger d = BigInteger.ONE;
        for (int g = 0; g < values.length; g++) {
            exactValues[g] = Rational.of(values[g]);
            d = d.divide(d.gcd(exactValues[g].den())).multiply(exactValues[g].den());
        }
        valueDenominator = d;
    }

    @Override
    public CoalitionalGame game() {
        return game;
    }

    @Override
    public String description() {
        return "a best-first search over the supersets of the game's " + (masks.length - 1) + " basis coalitions";
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public List<Long> largest(double[] x, double floor, Admission admission, int k) {
        List<Long> result = new ArrayList<>();
        if (k <= 0) {
            return result;
        }
        int[] order = order(x.length, (a, b) -> Double.compare(Math.abs(x[a]), Math.abs(x[b])));
        long negative = 0;
        double negativeSum = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] < 0) {
                negative |= 1L << i;
                negativeSum -= x[i];
            }
        }
        PriorityQueue<State<Double>> queue = new PriorityQueue<>((a, b) -> Double.compare(b.excess(), a.excess()));
        for (int g = 0; g < masks.length; g++) {
            double positive = 0;
            for (long rest = masks[g]; rest != 0; rest &= rest - 1) {
                positive += Math.max(0, x[Long.numberOfTrailingZeros(rest)]);
            }
            queue.add(new State<>(g, 0, -1, values[g] - positive + negativeSum));
        }
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            State<Double> state = queue.poll();
            if (state.excess() <= floor) {
                break;
            }
            long t = masks[state.generator()];
            long s = (t | negative) ^ state.toggles();
            if (seen.add(s) && s != 0 && s != all && admission.admit().test(s)) {
                result.add(s);
                if (result.size() == k) {
                    break;
                }
            }
            int next = next(order, state.last(), t | admission.settled());
            if (next < 0) {
                continue;
            }
            int player = order[next];
            double cost = Math.abs(x[player]);
            queue.add(new State<>(state.generator(), state.toggles() | 1L << player, next, state.excess() - cost));
            if (state.toggles() != 0) {
                int lastPlayer = order[state.last()];
                queue.add(new State<>(state.generator(), (state.toggles() & ~(1L << lastPlayer)) | 1L << player, next,
                        state.excess() + Math.abs(x[lastPlayer]) - cost));
            }
        }
        return result;
    }

    /**
     * The same search in integers over one common denominator, stopping at the first key ≤ ε: it
     * pops only coalitions of excess above ε (and the duplicates and rejected ones among them), so
     * at an optimum, however many coalitions tie at ε, it ends at once.
     */
    @Override
    public List<Long> violated(Rational[] x, Rational epsilon, Admission admission, int k) {
        List<Long> result = new ArrayList<>();
        if (k <= 0) {
            return result;
        }
        BigInteger d = valueDenominator.divide(valueDenominator.gcd(epsilon.den())).multiply(epsilon.den());
        for (Rational r : x) {
            d = d.divide(d.gcd(r.den())).multiply(r.den());
        }
        BigInteger[] scaled = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = x[i].num().multiply(d.divide(x[i].den()));
        }
        BigInteger threshold = epsilon.num().multiply(d.divide(epsilon.den()));
        int[] order = order(n, (a, b) -> scaled[a].abs().compareTo(scaled[b].abs()));
        long negative = 0;
        BigInteger negativeSum = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            if (scaled[i].signum() < 0) {
                negative |= 1L << i;
                negativeSum = negativeSum.subtract(scaled[i]);
            }
        }
        PriorityQueue<State<BigInteger>> queue = new PriorityQueue<>((a, b) -> b.excess().compareTo(a.excess()));
        for (int g = 0; g < masks.length; g++) {
            BigInteger key = exactValues[g].num().multiply(d.divide(exactValues[g].den())).add(negativeSum);
            for (long rest = masks[g]; rest != 0; rest &= rest - 1) {
                BigInteger xi = scaled[Long.numberOfTrailingZeros(rest)];
                if (xi.signum() > 0) {
                    key = key.subtract(xi);
                }
            }
            queue.add(new State<>(g, 0, -1, key));
        }
        Set<Long> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            State<BigInteger> state = queue.poll();
            if (state.excess().compareTo(threshold) <= 0) {
                break;
            }
            long t = masks[state.generator()];
            long s = (t | negative) ^ state.toggles();
            if (seen.add(s) && s != 0 && s != all && admission.admit().test(s)) {
                result.add(s);
                if (result.size() == k) {
                    break;
                }
            }
            int next = next(order, state.last(), t | admission.settled());
            if (next < 0) {
                continue;
            }
            int player = order[next];
            BigInteger cost = scaled[player].abs();
            queue.add(new State<>(state.generator(), state.toggles() | 1L << player, next, state.excess().subtract(cost)));
            if (state.toggles() != 0) {
                int lastPlayer = order[state.last()];
                queue.add(new State<>(state.generator(), (state.toggles() & ~(1L << lastPlayer)) | 1L << player, next,
                        state.excess().add(scaled[lastPlayer].abs()).subtract(cost)));
            }
        }
        return result;
    }

    /**
     * A set of toggles of basis coalition g: the players toggled, the sorted position of the last
     * one, and the excess w(g) − x(S) of the coalition S it stands for.
     */
    private record State<K>(int generator, long toggles, int last, K excess) {}

    /** The players sorted by cost |x_i|. */
    private static int[] order(int n, java.util.Comparator<Integer> byCost) {
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, byCost);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** The first sorted position after {@code last} whose player may be toggled (not in {@code fixed}), or −1. */
    private static int next(int[] order, int last, long fixed) {
        int next = last + 1;
        while (next < order.length && (fixed >>> order[next] & 1) != 0) {
            next++;
        }
        return next < order.length ? next : -1;
    }
}

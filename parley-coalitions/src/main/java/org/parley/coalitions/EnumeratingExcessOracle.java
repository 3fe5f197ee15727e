package org.parley.coalitions;

import java.util.List;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.TableGame;

/**
 * The separation oracle of a game given by its value table: a scan of all 2^n coalitions, O(2^n)
 * per call and exact for every game (an arbitrary table gives no way to skip a coalition unread).
 * The scan reads the table in order and gets x(S) as the sum of two precomputed half sums (the low
 * 12 bits and the rest), so a call at n = 25 is some 33 million subtractions and comparisons; only
 * coalitions that beat the current cut are tested against {@code admit}. Games that are not tables
 * are tabulated first, so n ≤ {@link TableGame#MAX_PLAYERS}.
 */
public final class EnumeratingExcessOracle implements ExcessOracle {

    private static final int LOW_BITS = 12;

    private final CoalitionalGame game;
    private final TableGame table;
    private final int n;
    private final long all;
    private final double scale;

    public EnumeratingExcessOracle(CoalitionalGame game) {
        this.game = game;
        n = game.players();
        if (n > TableGame.MAX_PLAYERS) {
            throw new IllegalArgumentException("Separating the core's constraints of a game without structure enumerates"
                    + " its 2^n coalitions: " + n + " players is more than " + TableGame.MAX_PLAYERS + ".");
        }
        table = TableGame.of(game);
        all = (1L << n) - 1;
        double max = 0;
        for (long s = 1; s <= all; s++) {
            max = Math.max(max, Math.abs(table.value(s)));
        }
        scale = max;
    }

    @Override
    public CoalitionalGame game() {
        return game;
    }

    @Override
    public String description() {
        return "a scan of all 2^" + n + " coalitions";
    }

    @Override
    public double scale() {
        return scale;
    }

    @Override
    public List<Long> largest(double[] x, double floor, Admission admission, int k) {
        TopCoalitions top = new TopCoalitions(k);
        scan(x, new Visitor() {
            @Override
            public double cut() {
                return top.full() ? Math.max(floor, top.minimum()) : floor;
            }

            @Override
            public boolean visit(long s, double excess) {
                if (admission.admit().test(s)) {
                    top.offer(s, excess);
                }
                return true;
            }
        });
        return top.descending();
    }

    /**
     * A floating-point scan keeps the k largest excesses; a coalition within a margin (far above
     * the rounding error) of ε is admitted only after its exact sign is checked.
     */
    @Override
    public List<Long> violated(Rational[] x, Rational epsilon, Admission admission, int k) {
        double[] xd = Rational.doubleValues(x);
        double size = scale + Math.abs(epsilon.doubleValue()) + 1;
        for (double xi : xd) {
            size += Math.abs(xi);
        }
        double level = epsilon.doubleValue();
        double margin = 1e-9 * size;
        ExactPoint point = new ExactPoint(x, epsilon);
        TopCoalitions top = new TopCoalitions(k);
        scan(xd, new Visitor() {
            @Override
            public double cut() {
                return top.full() ? Math.max(level - margin, top.minimum()) : level - margin;
            }

            @Override
            public boolean visit(long s, double excess) {
                if (excess <= level + margin && point.slackSign(s, Rational.of(table.value(s))) >= 0) {
                    return true;
                }
                if (admission.admit().test(s)) {
                    top.offer(s, excess);
                }
                return true;
            }
        });
        return top.descending();
    }

    private interface Visitor {
        /** Coalitions of excess above this are visited. */
        double cut();

        /** False stops the scan. */
        boolean visit(long coalition, double excess);
    }

    private void scan(double[] x, Visitor visitor) {
        int low = Math.min(n, LOW_BITS);
        int lowSize = 1 << low;
        double[] lowSums = new double[lowSize];
        for (int l = 1; l < lowSize; l++) {
            lowSums[l] = lowSums[l & (l - 1)] + x[Integer.numberOfTrailingZeros(l)];
        }
        int highSize = 1 << (n - low);
        double[] highSums = new double[highSize];
        for (int h = 1; h < highSize; h++) {
            highSums[h] = highSums[h & (h - 1)] + x[low + Integer.numberOfTrailingZeros(h)];
        }
        double cut = visitor.cut();
        for (int h = 0; h < highSize; h++) {
            double base = highSums[h];
            long offset = (long) h << low;
            for (int l = 0; l < lowSize; l++) {
                long s = offset | l;
                double excess = table.value(s) - base - lowSums[l];
                if (excess > cut && s != 0 && s != all) {
                    if (!visitor.visit(s, excess)) {
                        return;
                    }
                    cut = visitor.cut();
                }
            }
        }
    }
}

package org.parley.coalitions;

import java.util.ArrayList;
import java.util.List;

/**
 * The linear span, over the rationals, of the indicator vectors of some coalitions of n ≤ 62
 * players: exact, in reduced row echelon form (each basis row is 1 at its own pivot and 0 at the
 * others' pivots). A vector s lies in the span iff s = Σ_k s[p_k] · row_k, which a double shadow of
 * the rows screens in O(r · n) flops; a residual too small to rule out is confirmed in rationals.
 */
final class CoalitionSpan {

    private final int n;
    private final List<Rational[]> rows = new ArrayList<>();
    private final List<double[]> shadows = new ArrayList<>();
    private final List<Integer> pivots = new ArrayList<>();

    CoalitionSpan(int n) {
        this.n = n;
    }

    int rank() {
        return rows.size();
    }

    boolean contains(long coalition) {
        int r = rows.size();
        if (r == n) {
            return true;
        }
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            residual[i] = coalition >>> i & 1;
        }
        double size = 1;
        for (int k = 0; k < r; k++) {
            if ((coalition >>> pivots.get(k) & 1) != 0) {
                double[] row = shadows.get(k);
                for (int i = 0; i < n; i++) {
                    residual[i] -= row[i];
                    size = Math.max(size, Math.abs(row[i]));
                }
            }
        }
        for (double x : residual) {
            if (Math.abs(x) > 1e-6 * size * (r + 1)) {
                return false;
            }
        }
        return reduce(coalition) == null;
    }

    /** Adds the coalition's vector; false when it was already in the span. */
    boolean add(long coalition) {
        Rational[] v = reduce(coalition);
        if (v == null) {
            return false;
        }
        int pivot = 0;
        while (v[pivot].isZero()) {
            pivot++;
        }
        Rational inverse = Rational.ONE.divide(v[pivot]);
        for (int i = 0; i < n; i++) {
            v[i] = v[i].multiply(inverse);
        }
        // Clear the new pivot column from the other rows, keeping the echelon form reduced.
        for (int k = 0; k < rows.size(); k++) {
            Rational[] row = rows.get(k);
            Rational factor = row[pivot];
            if (!factor.isZero()) {
                for (int i = 0; i < n; i++) {
                    if (!v[i].isZero()) {
                        row[i] = row[i].subtract(factor.multiply(v[i]));
                    }
                }
                shadows.set(k, Rational.doubleValues(row));
            }
        }
        rows.add(v);
        shadows.add(Rational.doubleValues(v));
        pivots.add(pivot);
        return true;
    }

    /** The residual s − Σ s[p_k] row_k, or null when it is zero (s in the span). */
    private Rational[] reduce(long coalition) {
        Rational[] v = new Rational[n];
        for (int i = 0; i < n; i++) {
            v[i] = (coalition >>> i & 1) != 0 ? Rational.ONE : Rational.ZERO;
        }
        for (int k = 0; k < rows.size(); k++) {
            Rational factor = v[pivots.get(k)];
            if (!factor.isZero()) {
                Rational[] row = rows.get(k);
                for (int i = 0; i < n; i++) {
                    if (!row[i].isZero()) {
                        v[i] = v[i].subtract(factor.multiply(row[i]));
                    }
                }
            }
        }
        for (Rational x : v) {
            if (!x.isZero()) {
                return v;
            }
        }
        return null;
    }
}

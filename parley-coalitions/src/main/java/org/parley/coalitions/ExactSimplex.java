package org.parley.coalitions;

import java.util.List;

/**
 * A small dense simplex method in exact rational arithmetic: minimise c·z over free variables z
 * subject to rows a·z ≥ b or a·z = b. Two phases with artificial variables and Bland's rule (which
 * cannot cycle). Returns the optimal z, the objective and the dual value of every row. Meant for
 * the few dozen active constraints of a coalition LP, not for large problems.
 */
final class ExactSimplex {

    /** One constraint row. */
    record Row(Rational[] coefficients, Rational rhs, boolean equality) {}

    record Solution(Rational[] z, Rational objective, Rational[] duals) {}

    private ExactSimplex() {}

    static final class UnboundedException extends IllegalStateException {
        UnboundedException() {
            super("The linear programme is unbounded.");
        }
    }

    static Solution minimise(Rational[] cost, List<Row> rows) {
        int k = cost.length;
        int m = rows.size();
        int surplusCount = 0;
        for (Row row : rows) {
            if (!row.equality()) {
                surplusCount++;
            }
        }
        // Columns: z+ (k), z- (k), surplus, artificial (m), then the right-hand side.
        int surplusStart = 2 * k;
        int artificialStart = surplusStart + surplusCount;
        int columns = artificialStart + m;
        Rational[][] t = new Rational[m + 1][columns + 1];
        int[] basis = new int[m];
        int[] sign = new int[m];
        int surplus = 0;
        for (int r = 0; r < m; r++) {
            Row row = rows.get(r);
            sign[r] = row.rhs().signum() < 0 ? -1 : 1;
            Rational s = sign[r] < 0 ? Rational.ONE.negate() : Rational.ONE;
            for (int j = 0; j <= columns; j++) {
                t[r][j] = Rational.ZERO;
            }
            for (int j = 0; j < k; j++) {
                Rational a = row.coefficients()[j].multiply(s);
                t[r][j] = a;
                t[r][k + j] = a.negate();
            }
            if (!row.equality()) {
                t[r][surplusStart + surplus++] = s.negate();
            }
            t[r][artificialStart + r] = Rational.ONE;
            t[r][columns] = row.rhs().multiply(s);
            basis[r] = artificialStart + r;
        }
        // Phase 1: minimise the sum of the artificials.
        Rational[] phase1 = new Rational[columns];
        for (int j = 0; j < columns; j++) {
            phase1[j] = j >= artificialStart ? Rational.ONE : Rational.ZERO;
        }
        setObjective(t, basis, phase1, m, columns);
        run(t, basis, m, columns, columns);
        if (t[m][columns].signum() != 0) {
            throw new IllegalStateException("The linear programme is infeasible.");
        }
        // Drive artificials at level 0 out of the basis where possible.
        for (int r = 0; r < m; r++) {
            if (basis[r] >= artificialStart) {
                for (int j = 0; j < artificialStart; j++) {
                    if (!t[r][j].isZero()) {
                        pivot(t, basis, r, j, m, columns);
                        break;
                    }
                }
            }
        }
        // Phase 2: the real costs; artificials may no longer enter.
        Rational[] phase2 = new Rational[columns];
        for (int j = 0; j < columns; j++) {
            phase2[j] = j < k ? cost[j] : j < 2 * k ? cost[j - k].negate() : Rational.ZERO;
        }
        setObjective(t, basis, phase2, m, columns);
        run(t, basis, m, columns, artificialStart);
        Rational[] z = new Rational[k];
        for (int j = 0; j < k; j++) {
            z[j] = Rational.ZERO;
        }
        for (int r = 0; r < m; r++) {
            if (basis[r] < k) {
                z[basis[r]] = z[basis[r]].add(t[r][columns]);
            } else if (basis[r] < 2 * k) {
                z[basis[r] - k] = z[basis[r] - k].subtract(t[r][columns]);
            }
        }
        // The reduced cost of row r's artificial (cost 0, column e_r) is −y_r of the sign-adjusted row.
        Rational[] duals = new Rational[m];
        for (int r = 0; r < m; r++) {
            Rational y = t[m][artificialStart + r].negate();
            duals[r] = sign[r] < 0 ? y.negate() : y;
        }
        return new Solution(z, t[m][columns].negate(), duals);
    }

    /** Row m holds the reduced costs d_j = c_j − c_B B⁻¹ A_j, and −(objective) in the last column. */
    private static void setObjective(Rational[][] t, int[] basis, Rational[] cost, int m, int columns) {
        for (int j = 0; j <= columns; j++) {
            t[m][j] = j < columns ? cost[j] : Rational.ZERO;
        }
        for (int r = 0; r < m; r++) {
            Rational cb = cost[basis[r]];
            if (cb.isZero()) {
                continue;
            }
            for (int j = 0; j <= columns; j++) {
                if (!t[r][j].isZero()) {
                    t[m][j] = t[m][j].subtract(cb.multiply(t[r][j]));
                }
            }
        }
    }

    private static void run(Rational[][] t, int[] basis, int m, int columns, int enterLimit) {
        while (true) {
            int enter = -1;
            for (int j = 0; j < enterLimit; j++) {
                if (t[m][j].signum() < 0) {
                    enter = j; // Bland: the lowest index
                    break;
                }
            }
            if (enter < 0) {
                return;
            }
            int leave = -1;
            Rational bestRatio = null;
            for (int r = 0; r < m; r++) {
                if (t[r][enter].signum() > 0) {
                    Rational ratio = t[r][columns].divide(t[r][enter]);
                    int c = bestRatio == null ? -1 : ratio.compareTo(bestRatio);
                    if (c < 0 || c == 0 && basis[r] < basis[leave]) {
                        bestRatio = ratio;
                        leave = r;
                    }
                }
            }
            if (leave < 0) {
                throw new UnboundedException();
            }
            pivot(t, basis, leave, enter, m, columns);
        }
    }

    private static void pivot(Rational[][] t, int[] basis, int row, int column, int m, int columns) {
        Rational p = t[row][column];
        for (int j = 0; j <= columns; j++) {
            if (!t[row][j].isZero()) {
                t[row][j] = t[row][j].divide(p);
            }
        }
        for (int r = 0; r <= m; r++) {
            if (r == row || t[r][column].isZero()) {
                continue;
            }
            Rational factor = t[r][column];
            for (int j = 0; j <= columns; j++) {
                if (!t[row][j].isZero()) {
                    t[r][j] = t[r][j].subtract(factor.multiply(t[row][j]));
                }
            }
        }
        basis[row] = column;
    }
}

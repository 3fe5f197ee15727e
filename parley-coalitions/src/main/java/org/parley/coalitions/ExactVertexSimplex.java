package org.parley.coalitions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The simplex method in exact rationals for the programmes on coalition excesses: minimise ε over
 * z = (x_1..x_n, ε), all free, subject to rows a·z ≥ b or a·z = b whose coefficients are 0 or 1
 * (a coalition's indicator, with or without ε). It works on the rows rather than on a tableau: a
 * vertex is a basis of n + 1 independent tight rows, B⁻¹ is kept explicitly ((n + 1)² rationals,
 * updated by a rank-one formula at each pivot), and a pivot leaves the lowest-indexed basic
 * inequality row with a negative dual, moving along the column of B⁻¹ that frees it, until the
 * first row blocks (Bland's rule on both choices, so it cannot cycle). An iteration costs
 * O(n²) plus one pass over the rows, so hundreds of rows cost little more than the n + 1 that
 * define the vertex, which is what the degenerate programmes of symmetric games need (the dense
 * tableau of {@link ExactSimplex} grows with the square of the rows).
 *
 * <p>Start: a payoff x that satisfies the rows without ε (the caller knows one: an imputation, or
 * the previous stage's optimum), with ε raised until every row holds; the point is then moved to a
 * vertex (each move along a direction that keeps the tight rows tight and does not increase ε,
 * until one more row blocks), so no phase one is needed. Starting from a vertex built of
 * independent rows alone, as an earlier version did, can break a bound or a fixed coalition's row
 * that no value of ε repairs.
 */
final class ExactVertexSimplex {

    /** a·z ≥ rhs (or = rhs), a the indicator of {@code coalition} plus ε when {@code epsilon}. */
    record Row(long coalition, boolean epsilon, Rational rhs, boolean equality) {}

    /** No vertex to start from: the rows leave a line, or the starting point breaks a row without ε. */
    static final class StartException extends IllegalStateException {
        StartException(String message) {
            super(message);
        }
    }

    private final int n;
    private final int k;
    private final List<Row> rows = new ArrayList<>();
    private final int[] basis;
    private boolean[] inBasis = new boolean[16];
    /**
     * adj[j][p] = det(B) · B⁻¹[j][p] (variables as rows, basis positions as columns): integers, so
     * a pivot is integer arithmetic with one exact division (Edmonds 1967), no fraction reduced.
     */
    private BigInteger[][] adj;
    private BigInteger det;
    private int detSign;
    private Rational[] z;
    private int pivots;
    /** Pivots in a row that did not move z; past a bound, Bland's rule takes over (it cannot cycle). */
    private int stalled;

    ExactVertexSimplex(int n) {
        this.n = n;
        this.k = n + 1;
        basis = new int[k];
    }

    /** Adds a row (after {@link #solve}, {@link #reoptimize} restores the optimum); returns its index. */
    int add(Row row) {
        rows.add(row);
        if (inBasis.length < rows.size()) {
            inBasis = Arrays.copyOf(inBasis, 2 * rows.size());
        }
        return rows.size() - 1;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * Solves from scratch, starting at the payoff {@code x}, which must satisfy every row without
     * ε (a previous stage's optimum does: its fixed coalitions and bounds are tight there).
     */
    void solve(Rational[] x) {
        start(x);
        iterate();
    }

    /**
     * After rows were added to a solved programme: the basis is still dual feasible, so the dual
     * simplex (a violated row enters, the ratio test on the duals picks the row that leaves; Bland's
     * rule: least indices) restores primal feasibility, and with it optimality.
     */
    void reoptimize() {
        while (true) {
            Scaled zs = new Scaled(z);
            double[] zd = Rational.doubleValues(z);
            boolean bland = stalled > 2 * k;
            int enter = -1;
            double worst = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (inBasis[i]) {
                    continue;
                }
                Row row = rows.get(i);
                // A floating-point screen: only rows not clearly satisfied get the exact test.
                double sum = row.epsilon() ? zd[n] : 0;
                double size = 1 + Math.abs(sum);
                for (long rest = row.coalition(); rest != 0; rest &= rest - 1) {
                    double v = zd[Long.numberOfTrailingZeros(rest)];
                    sum += v;
                    size += Math.abs(v);
                }
                double rhs = row.rhs().doubleValue();
                double slack = sum - rhs;
                if (slack > 1e-9 * (size + Math.abs(rhs)) || zs.compare(row) >= 0) {
                    continue;
                }
                if (enter < 0 || !bland && slack < worst) {
                    enter = i;
                    worst = slack;
                    if (bland) {
                        break;
                    }
                }
            }
            if (enter < 0) {
                return;
            }
            BigInteger[] u = coordinates(rows.get(enter));
            int leave = -1;
            for (int p = 0; p < k; p++) {
                if (rows.get(basis[p]).equality() || u[p].signum() * detSign <= 0) {
                    continue;
                }
                // y_p / u_p = adj[n][p] / U_p, all U_p of one sign: compare by cross-multiplying.
                int c = leave < 0 ? -1 : adj[n][p].multiply(u[leave]).compareTo(adj[n][leave].multiply(u[p]));
                if (c < 0 || c == 0 && basis[p] < basis[leave]) {
                    leave = p;
                }
            }
            if (leave < 0) {
                throw new IllegalStateException("The linear programme is infeasible.");
            }
            Row entering = rows.get(enter);
            Rational step = entering.rhs().subtract(zs.dot(entering)).multiply(new Rational(det, u[leave]));
            pivot(leave, enter, step, u);
        }
    }

    /** The optimum (after {@link #solve} or {@link #reoptimize}). */
    Rational[] z() {
        return z.clone();
    }

    /** The dual value of every row, 0 outside the basis. */
    Rational[] duals() {
        Rational[] duals = new Rational[rows.size()];
        Arrays.fill(duals, Rational.ZERO);
        for (int p = 0; p < k; p++) {
            duals[basis[p]] = new Rational(adj[n][p], det);
        }
        return duals;
    }

    int[] basis() {
        return basis.clone();
    }

    /** Pivots so far, for statistics. */
    int pivots() {
        return pivots;
    }

    // ---- start ------------------------------------------------------------------------------

    /**
     * z = (x, the least ε that satisfies every row), or a {@link StartException} when x breaks a
     * row without ε; then {@link #purify} makes it a vertex.
     */
    private void start(Rational[] x) {
        if (x.length != n) {
            throw new IllegalArgumentException("A starting point has " + n + " coordinates, not " + x.length + ".");
        }
        z = Arrays.copyOf(x, k);
        z[n] = Rational.ZERO;
        Scaled zs = new Scaled(z);
        Rational epsilon = null;
        for (Row row : rows) {
            Rational slack = zs.dot(row).subtract(row.rhs());
            if (row.epsilon() && !row.equality()) {
                Rational needed = slack.negate(); // ε = 0 in zs, so the row needs ε ≥ −slack
                if (epsilon == null || needed.compareTo(epsilon) > 0) {
                    epsilon = needed;
                }
            } else if (row.equality() ? slack.signum() != 0 : slack.signum() < 0) {
                throw new StartException("The starting point breaks a row without ε (coalition bitmask "
                        + row.coalition() + ").");
            }
        }
        z[n] = epsilon == null ? Rational.ZERO : epsilon;
        purify();
    }

    /** From a feasible point, a vertex no worse: grow a set of independent tight rows one move at a time. */
    private void purify() {
        List<Integer> tight = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).equality()) {
                tight.add(i);
            }
        }
        Scaled zs = new Scaled(z);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (!row.equality() && zs.dot(row).compareTo(row.rhs()) == 0) {
                tight.add(i);
            }
        }
        List<Integer> chosen = independent(tight, k);
        while (chosen.size() < k) {
            Rational[] d = nullDirection(chosen);
            if (d[n].signum() > 0) {
                negate(d);
            }
            int blocking = blocking(d);
            if (blocking < 0 && d[n].signum() == 0) {
                negate(d);
                blocking = blocking(d);
            }
            if (blocking < 0) {
                if (d[n].signum() < 0) {
                    throw new ExactSimplex.UnboundedException();
                }
                throw new StartException("The rows leave a line.");
            }
            Rational t = step(blocking, d);
            for (int j = 0; j < k; j++) {
                z[j] = z[j].add(t.multiply(d[j]));
            }
            chosen.add(blocking);
        }
        setBasis(chosen);
    }

    private static void negate(Rational[] d) {
        for (int j = 0; j < d.length; j++) {
            d[j] = d[j].negate();
        }
    }

    /** The row that blocks a move along d first (least step, then least index), or −1. */
    private int blocking(Rational[] d) {
        int best = -1;
        Rational bestStep = null;
        Scaled scaled = new Scaled(d);
        Scaled zs = new Scaled(z);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.equality()) {
                continue;
            }
            Rational ad = scaled.dot(row);
            if (ad.signum() >= 0) {
                continue;
            }
            Rational t = zs.dot(row).subtract(row.rhs()).divide(ad.negate());
            if (bestStep == null || t.compareTo(bestStep) < 0) {
                best = i;
                bestStep = t;
            }
        }
        return best;
    }

    private Rational step(int row, Rational[] d) {
        Row r = rows.get(row);
        return dot(r, z).subtract(r.rhs()).divide(dot(r, d).negate());
    }

    /** A non-zero d with a·d = 0 for the chosen rows (fewer than k, independent). */
    private Rational[] nullDirection(List<Integer> chosen) {
        int m = chosen.size();
        Rational[][] a = new Rational[m][];
        for (int r = 0; r < m; r++) {
            a[r] = vector(rows.get(chosen.get(r)));
        }
        int[] pivotColumn = new int[m];
        boolean[] isPivot = new boolean[k];
        int rank = 0;
        for (int c = 0; c < k && rank < m; c++) {
            int p = -1;
            for (int r = rank; r < m; r++) {
                if (!a[r][c].isZero()) {
                    p = r;
                    break;
                }
            }
            if (p < 0) {
                continue;
            }
            Rational[] swap = a[p];
            a[p] = a[rank];
            a[rank] = swap;
            Rational inv = Rational.ONE.divide(a[rank][c]);
            for (int j = 0; j < k; j++) {
                a[rank][j] = a[rank][j].multiply(inv);
            }
            for (int r = 0; r < m; r++) {
                if (r != rank && !a[r][c].isZero()) {
                    Rational f = a[r][c];
                    for (int j = 0; j < k; j++) {
                        if (!a[rank][j].isZero()) {
                            a[r][j] = a[r][j].subtract(f.multiply(a[rank][j]));
                        }
                    }
                }
            }
            pivotColumn[rank] = c;
            isPivot[c] = true;
            rank++;
        }
        int free = 0;
        while (isPivot[free]) {
            free++;
        }
        Rational[] d = new Rational[k];
        Arrays.fill(d, Rational.ZERO);
        d[free] = Rational.ONE;
        for (int r = 0; r < rank; r++) {
            d[pivotColumn[r]] = a[r][free].negate();
        }
        return d;
    }

    /** The first rows of {@code order} (repeats skipped) that are linearly independent, at most {@code limit}. */
    private List<Integer> independent(List<Integer> order, int limit) {
        List<Integer> chosen = new ArrayList<>();
        List<Rational[]> reduced = new ArrayList<>();
        List<Integer> pivots = new ArrayList<>();
        boolean[] seen = new boolean[rows.size()];
        for (int i : order) {
            if (chosen.size() == limit) {
                break;
            }
            if (seen[i]) {
                continue;
            }
            seen[i] = true;
            Rational[] v = vector(rows.get(i));
            for (int r = 0; r < reduced.size(); r++) {
                Rational f = v[pivots.get(r)];
                if (!f.isZero()) {
                    Rational[] u = reduced.get(r);
                    for (int j = 0; j < k; j++) {
                        if (!u[j].isZero()) {
                            v[j] = v[j].subtract(f.multiply(u[j]));
                        }
                    }
                }
            }
            int p = 0;
            while (p < k && v[p].isZero()) {
                p++;
            }
            if (p == k) {
                continue;
            }
            Rational inv = Rational.ONE.divide(v[p]);
            for (int j = 0; j < k; j++) {
                v[j] = v[j].multiply(inv);
            }
            reduced.add(v);
            pivots.add(p);
            chosen.add(i);
        }
        return chosen;
    }

    /**
     * Sets the basis to {@code chosen} (k independent rows): B⁻¹ by Gauss–Jordan in rationals, det(B)
     * by Bareiss's fraction-free elimination, and adj = det · B⁻¹. Returns B⁻¹.
     */
    private Rational[][] setBasis(List<Integer> chosen) {
        Arrays.fill(inBasis, false);
        if (inBasis.length < rows.size()) {
            inBasis = new boolean[2 * rows.size()];
        }
        Rational[][] a = new Rational[k][];
        Rational[][] inv = new Rational[k][k];
        for (int p = 0; p < k; p++) {
            basis[p] = chosen.get(p);
            inBasis[basis[p]] = true;
            a[p] = vector(rows.get(basis[p]));
            for (int q = 0; q < k; q++) {
                inv[p][q] = p == q ? Rational.ONE : Rational.ZERO;
            }
        }
        // Row-reduce [B | I] to [I | B⁻¹]; B's rows are positions, its columns variables.
        int[] rowOfColumn = new int[k];
        boolean[] used = new boolean[k];
        for (int c = 0; c < k; c++) {
            int p = -1;
            for (int r = 0; r < k; r++) {
                if (!used[r] && !a[r][c].isZero()) {
                    p = r;
                    break;
                }
            }
            used[p] = true;
            rowOfColumn[c] = p;
            Rational f = Rational.ONE.divide(a[p][c]);
            for (int j = 0; j < k; j++) {
                a[p][j] = a[p][j].multiply(f);
                inv[p][j] = inv[p][j].multiply(f);
            }
            for (int r = 0; r < k; r++) {
                if (r != p && !a[r][c].isZero()) {
                    Rational g = a[r][c];
                    for (int j = 0; j < k; j++) {
                        if (!a[p][j].isZero()) {
                            a[r][j] = a[r][j].subtract(g.multiply(a[p][j]));
                        }
                        if (!inv[p][j].isZero()) {
                            inv[r][j] = inv[r][j].subtract(g.multiply(inv[p][j]));
                        }
                    }
                }
            }
        }
        // Row rowOfColumn[c] of the reduced inverse is row c of B⁻¹ (variable c, positions as columns).
        Rational[][] inverse = new Rational[k][];
        for (int c = 0; c < k; c++) {
            inverse[c] = inv[rowOfColumn[c]];
        }
        det = determinant();
        detSign = det.signum();
        adj = new BigInteger[k][k];
        Rational d = new Rational(det, BigInteger.ONE);
        for (int j = 0; j < k; j++) {
            for (int q = 0; q < k; q++) {
                Rational e = inverse[j][q].multiply(d);
                if (!e.den().equals(BigInteger.ONE)) {
                    throw new IllegalStateException("det(B) · B⁻¹ is not integral: " + e + ".");
                }
                adj[j][q] = e.num();
            }
        }
        stalled = 0;
        return inverse;
    }

    /** det(B) by Bareiss (1968): every intermediate is a minor of B, so integer divisions are exact. */
    private BigInteger determinant() {
        BigInteger[][] a = new BigInteger[k][k];
        for (int p = 0; p < k; p++) {
            Row row = rows.get(basis[p]);
            for (int j = 0; j < n; j++) {
                a[p][j] = (row.coalition() >>> j & 1) != 0 ? BigInteger.ONE : BigInteger.ZERO;
            }
            a[p][n] = row.epsilon() ? BigInteger.ONE : BigInteger.ZERO;
        }
        BigInteger previous = BigInteger.ONE;
        int sign = 1;
        for (int c = 0; c < k; c++) {
            int r = c;
            while (r < k && a[r][c].signum() == 0) {
                r++;
            }
            if (r == k) {
                return BigInteger.ZERO;
            }
            if (r != c) {
                BigInteger[] swap = a[r];
                a[r] = a[c];
                a[c] = swap;
                sign = -sign;
            }
            for (int i = c + 1; i < k; i++) {
                for (int j = c + 1; j < k; j++) {
                    a[i][j] = a[i][j].multiply(a[c][c]).subtract(a[i][c].multiply(a[c][j])).divide(previous);
                }
                a[i][c] = BigInteger.ZERO;
            }
            previous = a[c][c];
        }
        return sign > 0 ? a[k - 1][k - 1] : a[k - 1][k - 1].negate();
    }

    // ---- the simplex ------------------------------------------------------------------------

    private void iterate() {
        while (true) {
            boolean bland = stalled > 2 * k;
            int leave = -1;
            for (int p = 0; p < k; p++) {
                Row row = rows.get(basis[p]);
                // The dual y_p = adj[n][p] / det: negative when adj[n][p] and det differ in sign.
                if (row.equality() || adj[n][p].signum() * detSign >= 0) {
                    continue;
                }
                if (leave < 0 || (bland ? basis[p] < basis[leave]
                        : adj[n][p].abs().compareTo(adj[n][leave].abs()) > 0)) {
                    leave = p;
                }
            }
            if (leave < 0) {
                return;
            }
            Scaled zs = new Scaled(z);
            int enter = -1;
            Rational best = null;
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (inBasis[i] || row.equality()) {
                    continue;
                }
                BigInteger ad = column(row, leave); // a·d = ad / det, d the column of B⁻¹ at leave
                if (ad.signum() * detSign >= 0) {
                    continue;
                }
                Rational t = zs.dot(row).subtract(row.rhs()).multiply(new Rational(det, ad.negate()));
                if (best == null || t.compareTo(best) < 0) {
                    enter = i;
                    best = t;
                }
            }
            if (enter < 0) {
                throw new ExactSimplex.UnboundedException();
            }
            pivot(leave, enter, best, coordinates(rows.get(enter)));
        }
    }

    /** Σ_{j ∈ a} adj[j][p]: det · (a · B⁻¹e_p). */
    private BigInteger column(Row row, int p) {
        BigInteger sum = row.epsilon() ? adj[n][p] : BigInteger.ZERO;
        for (long rest = row.coalition(); rest != 0; rest &= rest - 1) {
            sum = sum.add(adj[Long.numberOfTrailingZeros(rest)][p]);
        }
        return sum;
    }

    /** U = aᵀ adj = det · aᵀB⁻¹: the row's coordinates over the basis rows, times det. */
    private BigInteger[] coordinates(Row row) {
        BigInteger[] u = new BigInteger[k];
        for (int q = 0; q < k; q++) {
            u[q] = column(row, q);
        }
        return u;
    }

    /**
     * Row {@code enter} replaces the row at position {@code leave}: z moves by {@code step} along
     * d = B⁻¹e_leave; det(B') = U_leave (the determinant lemma), and adj' = (U_leave · adj −
     * adj e_leave Uᵀ) / det off the leaving column, which it keeps: exact integer divisions.
     */
    private void pivot(int leave, int enter, Rational step, BigInteger[] u) {
        pivots++;
        stalled = step.isZero() ? stalled + 1 : 0;
        if (!step.isZero()) {
            for (int j = 0; j < k; j++) {
                if (adj[j][leave].signum() != 0) {
                    z[j] = z[j].add(step.multiply(new Rational(adj[j][leave], det)));
                }
            }
        }
        BigInteger pivot = u[leave];
        for (int j = 0; j < k; j++) {
            BigInteger[] a = adj[j];
            BigInteger dj = a[leave];
            for (int q = 0; q < k; q++) {
                if (q != leave) {
                    a[q] = pivot.multiply(a[q]).subtract(dj.multiply(u[q])).divide(det);
                }
            }
        }
        det = pivot;
        detSign = det.signum();
        inBasis[basis[leave]] = false;
        basis[leave] = enter;
        inBasis[enter] = true;
    }

    // ---- rows -------------------------------------------------------------------------------

    private Rational[] vector(Row row) {
        Rational[] v = new Rational[k];
        for (int j = 0; j < n; j++) {
            v[j] = (row.coalition() >>> j & 1) != 0 ? Rational.ONE : Rational.ZERO;
        }
        v[n] = row.epsilon() ? Rational.ONE : Rational.ZERO;
        return v;
    }

    private Rational dot(Row row, Rational[] v) {
        return new Scaled(v).dot(row);
    }

    /** A vector over one common denominator, for fast 0/1 dot products. */
    private final class Scaled {
        private final BigInteger[] numerators;
        private final BigInteger denominator;

        Scaled(Rational[] v) {
            BigInteger d = BigInteger.ONE;
            for (Rational r : v) {
                d = d.divide(d.gcd(r.den())).multiply(r.den());
            }
            denominator = d;
            numerators = new BigInteger[v.length];
            for (int j = 0; j < v.length; j++) {
                numerators[j] = v[j].num().multiply(d.divide(v[j].den()));
            }
        }

        private BigInteger sum(Row row) {
            BigInteger sum = row.epsilon() ? numerators[n] : BigInteger.ZERO;
            for (long rest = row.coalition(); rest != 0; rest &= rest - 1) {
                sum = sum.add(numerators[Long.numberOfTrailingZeros(rest)]);
            }
            return sum;
        }

        Rational dot(Row row) {
            return new Rational(sum(row), denominator);
        }

        /** The sign of a·v − rhs, without reducing a fraction. */
        int compare(Row row) {
            return sum(row).multiply(row.rhs().den()).compareTo(row.rhs().num().multiply(denominator));
        }

    }
}

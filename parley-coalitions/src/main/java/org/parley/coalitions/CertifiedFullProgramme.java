package org.parley.coalitions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The programmes on coalition excesses (the least core; one stage of the nucleolus) with a row for
 * every one of the 2^n − 2 coalitions, solved by the dual simplex method in floating point and then
 * certified in exact rationals. Meant as the full-enumeration reference that row generation
 * ({@link RowGenerationProgramme}) is checked against: it shares neither the oracle nor the exact
 * simplex with it, and every pricing step and the final check read every row.
 *
 * <p>Variables z = (x_1..x_n, ε), all free; minimise ε subject to x(S) + ε ≥ v(S) for each free
 * coalition S, equality rows (x(N) = grand, a fixed coalition's x(S) = v(S) − level, a fixed
 * player's x_i = v({i})) and, for imputations, bounds x_i ≥ v({i}). A basis is a set of n + 1
 * independent rows; its vertex is z = B⁻¹b, its dual y = c·B⁻¹ (c = the unit vector of ε).
 *
 * <ul>
 *   <li>Start: a basis that is dual feasible by construction, whatever the values: the equality
 *       rows, a free coalition S and its complement N∖S (duals ½, ½, the grand coalition's −½,
 *       which is free), filled up with independent rows of dual 0.
 *   <li>Floating point: the dual simplex in the row form (a violated row enters, the ratio test on
 *       the duals picks the one that leaves; the most violated row while the objective moves,
 *       Bland's least-index rule after 50 pivots without progress). B⁻¹ is recomputed from scratch
 *       by Gaussian elimination at every pivot ((n + 1)³ flops, nothing to drift) and the slacks
 *       of all rows by subset sums (O(2^n) per pivot).
 *   <li>Certificate, in exact rationals: the final basis's z and y by Gauss–Jordan over the
 *       rationals; y ≥ 0 on every basic inequality (dual feasible) and every row, all 2^n − 2
 *       coalitions and the bounds, satisfied by z (primal feasible), the coalition rows checked in
 *       integers over a common denominator. Both together prove z optimal (weak duality), so the
 *       result is exact whatever the floating-point phase did.
 *   <li>If the certificate fails (never seen in the tests, but floating point gives no promise), the
 *       dual simplex continues in exact rationals with Bland's rule from that basis when it is
 *       dual feasible, else from the constructed start: slow, but it terminates, exactly.
 * </ul>
 *
 * One floating-point pivot costs O(2^n + n³); a 16-player least core takes some hundreds of pivots.
 * Dantzig (1954) for the dual simplex; Bland (1977), "New finite pivoting rules for the simplex
 * method", Mathematics of Operations Research 2.
 */
final class CertifiedFullProgramme {

    /** 2^20 rows: some megabytes of doubles and a million exact checks per certificate. */
    static final int MAX_PLAYERS = 20;
    private static final int BLAND_AFTER = 50;
    private static final int MAX_FLOAT_PIVOTS = 200_000;

    final int n;
    final int all;
    private final int k;
    private final double[] v;
    /** v(S) · {@link #denominator}, exactly: every coalition value over one common denominator. */
    private final BigInteger[] scaled;
    private final BigInteger denominator;
    private final double tolerance;
    /** False only in tests: the exact dual simplex from the constructed start, no floating point. */
    private final boolean floatingPointPhase;

    /** Statistics of the last {@link #solve}: floating-point pivots, exact pivots, whether the first certificate held. */
    int floatPivots;
    int exactPivots;
    boolean certifiedAtOnce;

    CertifiedFullProgramme(CoalitionalGame game) {
        this(game, true);
    }

    CertifiedFullProgramme(CoalitionalGame game, boolean floatingPointPhase) {
        this.floatingPointPhase = floatingPointPhase;
        n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("The programmes over all 2^n coalitions write a row for each: " + n
                    + " players is more than " + MAX_PLAYERS + ".");
        }
        k = n + 1;
        all = (1 << n) - 1;
        v = new double[all + 1];
        Rational[] exact = new Rational[all + 1];
        BigInteger lcm = BigInteger.ONE;
        double max = 0;
        for (int s = 0; s <= all; s++) {
            v[s] = s == 0 ? 0 : game.value(s);
            exact[s] = Rational.of(v[s]);
            BigInteger den = exact[s].den();
            if (!lcm.mod(den).equals(BigInteger.ZERO)) {
                lcm = lcm.divide(lcm.gcd(den)).multiply(den);
            }
            max = Math.max(max, Math.abs(v[s]));
        }
        denominator = lcm;
        scaled = new BigInteger[all + 1];
        for (int s = 0; s <= all; s++) {
            scaled[s] = exact[s].num().multiply(lcm.divide(exact[s].den()));
        }
        tolerance = 1e-9 * (max + 1);
    }

    Rational value(int coalition) {
        return new Rational(scaled[coalition], denominator);
    }

    record Fixed(int coalition, Rational level) {}

    /**
     * One programme: {@code free} the coalitions with a row x(S) + ε ≥ v(S) (ascending), the fixed
     * coalitions and players at their levels, bounds x_i ≥ v({i}) for the other players when
     * {@code imputations}, and x(N) = {@code grand}.
     */
    record Problem(int[] free, List<Fixed> fixed, Set<Integer> fixedSingletons, boolean imputations, Rational grand) {}

    /** The certified optimum: z = (x, ε), and the coalitions and bounded players with a positive dual. */
    record Solution(Rational[] x, Rational epsilon, List<Integer> positiveCoalitions, List<Integer> positiveSingletons) {}

    /** Every coalition but ∅ and N, ascending. */
    int[] everyCoalition() {
        int[] free = new int[all - 1];
        for (int s = 1; s < all; s++) {
            free[s - 1] = s;
        }
        return free;
    }

    Solution solve(Problem problem) {
        Rows rows = new Rows(problem);
        floatPivots = 0;
        exactPivots = 0;
        int[] start = rows.dualFeasibleStart();
        int[] basis = null;
        if (floatingPointPhase) {
            try {
                basis = floatingPoint(rows, start.clone());
            } catch (ArithmeticException | IllegalStateException e) {
                basis = null; // a singular basis or no progress: the exact phase starts over
            }
        }
        Certificate certificate = basis == null ? null : certify(rows, basis);
        certifiedAtOnce = certificate != null && certificate.dualFeasible() && certificate.violated() < 0;
        if (certificate == null || !certificate.dualFeasible()) {
            basis = start;
            certificate = certify(rows, basis);
        }
        while (certificate.violated() >= 0) {
            if (rows.equality(certificate.violated())) {
                throw new IllegalStateException("The equality rows contradict each other.");
            }
            exactPivots++;
            basis[exactLeaving(rows, basis, certificate)] = certificate.violated();
            certificate = certify(rows, basis);
        }
        List<Integer> positive = new ArrayList<>();
        List<Integer> positiveSingletons = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            int r = basis[p];
            if (!rows.equality(r) && certificate.y()[p].signum() > 0) {
                if (rows.epsilon(r)) {
                    positive.add(rows.mask(r));
                } else {
                    positiveSingletons.add(Integer.numberOfTrailingZeros(rows.mask(r)));
                }
            }
        }
        return new Solution(Arrays.copyOf(certificate.z(), n), certificate.z()[n], positive, positiveSingletons);
    }

    // ---- the rows of one programme ------------------------------------------------------------

    /** Rows 0..q−1: equalities and bounds (no ε); rows q..: the free coalitions, with ε. */
    private final class Rows {
        final int[] free;
        final int q;
        final int[] specialMask;
        final boolean[] specialEquality;
        final Rational[] specialRhs;

        Rows(Problem problem) {
            free = problem.free();
            List<Integer> masks = new ArrayList<>();
            List<Boolean> equalities = new ArrayList<>();
            List<Rational> rhs = new ArrayList<>();
            masks.add(all);
            equalities.add(true);
            rhs.add(problem.grand());
            for (Fixed f : problem.fixed()) {
                masks.add(f.coalition());
                equalities.add(true);
                rhs.add(value(f.coalition()).subtract(f.level()));
            }
            for (int i = 0; i < n; i++) {
                if (problem.fixedSingletons().contains(i)) {
                    masks.add(1 << i);
                    equalities.add(true);
                    rhs.add(value(1 << i));
                } else if (problem.imputations()) {
                    masks.add(1 << i);
                    equalities.add(false);
                    rhs.add(value(1 << i));
                }
            }
            q = masks.size();
            specialMask = masks.stream().mapToInt(Integer::intValue).toArray();
            specialEquality = new boolean[q];
            for (int r = 0; r < q; r++) {
                specialEquality[r] = equalities.get(r);
            }
            specialRhs = rhs.toArray(new Rational[0]);
        }

        int size() {
            return q + free.length;
        }

        int mask(int r) {
            return r < q ? specialMask[r] : free[r - q];
        }

        boolean epsilon(int r) {
            return r >= q;
        }

        boolean equality(int r) {
            return r < q && specialEquality[r];
        }

        /** The row as a bit vector over the n + 1 variables (bit n: ε). */
        long bits(int r) {
            return r < q ? specialMask[r] : free[r - q] | 1L << n;
        }

        double rhs(int r) {
            return r < q ? specialRhs[r].doubleValue() : v[free[r - q]];
        }

        Rational exactRhs(int r) {
            return r < q ? specialRhs[r] : value(free[r - q]);
        }

        /**
         * The independent equality rows (a dependent one, as x(N) beside the coalitions of a
         * structure, holds wherever the others do), then either one free S whose vector lies in
         * their span (y_S = 1, the equalities' free duals make up the rest), or a free S and N∖S
         * (y = ½ each, N being in the span), then independent rows of dual 0: B^T y = e_ε with
         * y ≥ 0 on the inequalities, whatever the values.
         */
        int[] dualFeasibleStart() {
            if (free.length == 0) {
                throw new IllegalArgumentException("A programme needs a free coalition.");
            }
            ExcessProgramme.Span span = new ExcessProgramme.Span(k);
            int[] basis = new int[k];
            int size = 0;
            for (int r = 0; r < q; r++) {
                if (specialEquality[r] && span.add((int) bits(r))) {
                    basis[size++] = r;
                }
            }
            List<Integer> chosen = new ArrayList<>();
            for (int f = 0; f < free.length && chosen.isEmpty() && size > 1; f++) { // x(N) alone spans no free S
                if (span.contains(free[f])) { // the coalition's x-part, ε left out
                    chosen.add(q + f);
                }
            }
            if (chosen.isEmpty()) {
                if (!span.contains(all)) {
                    throw new IllegalStateException("x(N) is not fixed by the equality rows.");
                }
                for (int f = 0; f < free.length && chosen.isEmpty(); f++) {
                    int complement = Arrays.binarySearch(free, all ^ free[f]);
                    if (complement >= 0) {
                        chosen.add(q + f);
                        chosen.add(q + complement);
                    }
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalStateException("No free coalition to start from.");
            }
            for (int r : chosen) {
                if (!span.add((int) bits(r))) {
                    throw new IllegalStateException("Dependent starting rows.");
                }
                basis[size++] = r;
            }
            for (int r = 0; r < size() && size < k; r++) {
                if (!equality(r) && !chosen.contains(r) && span.add((int) bits(r))) {
                    basis[size++] = r;
                }
            }
            if (size < k) {
                throw new IllegalStateException("The rows do not span the n + 1 variables.");
            }
            return basis;
        }
    }

    // ---- floating point ----------------------------------------------------------------------

    /** The dual simplex in doubles from a dual feasible basis; returns the final basis. */
    private int[] floatingPoint(Rows rows, int[] basis) {
        int m = rows.size();
        boolean[] inBasis = new boolean[m];
        for (int r : basis) {
            inBasis[r] = true;
        }
        double[] b = new double[m];
        for (int r = 0; r < m; r++) {
            b[r] = rows.rhs(r);
        }
        double[] sums = new double[all + 1];
        double best = Double.NEGATIVE_INFINITY;
        int stalled = 0;
        while (true) {
            double[][] inverse = inverse(rows, basis);
            double[] z = new double[k];
            for (int j = 0; j < k; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += inverse[j][p] * b[basis[p]];
                }
                z[j] = sum;
            }
            if (z[n] > best + tolerance * 1e-3) {
                best = z[n];
                stalled = 0;
            } else {
                stalled++;
            }
            boolean bland = stalled > BLAND_AFTER;
            for (int s = 1; s <= all; s++) {
                sums[s] = sums[s & (s - 1)] + z[Integer.numberOfTrailingZeros(s)];
            }
            int enter = -1;
            double worst = -tolerance;
            for (int r = 0; r < m; r++) {
                if (inBasis[r] || rows.equality(r)) {
                    continue;
                }
                int mask = rows.mask(r);
                double slack = rows.epsilon(r) ? sums[mask] + z[n] - b[r] : sums[mask] - b[r];
                if (slack < worst) {
                    enter = r;
                    worst = slack;
                    if (bland) {
                        break;
                    }
                }
            }
            if (enter < 0) {
                return basis;
            }
            if (++floatPivots > MAX_FLOAT_PIVOTS) {
                throw new IllegalStateException("No optimum after " + MAX_FLOAT_PIVOTS + " pivots.");
            }
            long bits = rows.bits(enter);
            int leave = -1;
            double bestRatio = 0;
            double bestU = 0;
            for (int p = 0; p < k; p++) {
                if (rows.equality(basis[p])) {
                    continue;
                }
                double u = 0;
                for (long rest = bits; rest != 0; rest &= rest - 1) {
                    u += inverse[Long.numberOfTrailingZeros(rest)][p];
                }
                if (u <= 1e-9) {
                    continue;
                }
                double ratio = Math.max(inverse[n][p], 0) / u;
                boolean tie = leave >= 0 && Math.abs(ratio - bestRatio) <= 1e-12 * (1 + Math.abs(bestRatio));
                boolean better = leave < 0 || !tie && ratio < bestRatio
                        || tie && (bland ? basis[p] < basis[leave] : u > bestU);
                if (better) {
                    leave = p;
                    bestRatio = ratio;
                    bestU = u;
                }
            }
            if (leave < 0) {
                throw new IllegalStateException("The programme looks infeasible in floating point.");
            }
            inBasis[basis[leave]] = false;
            basis[leave] = enter;
            inBasis[enter] = true;
        }
    }

    /** B⁻¹ as [variable][basis position], by Gauss–Jordan with partial pivoting. */
    private double[][] inverse(Rows rows, int[] basis) {
        double[][] a = new double[k][2 * k];
        for (int p = 0; p < k; p++) {
            long bits = rows.bits(basis[p]);
            for (int j = 0; j < k; j++) {
                a[p][j] = bits >>> j & 1;
            }
            a[p][k + p] = 1;
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            for (int r = c + 1; r < k; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][c]) < 1e-12) {
                throw new ArithmeticException("A singular basis.");
            }
            double[] swap = a[pivot];
            a[pivot] = a[c];
            a[c] = swap;
            double inv = 1 / a[c][c];
            for (int j = 0; j < 2 * k; j++) {
                a[c][j] *= inv;
            }
            for (int r = 0; r < k; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int j = 0; j < 2 * k; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        // Row c of [I | X] is variable c: X = B⁻¹ with rows as variables, columns as positions.
        double[][] inverse = new double[k][];
        for (int j = 0; j < k; j++) {
            inverse[j] = Arrays.copyOfRange(a[j], k, 2 * k);
        }
        return inverse;
    }

    // ---- exact -------------------------------------------------------------------------------

    /**
     * A basis evaluated exactly: its vertex z, its duals y (by position), B⁻¹, whether y ≥ 0 on the
     * basic inequalities, and the least-index row z violates (−1: none, so z is feasible).
     */
    private record Certificate(Rational[] z, Rational[] y, Rational[][] inverse, boolean dualFeasible, int violated) {}

    private Certificate certify(Rows rows, int[] basis) {
        Rational[][] inverse = exactInverse(rows, basis);
        Rational[] z = new Rational[k];
        for (int j = 0; j < k; j++) {
            Rational sum = Rational.ZERO;
            for (int p = 0; p < k; p++) {
                if (!inverse[j][p].isZero()) {
                    sum = sum.add(inverse[j][p].multiply(rows.exactRhs(basis[p])));
                }
            }
            z[j] = sum;
        }
        boolean dualFeasible = true;
        for (int p = 0; p < k; p++) {
            if (!rows.equality(basis[p]) && inverse[n][p].signum() < 0) {
                dualFeasible = false;
            }
        }
        return new Certificate(z, inverse[n].clone(), inverse, dualFeasible, firstViolated(rows, z));
    }

    /** The least-index row that z breaks, or −1; coalition rows in integers over a common denominator. */
    private int firstViolated(Rows rows, Rational[] z) {
        for (int r = 0; r < rows.q; r++) {
            Rational sum = Rational.ZERO;
            for (int rest = rows.specialMask[r]; rest != 0; rest &= rest - 1) {
                sum = sum.add(z[Integer.numberOfTrailingZeros(rest)]);
            }
            int c = sum.compareTo(rows.specialRhs[r]);
            if (rows.specialEquality[r] ? c != 0 : c < 0) {
                return r;
            }
        }
        // z_j = zz_j / d; x(S) + ε ≥ v(S) ⇔ (zz(S) + zz_ε) · D ≥ scaled(S) · d.
        BigInteger d = BigInteger.ONE;
        for (Rational zj : z) {
            d = d.divide(d.gcd(zj.den())).multiply(zj.den());
        }
        BigInteger[] zz = new BigInteger[k];
        for (int j = 0; j < k; j++) {
            zz[j] = z[j].num().multiply(d.divide(z[j].den()));
        }
        BigInteger[] sums = new BigInteger[all + 1];
        sums[0] = BigInteger.ZERO;
        for (int s = 1; s <= all; s++) {
            sums[s] = sums[s & (s - 1)].add(zz[Integer.numberOfTrailingZeros(s)]);
        }
        for (int f = 0; f < rows.free.length; f++) {
            int s = rows.free[f];
            if (sums[s].add(zz[n]).multiply(denominator).compareTo(scaled[s].multiply(d)) < 0) {
                return rows.q + f;
            }
        }
        return -1;
    }

    /** The dual ratio test in rationals, ties to the least row index (Bland). */
    private int exactLeaving(Rows rows, int[] basis, Certificate certificate) {
        long bits = rows.bits(certificate.violated());
        int leave = -1;
        Rational bestRatio = null;
        for (int p = 0; p < k; p++) {
            if (rows.equality(basis[p])) {
                continue;
            }
            Rational u = Rational.ZERO;
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                u = u.add(certificate.inverse()[Long.numberOfTrailingZeros(rest)][p]);
            }
            if (u.signum() <= 0) {
                continue;
            }
            Rational ratio = certificate.y()[p].divide(u);
            int c = bestRatio == null ? -1 : ratio.compareTo(bestRatio);
            if (c < 0 || c == 0 && basis[p] < basis[leave]) {
                leave = p;
                bestRatio = ratio;
            }
        }
        if (leave < 0) {
            throw new IllegalStateException("The linear programme is infeasible.");
        }
        return leave;
    }

    /** B⁻¹ in rationals, [variable][basis position], by Gauss–Jordan. */
    private Rational[][] exactInverse(Rows rows, int[] basis) {
        Rational[][] a = new Rational[k][2 * k];
        for (int p = 0; p < k; p++) {
            long bits = rows.bits(basis[p]);
            for (int j = 0; j < 2 * k; j++) {
                a[p][j] = j < k ? ((bits >>> j & 1) != 0 ? Rational.ONE : Rational.ZERO)
                        : j - k == p ? Rational.ONE : Rational.ZERO;
            }
        }
        for (int c = 0; c < k; c++) {
            int pivot = c;
            while (pivot < k && a[pivot][c].isZero()) {
                pivot++;
            }
            if (pivot == k) {
                throw new IllegalStateException("A singular basis.");
            }
            Rational[] swap = a[pivot];
            a[pivot] = a[c];
            a[c] = swap;
            Rational inv = Rational.ONE.divide(a[c][c]);
            for (int j = 0; j < 2 * k; j++) {
                if (!a[c][j].isZero()) {
                    a[c][j] = a[c][j].multiply(inv);
                }
            }
            for (int r = 0; r < k; r++) {
                if (r != c && !a[r][c].isZero()) {
                    Rational f = a[r][c];
                    for (int j = 0; j < 2 * k; j++) {
                        if (!a[c][j].isZero()) {
                            a[r][j] = a[r][j].subtract(f.multiply(a[c][j]));
                        }
                    }
                }
            }
        }
        Rational[][] inverse = new Rational[k][];
        for (int j = 0; j < k; j++) {
            inverse[j] = Arrays.copyOfRange(a[j], k, 2 * k);
        }
        return inverse;
    }
}

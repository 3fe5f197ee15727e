package org.parley.coalitions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The linear programmes on coalition excesses shared by the least core and the nucleolus: minimise
 * ε subject to x(S) + ε ≥ v(S) for the free coalitions, fixed coalitions at their levels, and
 * x(N) = v(N). ojAlgo's floating-point LP over all 2^n − 2 coalitions picks the constraints likely
 * to be active; an exact rational simplex solves the programme restricted to them, every other
 * coalition is checked exactly (a floating-point screen first, rationals where it is close), and
 * violated ones are added until none is left. A restricted optimum that satisfies every constraint
 * is optimal for the whole programme, so the result is exact whatever the floating-point LP did.
 */
final class ExcessProgramme {

    /** 2^16 coalitions: each exact check and floating-point LP stays within a second or so. */
    static final int MAX_PLAYERS = 16;
    private static final int MAX_CUTS_PER_ROUND = 64;

    final int n;
    final int all;
    final double[] v;
    final Rational[] exact;
    final double scale;

    ExcessProgramme(CoalitionalGame game) {
        n = game.players();
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("The core, least core and nucleolus are linear programmes over all 2^n"
                    + " coalitions: " + n + " players is more than " + MAX_PLAYERS + ".");
        }
        all = (1 << n) - 1;
        v = new double[all + 1];
        exact = new Rational[all + 1];
        double max = 0;
        for (int s = 0; s <= all; s++) {
            v[s] = s == 0 ? 0 : game.value(s);
            exact[s] = Rational.of(v[s]);
            max = Math.max(max, Math.abs(v[s]));
        }
        scale = max + 1;
    }

    record Fixed(int coalition, Rational level) {}

    record Stage(Rational[] x, Rational epsilon, List<Integer> positiveCoalitions, List<Integer> positiveSingletons) {}

    /** The floating-point least core over every coalition: (x_1..x_n, ε). */
    double[] floatingPoint() {
        boolean[] free = new boolean[all + 1];
        for (int s = 1; s < all; s++) {
            free[s] = true;
        }
        return floatingPoint(free, List.of(), v[all]);
    }

    /** The floating-point programme with the given free and fixed coalitions and x(N) = grand: (x, ε), or null. */
    double[] floatingPoint(boolean[] free, List<Fixed> fixed, double grand) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[n];
        for (int i = 0; i < n; i++) {
            x[i] = model.addVariable("x" + i).lower(null).upper(null);
        }
        Variable epsilon = model.addVariable("epsilon").lower(null).upper(null).weight(1);
        for (Fixed f : fixed) {
            Expression row = model.addExpression("F" + f.coalition()).level(v[f.coalition()] - f.level().doubleValue());
            for (int i = 0; i < n; i++) {
                if ((f.coalition() >>> i & 1) != 0) {
                    row.set(x[i], 1);
                }
            }
        }
        for (int s = 1; s < all; s++) {
            if (!free[s]) {
                continue;
            }
            Expression row = model.addExpression("S" + s).lower(v[s]);
            for (int i = 0; i < n; i++) {
                if ((s >>> i & 1) != 0) {
                    row.set(x[i], 1);
                }
            }
            row.set(epsilon, 1);
        }
        Expression grandRow = model.addExpression("N").level(grand);
        for (int i = 0; i < n; i++) {
            grandRow.set(x[i], 1);
        }
        Optimisation.Result result = model.minimise();
        double[] z = new double[n + 1];
        if (!result.getState().isFeasible()) {
            // Leave the choice of constraints to the exact cutting planes alone.
            return null;
        }
        for (int j = 0; j <= n; j++) {
            z[j] = result.doubleValue(j);
        }
        return z;
    }

    /** The coalitions among {@code free} whose excess under z = (x, ε) is within a tolerance of ε. */
    Set<Integer> nearlyTight(double[] z, boolean[] free) {
        Set<Integer> active = new LinkedHashSet<>();
        if (z == null) {
            return active;
        }
        double[] sums = sums(z);
        for (int s = 1; s < all; s++) {
            if (free[s] && sums[s] + z[n] - v[s] <= 1e-6 * scale) {
                active.add(s);
            }
        }
        return active;
    }

    /** The {@code count} free coalitions of largest excess v(S) − x(S) under x. */
    Set<Integer> largestExcesses(Rational[] x, boolean[] free, int count) {
        double[] z = new double[n + 1];
        for (int i = 0; i < n; i++) {
            z[i] = x[i].doubleValue();
        }
        double[] sums = sums(z);
        List<Integer> candidates = new ArrayList<>();
        for (int s = 1; s < all; s++) {
            if (free[s]) {
                candidates.add(s);
            }
        }
        candidates.sort(Comparator.comparingDouble(s -> sums[s] - v[s]));
        return new LinkedHashSet<>(candidates.subList(0, Math.min(count, candidates.size())));
    }

    private double[] sums(double[] z) {
        double[] sums = new double[all + 1];
        for (int s = 1; s <= all; s++) {
            int low = Integer.numberOfTrailingZeros(s);
            sums[s] = sums[s & (s - 1)] + z[low];
        }
        return sums;
    }

    /**
     * Solves one programme exactly: free coalitions get x(S) + ε ≥ v(S), fixed ones x(S) = v(S) −
     * level, fixed singletons x_i = v(i), and with {@code imputations} the others x_i ≥ v(i).
     */
    Stage solve(boolean[] free, Set<Integer> initial, List<Fixed> fixed, Set<Integer> fixedSingletons,
            boolean imputations) {
        return solve(free, initial, fixed, fixedSingletons, imputations, exact[all]);
    }

    /** As above with x(N) = {@code grand} (the value of a coalition structure rather than v(N)). */
    Stage solve(boolean[] free, Set<Integer> initial, List<Fixed> fixed, Set<Integer> fixedSingletons,
            boolean imputations, Rational grand) {
        Set<Integer> active = new LinkedHashSet<>(initial);
        for (int i = 0; i < n; i++) {
            if (free[1 << i]) {
                active.add(1 << i); // keeps the restricted programme bounded
            }
        }
        active.removeIf(s -> !free[s]);
        while (true) {
            List<ExactSimplex.Row> rows = new ArrayList<>();
            rows.add(new ExactSimplex.Row(indicator(all, false), grand, true));
            for (Fixed f : fixed) {
                rows.add(new ExactSimplex.Row(indicator(f.coalition(), false), exact[f.coalition()].subtract(f.level()), true));
            }
            // The players with a free imputation bound x_i ≥ v({i}), and the row each bound is on (fixed
            // singletons' equality rows sit between them, so the positions are not contiguous).
            List<Integer> singletonRows = new ArrayList<>();
            List<Integer> singletonRowIndex = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fixedSingletons.contains(i)) {
                    rows.add(new ExactSimplex.Row(indicator(1 << i, false), exact[1 << i], true));
                } else if (imputations) {
                    singletonRows.add(i);
                    singletonRowIndex.add(rows.size());
                    rows.add(new ExactSimplex.Row(indicator(1 << i, false), exact[1 << i], false));
                }
            }
            int firstActive = rows.size();
            List<Integer> activeList = new ArrayList<>(active);
            for (int s : activeList) {
                rows.add(new ExactSimplex.Row(indicator(s, true), exact[s], false));
            }
            Rational[] cost = new Rational[n + 1];
            for (int j = 0; j < n; j++) {
                cost[j] = Rational.ZERO;
            }
            cost[n] = Rational.ONE;
            ExactSimplex.Solution solution;
            try {
                solution = ExactSimplex.minimise(cost, rows);
            } catch (ExactSimplex.UnboundedException e) {
                // Too few constraints to bound ε: take them all (the full programme is bounded).
                int before = active.size();
                for (int s = 1; s < all; s++) {
                    if (free[s]) {
                        active.add(s);
                    }
                }
                if (active.size() == before) {
                    throw e;
                }
                continue;
            }
            Rational[] x = java.util.Arrays.copyOf(solution.z(), n);
            Rational epsilon = solution.z()[n];
            List<Integer> violated = violated(x, epsilon, free, active);
            if (violated.isEmpty()) {
                List<Integer> positive = new ArrayList<>();
                for (int r = 0; r < activeList.size(); r++) {
                    if (solution.duals()[firstActive + r].signum() > 0) {
                        positive.add(activeList.get(r));
                    }
                }
                List<Integer> positiveSingletons = new ArrayList<>();
                for (int r = 0; r < singletonRows.size(); r++) {
                    if (solution.duals()[singletonRowIndex.get(r)].signum() > 0) {
                        positiveSingletons.add(singletonRows.get(r));
                    }
                }
                return new Stage(x, epsilon, positive, positiveSingletons);
            }
            active.addAll(violated);
        }
    }

    /** Free coalitions outside {@code active} with x(S) + ε < v(S), most violated first. */
    private List<Integer> violated(Rational[] x, Rational epsilon, boolean[] free, Set<Integer> active) {
        double[] z = new double[n + 1];
        for (int i = 0; i < n; i++) {
            z[i] = x[i].doubleValue();
        }
        z[n] = epsilon.doubleValue();
        double[] sums = sums(z);
        List<Integer> result = new ArrayList<>();
        for (int s = 1; s < all; s++) {
            if (!free[s] || active.contains(s)) {
                continue;
            }
            double slack = sums[s] + z[n] - v[s];
            if (slack > 1e-7 * scale) {
                continue; // clearly satisfied: floating-point error is far smaller
            }
            Rational sum = epsilon;
            for (int i = 0; i < n; i++) {
                if ((s >>> i & 1) != 0) {
                    sum = sum.add(x[i]);
                }
            }
            if (sum.compareTo(exact[s]) < 0) {
                result.add(s);
            }
        }
        result.sort(Comparator.comparingDouble(s -> sums[s] + z[n] - v[s]));
        return result.size() > MAX_CUTS_PER_ROUND ? result.subList(0, MAX_CUTS_PER_ROUND) : result;
    }

    private Rational[] indicator(int coalition, boolean withEpsilon) {
        Rational[] a = new Rational[n + 1];
        for (int i = 0; i < n; i++) {
            a[i] = (coalition >>> i & 1) != 0 ? Rational.ONE : Rational.ZERO;
        }
        a[n] = withEpsilon ? Rational.ONE : Rational.ZERO;
        return a;
    }

    /** Linear span of 0/1 vectors, by elimination modulo a prime larger than any of their minors (n ≤ 16). */
    static final class Span {
        private static final long P = 1_000_000_007L;
        private final int n;
        private final List<long[]> rows = new ArrayList<>();
        private final List<Integer> pivots = new ArrayList<>();

        Span(int n) {
            this.n = n;
        }

        int rank() {
            return rows.size();
        }

        boolean contains(int coalition) {
            return reduce(coalition) == null;
        }

        /** Adds the coalition's vector; false when it was already in the span. */
        boolean add(int coalition) {
            long[] r = reduce(coalition);
            if (r == null) {
                return false;
            }
            int pivot = 0;
            while (r[pivot] == 0) {
                pivot++;
            }
            long inverse = power(r[pivot], P - 2);
            for (int j = 0; j < n; j++) {
                r[j] = r[j] * inverse % P;
            }
            rows.add(r);
            pivots.add(pivot);
            return true;
        }

        private long[] reduce(int coalition) {
            long[] r = new long[n];
            for (int i = 0; i < n; i++) {
                r[i] = coalition >>> i & 1;
            }
            for (int k = 0; k < rows.size(); k++) {
                int p = pivots.get(k);
                if (r[p] != 0) {
                    long factor = r[p];
                    long[] row = rows.get(k);
                    for (int j = 0; j < n; j++) {
                        r[j] = Math.floorMod(r[j] - factor * row[j] % P, P);
                    }
                }
            }
            for (long x : r) {
                if (x != 0) {
                    return r;
                }
            }
            return null;
        }

        private static long power(long base, long exponent) {
            long result = 1;
            base %= P;
            while (exponent > 0) {
                if ((exponent & 1) != 0) {
                    result = result * base % P;
                }
                base = base * base % P;
                exponent >>= 1;
            }
            return result;
        }
    }
}

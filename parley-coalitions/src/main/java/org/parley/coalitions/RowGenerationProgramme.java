package org.parley.coalitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * One linear programme on coalition excesses, solved by row generation: minimise ε subject to
 * x(S) + ε ≥ v(S) for the free coalitions S, x(F) = v(F) − level for the fixed ones, x_i = v({i})
 * for fixed singletons, optionally x_i ≥ v({i}) (imputations), and x(N) = grand.
 *
 * <p>Only a working set of free coalitions is ever written down. It starts with the free
 * singletons and their complements (S and N∖S are free together, as N is in the span of the fixed
 * coalitions; the pair bounds ε, since x(S) + x(N∖S) = x(N)), and the programme on it is solved
 * exactly by {@link ExactVertexSimplex}. Then, in rounds: the {@link ExcessOracle} returns up to
 * {@value #CUTS_PER_ROUND} free coalitions whose constraint the exact optimum violates, most
 * violated first; they join the working set, and the dual simplex restores the optimum from the
 * last basis (it stays dual feasible when rows are added), usually in a few pivots. When the
 * oracle finds no violated coalition, the restricted optimum satisfies every constraint and so is
 * optimal for the whole programme: ε, x and the duals are exact, and exactness rests only on the
 * oracle's completeness. No floating-point solver is involved; floating point only orders the
 * oracle's candidates. (Kelley's cutting planes, 1960; for the nucleolus, Hallefjord, Helming and
 * Jørnsten 1995.)
 */
final class RowGenerationProgramme {

    /** Most violated coalitions added per round. */
    static final int CUTS_PER_ROUND = 64;

    final ExcessOracle oracle;
    final CoalitionalGame game;
    final int n;
    final long all;
    private final Map<Long, Rational> exactValues = new HashMap<>();
    private int rounds;
    private long pivots;

    RowGenerationProgramme(ExcessOracle oracle) {
        this.oracle = oracle;
        this.game = oracle.game();
        n = game.players();
        if (n > CoalitionalGame.MAX_BITMASK_PLAYERS) {
            throw new IllegalArgumentException("Coalitions are bitmasks of at most " + CoalitionalGame.MAX_BITMASK_PLAYERS
                    + " players; the game has " + n + ".");
        }
        all = (1L << n) - 1;
    }

    Rational value(long coalition) {
        return exactValues.computeIfAbsent(coalition, s -> Rational.of(game.value(s)));
    }

    /** Oracle calls so far. */
    int rounds() {
        return rounds;
    }

    /** Simplex pivots so far. */
    long pivots() {
        return pivots;
    }

    record Fixed(long coalition, Rational level) {}

    record Stage(Rational[] x, Rational epsilon, List<Long> positiveCoalitions, List<Integer> positiveSingletons,
            Set<Long> working) {}

    /** The free coalitions (those {@code admission} admits) and the fixed rows of one programme. */
    record Problem(ExcessOracle.Admission admission, List<Fixed> fixed, Set<Integer> fixedSingletons,
            boolean imputations, Rational grand) {

        boolean free(long coalition) {
            return admission.admit().test(coalition);
        }
    }

    /**
     * Solves {@code problem} from the payoff {@code start}, which must satisfy its rows without ε:
     * the previous stage's optimum, or {@link #startingPoint} for the first.
     */
    Stage solve(Problem problem, Set<Long> seed, Rational[] start) {
        Set<Long> working = new LinkedHashSet<>();
        for (long s : seed) {
            addWithComplement(working, s, problem);
        }
        for (int i = 0; i < n; i++) {
            addWithComplement(working, 1L << i, problem);
        }
        ExactVertexSimplex lp = new ExactVertexSimplex(n);
        lp.add(new ExactVertexSimplex.Row(all, false, problem.grand(), true));
        for (Fixed f : problem.fixed()) {
            lp.add(new ExactVertexSimplex.Row(f.coalition(), false, value(f.coalition()).subtract(f.level()), true));
        }
        for (int i = 0; i < n; i++) {
            if (problem.fixedSingletons().contains(i)) {
                lp.add(new ExactVertexSimplex.Row(1L << i, false, value(1L << i), true));
            } else if (problem.imputations()) {
                lp.add(new ExactVertexSimplex.Row(1L << i, false, value(1L << i), false));
            }
        }
        for (long s : working) {
            lp.add(new ExactVertexSimplex.Row(s, true, value(s), false));
        }
        lp.solve(start);
        ExcessOracle.Admission admission = new ExcessOracle.Admission(s -> problem.free(s) && !working.contains(s),
                problem.admission().settled());
        while (true) {
            rounds++;
            Rational[] z = lp.z();
            Rational[] x = Arrays.copyOf(z, n);
            List<Long> cuts = oracle.violated(x, z[n], admission, CUTS_PER_ROUND);
            if (cuts.isEmpty()) {
                Rational[] duals = lp.duals();
                List<Long> positive = new ArrayList<>();
                List<Integer> positiveBounds = new ArrayList<>();
                for (int r = 0; r < duals.length; r++) {
                    ExactVertexSimplex.Row row = lp.rows().get(r);
                    if (!row.equality() && duals[r].signum() > 0) {
                        if (row.epsilon()) {
                            positive.add(row.coalition());
                        } else {
                            positiveBounds.add(Long.numberOfTrailingZeros(row.coalition()));
                        }
                    }
                }
                pivots += lp.pivots();
                return new Stage(x, z[n], positive, positiveBounds, working);
            }
            for (long s : cuts) {
                working.add(s);
                lp.add(new ExactVertexSimplex.Row(s, true, value(s), false));
            }
            lp.reoptimize();
        }
    }

    /**
     * A payoff with x(N) = grand that satisfies a first stage's rows without ε: the equal split, or
     * with {@code imputations} each player's v({i}) plus an equal share of what is left over (the
     * caller checks Σ v({i}) ≤ grand).
     */
    Rational[] startingPoint(boolean imputations, Rational grand) {
        Rational[] x = new Rational[n];
        Rational rest = grand;
        if (imputations) {
            for (int i = 0; i < n; i++) {
                rest = rest.subtract(value(1L << i));
            }
        }
        Rational share = rest.divide(Rational.of(n));
        for (int i = 0; i < n; i++) {
            x[i] = imputations ? value(1L << i).add(share) : share;
        }
        return x;
    }

    private void addWithComplement(Set<Long> working, long s, Problem problem) {
        if (s != 0 && s != all && problem.free(s)) {
            working.add(s);
            working.add(all ^ s); // free too: N is in the span of the fixed coalitions
        }
    }
}

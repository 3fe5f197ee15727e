package org.parley.coalitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.Coalitions;
import org.parley.core.coalition.TableGame;

/**
 * Stability of coalitions and coalition structures, by the same exact linear programmes as the core.
 *
 * <ul>
 *   <li>A coalition S is <em>internally stable</em> when the core of the game restricted to S
 *       (players S, values v(T) for T ⊆ S) is non-empty: S's value can be split so that no group
 *       of its members T gets less than v(T), so none gains by breaking away (Gillies 1959, the
 *       core, applied to the subgame).
 *   <li>A coalition structure CS is <em>core-stable</em> when its CS-core is non-empty (Aumann and
 *       Drèze 1974, "Cooperative games with coalition structures", IJGT 3): a payoff x with
 *       x(C) = v(C) for every C ∈ CS and x(S) ≥ v(S) for every coalition S, so no group anywhere
 *       can do better on its own. {@link #structure} returns the least ε with x(S) ≥ v(S) − ε; ε ≤ 0
 *       means core-stable. Only an optimal structure can be core-stable.
 * </ul>
 */
public final class Stability {

    private Stability() {}

    /** The least core of the game restricted to {@code coalition}; its core is non-empty when ε ≤ 0. */
    public static LeastCore restricted(CoalitionalGame game, long coalition) {
        int[] members = Coalitions.members(coalition);
        int k = members.length;
        double[] values = new double[1 << k];
        List<String> names = new ArrayList<>();
        for (int member : members) {
            names.add(game.names().get(member));
        }
        for (int t = 1; t < values.length; t++) {
            long mask = 0;
            for (int j = 0; j < k; j++) {
                if ((t >>> j & 1) != 0) {
                    mask |= 1L << members[j];
                }
            }
            values[t] = game.value(mask);
        }
        return new LinearProgrammingLeastCore().leastCore(new TableGame(values, names));
    }

    /** Whether the core of the game restricted to {@code coalition} is non-empty. */
    public static boolean internallyStable(CoalitionalGame game, long coalition) {
        return !restricted(game, coalition).coreIsEmpty();
    }

    /**
     * The least ε of the CS-core of {@code structure}, and a payoff reaching it: the programme over
     * all coalitions with x(C) = v(C) for each C of the structure, by the certified dual simplex
     * ({@link CertifiedFullProgramme}, n ≤ 20).
     */
    public static LeastCore structure(CoalitionalGame game, long[] structure) {
        CertifiedFullProgramme programme = new CertifiedFullProgramme(game);
        java.util.Set<Integer> parts = new java.util.HashSet<>();
        List<CertifiedFullProgramme.Fixed> fixed = new ArrayList<>();
        Rational total = Rational.ZERO;
        for (long c : structure) {
            parts.add((int) c);
            total = total.add(programme.value((int) c));
            if (c != programme.all) {
                fixed.add(new CertifiedFullProgramme.Fixed((int) c, Rational.ZERO));
            }
        }
        int[] free = java.util.stream.IntStream.of(programme.everyCoalition()).filter(s -> !parts.contains(s)).toArray();
        if (free.length == 0) {
            // Every coalition but N is in the structure: n = 1, or n = 2 split into the two singletons.
            Rational[] x = new Rational[programme.n];
            for (int i = 0; i < x.length; i++) {
                x[i] = programme.value(x.length == 1 ? programme.all : 1 << i);
            }
            return new LeastCore(Rational.ZERO, x);
        }
        CertifiedFullProgramme.Solution solution = programme.solve(new CertifiedFullProgramme.Problem(free, fixed,
                Set.of(), false, total));
        return new LeastCore(solution.epsilon(), solution.x());
    }

    /** {@link #structure} by the older programme (ojAlgo, then exact cutting planes; n ≤ 16): the tests' reference. */
    static LeastCore structureByCuttingPlanes(CoalitionalGame game, long[] structure) {
        ExcessProgramme programme = new ExcessProgramme(game);
        boolean[] free = new boolean[programme.all + 1];
        for (int s = 1; s <= programme.all; s++) {
            free[s] = true;
        }
        List<ExcessProgramme.Fixed> fixed = new ArrayList<>();
        Rational total = Rational.ZERO;
        for (long c : structure) {
            free[(int) c] = false;
            total = total.add(programme.exact[(int) c]);
            if (c != programme.all) {
                fixed.add(new ExcessProgramme.Fixed((int) c, Rational.ZERO));
            }
        }
        free[programme.all] = false;
        boolean anyFree = false;
        for (int s = 1; s < programme.all; s++) {
            anyFree |= free[s];
        }
        if (!anyFree) {
            return new LeastCore(Rational.ZERO, new Rational[] {programme.exact[programme.all]});
        }
        Set<Integer> active = programme.nearlyTight(programme.floatingPoint(free, fixed, total.doubleValue()), free);
        ExcessProgramme.Stage stage = programme.solve(free, active, fixed, Set.of(), false, total);
        return new LeastCore(stage.epsilon(), stage.x());
    }
}

package org.parley.coalitions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The nucleolus by a sequence of linear programmes (Kopelowitz 1967; Maschler, Peleg and Shapley
 * 1979): minimise the largest excess ε_k of the coalitions not yet fixed; the coalitions with a
 * positive dual value in that programme have excess ε_k in every optimum, so they are fixed at that
 * level, with every coalition whose vector lies in the span of the fixed ones; repeat until the
 * fixed coalitions determine x. At most n − 1 programmes, as each fixes a new independent coalition
 * (the duals of the free rows sum to 1). Fixing by positive duals rather than by "tight at the
 * solution found" avoids the classic mistake that Guajardo and Jörnsten (2015, "Common mistakes in
 * computing the nucleolus", EJOR 241) describe. Each programme is solved exactly in rationals (see
 * {@link ExcessProgramme}); n ≤ 16.
 */
public final class SequentialLinearProgrammingNucleolus implements NucleolusAlgorithm {

    @Override
    public Nucleolus nucleolus(CoalitionalGame game) {
        ExcessProgramme programme = new ExcessProgramme(game);
        int n = programme.n;
        int all = programme.all;
        Rational singletons = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            singletons = singletons.add(programme.exact[1 << i]);
        }
        boolean imputations = singletons.compareTo(programme.exact[all]) <= 0;
        if (n == 1) {
            return new Nucleolus(new Rational[] {programme.exact[1]}, List.of(), !imputations);
        }
        boolean[] free = new boolean[all + 1];
        for (int s = 1; s < all; s++) {
            free[s] = true;
        }
        ExcessProgramme.Span span = new ExcessProgramme.Span(n);
        span.add(all);
        List<ExcessProgramme.Fixed> fixed = new ArrayList<>();
        Set<Integer> fixedSingletons = new HashSet<>();
        List<Rational> levels = new ArrayList<>();
        Set<Integer> active = programme.nearlyTight(programme.floatingPoint(), free);
        Rational[] x;
        while (true) {
            ExcessProgramme.Stage stage = programme.solve(free, active, fixed, fixedSingletons, imputations);
            x = stage.x();
            levels.add(stage.epsilon());
            for (int s : stage.positiveCoalitions()) {
                free[s] = false;
                if (span.add(s)) {
                    fixed.add(new ExcessProgramme.Fixed(s, stage.epsilon()));
                }
            }
            for (int i : stage.positiveSingletons()) {
                if (span.add(1 << i)) {
                    fixedSingletons.add(i);
                }
            }
            if (span.rank() == n) {
                break;
            }
            boolean anyFree = false;
            for (int s = 1; s < all; s++) {
                if (free[s] && span.contains(s)) {
                    free[s] = false;
                }
                anyFree |= free[s];
            }
            if (!anyFree) {
                break;
            }
            active = programme.largestExcesses(x, free, 2 * n);
        }
        return new Nucleolus(x, levels, !imputations);
    }
}

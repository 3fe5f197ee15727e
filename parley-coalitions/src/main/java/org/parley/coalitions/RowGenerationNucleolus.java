package org.parley.coalitions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The nucleolus by the sequence of linear programmes of {@link SequentialLinearProgrammingNucleolus}
 * (Kopelowitz 1967; Maschler, Peleg and Shapley 1979), each solved by row generation
 * ({@link RowGenerationProgramme}; Hallefjord, Helming and Jørnsten 1995): stage k minimises the
 * largest excess ε_k of the coalitions whose vectors are not yet in the span of the fixed ones,
 * fixes the coalitions with a positive dual value at ε_k (they have that excess in every optimum),
 * and stops when the fixed coalitions span R^n; at most n − 1 stages. The oracle of each stage
 * admits only coalitions outside the span, so no constraint is written for a fixed coalition and
 * no stage writes all 2^n rows. Each stage starts from the previous stage's working set. Exact
 * rationals; n as for the oracle ({@link ExcessOracle#of}).
 */
public final class RowGenerationNucleolus implements NucleolusAlgorithm {

    @Override
    public Nucleolus nucleolus(CoalitionalGame game) {
        return nucleolus(ExcessOracle.of(game));
    }

    public Nucleolus nucleolus(ExcessOracle oracle) {
        CoalitionalGame game = oracle.game();
        RowGenerationProgramme programme = new RowGenerationProgramme(oracle);
        int n = programme.n;
        Rational singletons = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            singletons = singletons.add(programme.value(1L << i));
        }
        Rational grand = programme.value(programme.all);
        boolean imputations = singletons.compareTo(grand) <= 0;
        if (n == 1) {
            return new Nucleolus(new Rational[] {grand}, List.of(), !imputations);
        }
        CoalitionSpan span = new CoalitionSpan(n);
        span.add(programme.all);
        List<RowGenerationProgramme.Fixed> fixed = new ArrayList<>();
        Set<Integer> fixedSingletons = new HashSet<>();
        List<Rational> levels = new ArrayList<>();
        Set<Long> working = Set.of();
        Rational[] start = programme.startingPoint(imputations, grand);
        while (true) {
            long settled = 0;
            for (int i = 0; i < n; i++) {
                if (span.contains(1L << i)) {
                    settled |= 1L << i;
                }
            }
            RowGenerationProgramme.Problem problem = new RowGenerationProgramme.Problem(new ExcessOracle.Admission(
                    s -> !span.contains(s), settled), List.copyOf(fixed), Set.copyOf(fixedSingletons), imputations, grand);
            RowGenerationProgramme.Stage stage = programme.solve(problem, working, start);
            levels.add(stage.epsilon());
            for (long s : stage.positiveCoalitions()) {
                if (span.add(s)) {
                    fixed.add(new RowGenerationProgramme.Fixed(s, stage.epsilon()));
                }
            }
            for (int i : stage.positiveSingletons()) {
                if (span.add(1L << i)) {
                    fixedSingletons.add(i);
                }
            }
            if (span.rank() == n) {
                return new Nucleolus(stage.x(), levels, !imputations);
            }
            working = stage.working();
            start = stage.x(); // tight on every coalition and bound fixed so far: feasible for the next stage
        }
    }
}

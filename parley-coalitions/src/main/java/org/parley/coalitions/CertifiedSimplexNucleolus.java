package org.parley.coalitions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The nucleolus by the sequence of linear programmes of {@link SequentialLinearProgrammingNucleolus}
 * (Kopelowitz 1967; Maschler, Peleg and Shapley 1979): stage k minimises the largest excess ε_k of
 * the coalitions outside the span of the fixed ones, fixes those with a positive dual at ε_k, and
 * stops when the fixed coalitions span R^n. Each stage writes a row for every coalition still free
 * and is solved by the floating-point dual simplex with an exact certificate of optimality
 * ({@link CertifiedFullProgramme}); the positive duals come from the certified basis, so the fixing
 * is exact too (Guajardo and Jörnsten 2015 on why duals, not tightness). n ≤ 20. The
 * full-enumeration reference for {@link RowGenerationNucleolus}.
 */
public final class CertifiedSimplexNucleolus implements NucleolusAlgorithm {

    @Override
    public Nucleolus nucleolus(CoalitionalGame game) {
        CertifiedFullProgramme programme = new CertifiedFullProgramme(game);
        int n = programme.n;
        int all = programme.all;
        Rational grand = programme.value(all);
        Rational singletons = Rational.ZERO;
        for (int i = 0; i < n; i++) {
            singletons = singletons.add(programme.value(1 << i));
        }
        boolean imputations = singletons.compareTo(grand) <= 0;
        if (n == 1) {
            return new Nucleolus(new Rational[] {grand}, List.of(), !imputations);
        }
        CoalitionSpan span = new CoalitionSpan(n);
        span.add(all);
        List<CertifiedFullProgramme.Fixed> fixed = new ArrayList<>();
        Set<Integer> fixedSingletons = new HashSet<>();
        List<Rational> levels = new ArrayList<>();
        int[] free = programme.everyCoalition();
        while (true) {
            CertifiedFullProgramme.Solution stage = programme.solve(new CertifiedFullProgramme.Problem(free,
                    List.copyOf(fixed), Set.copyOf(fixedSingletons), imputations, grand));
            levels.add(stage.epsilon());
            for (int s : stage.positiveCoalitions()) {
                if (span.add(s)) {
                    fixed.add(new CertifiedFullProgramme.Fixed(s, stage.epsilon()));
                }
            }
            for (int i : stage.positiveSingletons()) {
                if (span.add(1L << i)) {
                    fixedSingletons.add(i);
                }
            }
            // A coalition in the span has the same excess at every point of this stage's optimum.
            free = IntStream.of(free).filter(s -> !span.contains(s)).toArray();
            if (span.rank() == n || free.length == 0) {
                return new Nucleolus(stage.x(), levels, !imputations);
            }
        }
    }
}

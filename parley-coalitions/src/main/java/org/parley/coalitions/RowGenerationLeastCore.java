package org.parley.coalitions;

import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The least core by row generation: min ε s.t. x(S) + ε ≥ v(S) for every coalition, x(N) = v(N),
 * with constraints written only for the coalitions an {@link ExcessOracle} finds violated (see
 * {@link RowGenerationProgramme}); exact rationals. Any n the oracle handles: a monotonic cover
 * game (the derived game of a negotiation) at any n ≤ 62, any other game by enumeration up to
 * n = 28, O(2^n) per oracle call. Hallefjord, Helming and Jørnsten (1995), "Computing the
 * nucleolus when the characteristic function is given implicitly: A constraint generation
 * approach", International Journal of Game Theory 24; Maschler, Peleg and Shapley (1979).
 */
public final class RowGenerationLeastCore implements LeastCoreAlgorithm {

    @Override
    public LeastCore leastCore(CoalitionalGame game) {
        return leastCore(ExcessOracle.of(game));
    }

    public LeastCore leastCore(ExcessOracle oracle) {
        CoalitionalGame game = oracle.game();
        RowGenerationProgramme programme = new RowGenerationProgramme(oracle);
        if (game.players() == 1) {
            return new LeastCore(Rational.ZERO, new Rational[] {programme.value(1)});
        }
        RowGenerationProgramme.Problem problem = new RowGenerationProgramme.Problem(ExcessOracle.Admission.all(),
                List.of(), Set.of(), false, programme.value(programme.all));
        RowGenerationProgramme.Stage stage = programme.solve(problem, Set.of(),
                programme.startingPoint(false, problem.grand()));
        return new LeastCore(stage.epsilon(), stage.x());
    }
}

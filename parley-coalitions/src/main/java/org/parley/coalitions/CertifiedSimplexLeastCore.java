package org.parley.coalitions;

import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The least core as one linear programme with a row for every one of the 2^n − 2 coalitions, min ε
 * s.t. x(S) + ε ≥ v(S), x(N) = v(N): the dual simplex method in floating point, its final basis
 * certified optimal in exact rationals (see {@link CertifiedFullProgramme}). Exact; n ≤ 20, O(2^n)
 * per pivot. The full-enumeration reference that {@link RowGenerationLeastCore} is checked against,
 * and much faster than {@link LinearProgrammingLeastCore} from 12 players on. Maschler, Peleg and
 * Shapley (1979), Mathematics of Operations Research 4.
 */
public final class CertifiedSimplexLeastCore implements LeastCoreAlgorithm {

    /** The most players: 2^20 rows. */
    public static final int MAX_PLAYERS = CertifiedFullProgramme.MAX_PLAYERS;

    @Override
    public LeastCore leastCore(CoalitionalGame game) {
        CertifiedFullProgramme programme = new CertifiedFullProgramme(game);
        if (programme.n == 1) {
            return new LeastCore(Rational.ZERO, new Rational[] {programme.value(1)});
        }
        CertifiedFullProgramme.Solution solution = programme.solve(new CertifiedFullProgramme.Problem(
                programme.everyCoalition(), List.of(), Set.of(), false, programme.value(programme.all)));
        return new LeastCore(solution.epsilon(), solution.x());
    }
}

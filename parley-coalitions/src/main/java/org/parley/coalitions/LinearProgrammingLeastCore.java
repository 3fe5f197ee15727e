package org.parley.coalitions;

import java.util.List;
import java.util.Set;
import org.parley.core.coalition.CoalitionalGame;

/**
 * The least core as one linear programme, min ε s.t. x(S) + ε ≥ v(S) for every coalition and
 * x(N) = v(N), over 2^n − 2 constraints: solved in floating point by ojAlgo, then exactly in
 * rationals on the active constraints with cutting planes (see {@link ExcessProgramme}), so the
 * reported ε and x are exact. n ≤ 16. Maschler, Peleg and Shapley (1979), "Geometric properties of
 * the kernel, nucleolus, and related solution concepts", Mathematics of Operations Research 4.
 */
public final class LinearProgrammingLeastCore implements LeastCoreAlgorithm {

    /** The most players the programmes over all 2^n − 2 coalitions take (beyond: row generation). */
    public static final int MAX_PLAYERS = ExcessProgramme.MAX_PLAYERS;

    @Override
    public LeastCore leastCore(CoalitionalGame game) {
        ExcessProgramme programme = new ExcessProgramme(game);
        boolean[] free = new boolean[programme.all + 1];
        for (int s = 1; s < programme.all; s++) {
            free[s] = true;
        }
        if (programme.n == 1) {
            return new LeastCore(Rational.ZERO, new Rational[] {programme.exact[1]});
        }
        Set<Integer> active = programme.nearlyTight(programme.floatingPoint(), free);
        ExcessProgramme.Stage stage = programme.solve(free, active, List.of(), Set.of(), false);
        return new LeastCore(stage.epsilon(), stage.x());
    }
}

package org.parley.coalitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Variable;
import org.parley.core.coalition.TableGame;

class CoreProperties {

    static TableGame random(int n, long seed, boolean superadditiveish) {
        Random random = new Random(seed);
        double[] v = new double[1 << n];
        for (int s = 1; s < v.length; s++) {
            v[s] = superadditiveish ? Integer.bitCount(s) * (random.nextInt(20) + 5) : random.nextInt(41) - 10;
        }
        return new TableGame(v);
    }

    /* ε is feasible (checked exactly over every coalition) and matches ojAlgo's floating-point optimum. */
    @Property(tries = 60)
    void leastCoreIsFeasibleAndOptimal(@ForAll @IntRange(min = 2, max = 7) int n, @ForAll long seed,
            @ForAll boolean superadditiveish) {
        TableGame game = random(n, seed, superadditiveish);
        LeastCore leastCore = new LinearProgrammingLeastCore().leastCore(game);
        CoreChecks.assertFeasible(game, leastCore.allocation(), leastCore.epsilon());
        assertThat(CoreChecks.maxExcess(game, leastCore.allocation())).isLessThanOrEqualTo(leastCore.epsilon());
        assertThat(leastCore.epsilon().doubleValue()).isCloseTo(independentLeastCore(game), within(1e-6));
    }

    /* The nucleolus is efficient, lies in the least core, and gives symmetric players equal shares. */
    @Property(tries = 200)
    void nucleolusProperties(@ForAll @IntRange(min = 2, max = 6) int n, @ForAll long seed) {
        TableGame base = random(n, seed, true);
        // Make players 0 and 1 interchangeable.
        double[] v = base.toArray();
        for (int s = 0; s < v.length; s++) {
            if ((s & 1) != 0 && (s & 2) == 0) {
                v[s] = v[(s & ~1) | 2];
            }
        }
        TableGame game = new TableGame(v);
        Nucleolus nucleolus = new SequentialLinearProgrammingNucleolus().nucleolus(game);
        LeastCore leastCore = new LinearProgrammingLeastCore().leastCore(game);
        Rational[] x = nucleolus.allocation();
        if (!nucleolus.prenucleolus()) {
            for (int i = 0; i < n; i++) {
                assertThat(x[i]).isGreaterThanOrEqualTo(Rational.of(game.value(1 << i)));
            }
        }
        CoreChecks.assertFeasible(game, x, nucleolus.levels().get(0));
        if (!leastCore.coreIsEmpty()) {
            CoreChecks.assertFeasible(game, x, Rational.ZERO); // in the core
        }
        assertThat(x[0]).isEqualTo(x[1]);
        for (int k = 1; k < nucleolus.levels().size(); k++) {
            assertThat(nucleolus.levels().get(k)).isLessThanOrEqualTo(nucleolus.levels().get(k - 1));
        }
    }

    private static double independentLeastCore(TableGame game) {
        int n = game.players();
        int all = (1 << n) - 1;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] x = new Variable[n];
        for (int i = 0; i < n; i++) {
            x[i] = model.addVariable().lower(null).upper(null);
        }
        Variable e = model.addVariable().lower(null).upper(null).weight(1);
        for (int s = 1; s < all; s++) {
            Expression row = model.addExpression().lower(game.value(s)).set(e, 1);
            for (int i = 0; i < n; i++) {
                if ((s >>> i & 1) != 0) {
                    row.set(x[i], 1);
                }
            }
        }
        Expression grand = model.addExpression().level(game.value(all));
        for (int i = 0; i < n; i++) {
            grand.set(x[i], 1);
        }
        return model.minimise().getValue();
    }
}

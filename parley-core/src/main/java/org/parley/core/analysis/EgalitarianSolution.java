package org.parley.core.analysis;

/**
 * The egalitarian point (Kalai 1977, "Proportional solutions to bargaining situations: interpersonal
 * utility comparisons", Econometrica 45:1623–1630, with equal weights): argmax min_i (u_i − r_i)
 * over the active parties, the largest gain the worst-off party can be sure of.
 */
public final class EgalitarianSolution extends MaximisingSolutionConcept<Long> {

    public static final String KEY = "egalitarian";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "egalitarian";
    }

    @Override
    protected Long objective(BargainingProblem problem, int j) {
        long min = Long.MAX_VALUE;
        for (int p : problem.active()) {
            min = Math.min(min, problem.gain(j, p));
        }
        return min == Long.MAX_VALUE ? 0L : min;
    }
}

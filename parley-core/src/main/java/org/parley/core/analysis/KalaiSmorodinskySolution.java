package org.parley.core.analysis;

/**
 * The Kalai–Smorodinsky solution (Kalai and Smorodinsky 1975, "Other solutions to Nash's bargaining
 * problem", Econometrica 43:513–518): argmax min_i (u_i − r_i) / (best_i − r_i) over the active
 * parties, best_i the party's best utility on the frontier (its ideal). On a finite frontier a
 * vector on the line from the reservations to the ideal point rarely exists, so every party's share
 * of its possible gain is rarely equal; this takes the vectors whose smallest share is largest.
 * Ratios are compared exactly ({@link Ratio}).
 */
public final class KalaiSmorodinskySolution extends MaximisingSolutionConcept<Ratio> {

    public static final String KEY = "kalaiSmorodinsky";

    private static final Ratio NONE = new Ratio(0, 1);

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "Kalai–Smorodinsky";
    }

    @Override
    protected Ratio objective(BargainingProblem problem, int j) {
        Ratio min = null;
        for (int p : problem.active()) {
            Ratio relative = new Ratio(problem.gain(j, p), problem.span(p));
            if (min == null || relative.compareTo(min) < 0) {
                min = relative;
            }
        }
        return min == null ? NONE : min;
    }
}

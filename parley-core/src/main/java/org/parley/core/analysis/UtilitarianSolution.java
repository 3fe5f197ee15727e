package org.parley.core.analysis;

/**
 * The utilitarian point (Harsanyi 1955, "Cardinal welfare, individualistic ethics, and
 * interpersonal comparisons of utility", Journal of Political Economy 63:309–321): argmax Σ_i u_i,
 * the largest social welfare, over every party (reservation values play no part). Every maximiser
 * is efficient. A sum beyond the range of a long (utilities in [0, 1] never come near) is an
 * ArithmeticException, never a wrapped number.
 */
public final class UtilitarianSolution extends MaximisingSolutionConcept<Long> {

    public static final String KEY = "utilitarian";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return "utilitarian";
    }

    @Override
    protected Long objective(BargainingProblem problem, int j) {
        long sum = 0;
        for (int p = 0; p < problem.partyCount(); p++) {
            sum = Math.addExact(sum, problem.utility(j, p));
        }
        return sum;
    }
}

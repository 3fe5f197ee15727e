package org.parley.core.analysis;

/**
 * A concept for the registry's tests: the last party's best frontier vectors (the dictatorial
 * solution for that party). Public with a public constructor, as {@link java.util.ServiceLoader}
 * needs.
 */
public final class LastPartyBestConcept extends MaximisingSolutionConcept<Long> {

    @Override
    public String key() {
        return "lastPartyBest";
    }

    @Override
    public String displayName() {
        return "last party's best";
    }

    @Override
    protected Long objective(BargainingProblem problem, int j) {
        return problem.utility(j, problem.partyCount() - 1);
    }
}

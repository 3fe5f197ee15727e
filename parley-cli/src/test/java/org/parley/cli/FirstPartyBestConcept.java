package org.parley.cli;

import org.parley.core.analysis.BargainingProblem;
import org.parley.core.analysis.MaximisingSolutionConcept;

/**
 * A solution concept that only the tests register (src/test/resources/META-INF/services): the first
 * party's best frontier vectors, the dictatorial solution for that party.
 */
public final class FirstPartyBestConcept extends MaximisingSolutionConcept<Long> {

    static final String KEY = "firstPartyBest";
    static final String NAME = "first party's best";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    protected Long objective(BargainingProblem problem, int j) {
        return problem.utility(j, 0);
    }
}

package org.parley.core.analysis;

/** Computes the Pareto frontier of a problem's acceptable outcomes, with exact multiplicities. */
public interface ParetoFrontierAlgorithm {

    /** Whether this algorithm can solve {@code problem} within its limits. */
    boolean supports(AnalysisProblem problem);

    /**
     * @throws IllegalArgumentException when the problem is outside the algorithm's limits (see
     *     {@link #supports}), naming the limit
     */
    ParetoFrontier frontier(AnalysisProblem problem);
}

package org.parley.core.analysis;

import java.util.Arrays;

/**
 * A solution concept that maximises an exact objective of each vector: its selection is every
 * frontier vector whose objective equals the maximum, found in one pass, O(|F|) objective
 * evaluations (O(|F| · k) for objectives that look at each party once).
 *
 * <p>The objective must be weakly increasing in every party's utility. Then some efficient vector
 * reaches the maximum over all acceptable outcomes, and maximising over the frontier alone gives
 * exactly the <em>efficient</em> maximisers. Max-min objectives, and products that are 0, are also
 * maximised by dominated outcomes; Parley reports the efficient ones only. (The enumeration, {@link
 * BruteForceParetoFrontier}, evaluates the objective over every acceptable vector and fails loudly
 * if no efficient vector reaches the maximum, which only a decreasing objective can cause.)
 *
 * @param <V> the objective's exact value: {@code Long}, {@code BigInteger}, {@link Ratio}, …
 */
public abstract class MaximisingSolutionConcept<V extends Comparable<? super V>> implements SolutionConcept {

    /** The objective of vector {@code j} of {@code problem}: exact, weakly increasing in every utility. */
    protected abstract V objective(BargainingProblem problem, int j);

    @Override
    public final int[] select(BargainingProblem frontier) {
        return maximisers(frontier);
    }

    /** The indices, ascending, of every vector of {@code problem} whose objective is the maximum. */
    public final int[] maximisers(BargainingProblem problem) {
        int[] tied = new int[problem.size()];
        int count = 0;
        V best = null;
        for (int j = 0; j < problem.size(); j++) {
            V value = objective(problem, j);
            int c = best == null ? 1 : value.compareTo(best);
            if (c > 0) {
                best = value;
                count = 0;
            }
            if (c >= 0) {
                tied[count++] = j;
            }
        }
        return Arrays.copyOf(tied, count);
    }
}

package org.parley.core.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link SolutionConcept} chooses from: distinct utility vectors in {@link FixedPoint} units,
 * in lexicographically descending order (first party's utility first), and the disagreement point,
 * each party's reservation value. For {@link SolutionConcept#select} the vectors are a Pareto
 * frontier ({@link #of(ParetoFrontier)}: any frontier of any {@link AnalysisProblem}, for any subset
 * of parties); a {@link MaximisingSolutionConcept}'s objective may also be evaluated over vectors
 * that are not efficient.
 *
 * <p>The rules every built-in concept shares, computed here once:
 * <ul>
 *   <li>A party's gain is u_i − r_i clipped at 0 ({@link #gain}): acceptable outcomes may lie up to
 *       the tolerance below r_i, and a negative factor would turn a product upside down.
 *   <li>A party is <em>active</em> when some vector gives it more than its reservation value
 *       ({@link #span} &gt; 0). An inactive party gains 0 from every vector; concepts leave it out of
 *       products, minimums and ratios, which it would otherwise make 0 (or divide by 0) everywhere.
 * </ul>
 */
public final class BargainingProblem {

    private final List<FrontierPoint> vectors;
    private final long[] reservations;
    private final long[] best;
    private final int[] active;

    /**
     * @throws IllegalArgumentException when a vector has the wrong number of entries, or the vectors
     *     are not distinct and in lexicographically descending order
     */
    public BargainingProblem(List<FrontierPoint> vectors, long[] reservations) {
        this.vectors = List.copyOf(vectors);
        this.reservations = reservations.clone();
        int k = reservations.length;
        this.best = new long[k];
        Arrays.fill(best, Long.MIN_VALUE);
        for (int j = 0; j < this.vectors.size(); j++) {
            long[] u = this.vectors.get(j).fixed();
            if (u.length != k) {
                throw new IllegalArgumentException("Vector " + j + " " + this.vectors.get(j) + " has " + u.length
                        + " utilities; expected " + k + ", one per reservation value.");
            }
            if (j > 0 && Vectors.compareDescending(this.vectors.get(j - 1).fixed(), 0, u, 0, k) >= 0) {
                throw new IllegalArgumentException("Vector " + j + " " + this.vectors.get(j) + " does not come after "
                        + this.vectors.get(j - 1) + ": expected distinct vectors in lexicographically descending order,"
                        + " as ParetoFrontier.points() lists them.");
            }
            for (int p = 0; p < k; p++) {
                best[p] = Math.max(best[p], u[p]);
            }
        }
        int count = 0;
        int[] parties = new int[k];
        for (int p = 0; p < k; p++) {
            if (!this.vectors.isEmpty() && best[p] > reservations[p]) {
                parties[count++] = p;
            }
        }
        this.active = Arrays.copyOf(parties, count);
    }

    /** The frontier of {@code frontier}'s problem with that problem's reservation values. */
    public static BargainingProblem of(ParetoFrontier frontier) {
        AnalysisProblem problem = frontier.problem();
        long[] reservations = new long[problem.partyCount()];
        for (int p = 0; p < reservations.length; p++) {
            reservations[p] = problem.reservation(p);
        }
        return new BargainingProblem(frontier.points(), reservations);
    }

    /** The number of vectors. */
    public int size() {
        return vectors.size();
    }

    /** The number of parties (entries per vector). */
    public int partyCount() {
        return reservations.length;
    }

    public List<FrontierPoint> vectors() {
        return vectors;
    }

    public FrontierPoint vector(int j) {
        return vectors.get(j);
    }

    /** Party {@code p}'s utility of vector {@code j}, in units. */
    public long utility(int j, int p) {
        return vectors.get(j).fixed(p);
    }

    /** Party {@code p}'s reservation value in units. */
    public long reservation(int p) {
        return reservations[p];
    }

    /** Party {@code p}'s best utility over the vectors, in units; {@code Long.MIN_VALUE} when there are none. */
    public long best(int p) {
        return best[p];
    }

    /** best_p − r_p: positive for an active party. */
    public long span(int p) {
        return best[p] - reservations[p];
    }

    /** max(0, u_p − r_p) of vector {@code j}. */
    public long gain(int j, int p) {
        return Math.max(0, vectors.get(j).fixed(p) - reservations[p]);
    }

    /** The active parties, ascending: those some vector gives more than their reservation value. */
    public int[] active() {
        return active.clone();
    }
}

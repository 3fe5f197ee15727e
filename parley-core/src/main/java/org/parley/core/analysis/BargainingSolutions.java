package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Nash, Kalai–Smorodinsky, utilitarian and egalitarian points, computed over the Pareto
 * frontier alone (never the whole space), in O(|F| · k) exact fixed-point arithmetic.
 *
 * <p>Definitions (DESIGN.md; Nash 1950, Kalai and Smorodinsky 1975) with these choices where they
 * are degenerate:
 * <ul>
 *   <li>A party's gain is u_i − r_i clipped at 0: acceptable outcomes may lie up to the tolerance
 *       below r_i, and a negative factor would turn the Nash product upside down.
 *   <li>A party whose best acceptable utility is its reservation value (best_i ≤ r_i) gains 0 from
 *       every acceptable outcome; it is left out of the Nash product, the Kalai–Smorodinsky and the
 *       egalitarian minimum, which it would otherwise make 0 everywhere. With no such party left,
 *       those objectives are constant and every frontier outcome ties.
 *   <li>Max-min objectives (Kalai–Smorodinsky, egalitarian), and a Nash product of 0, can be
 *       maximised by dominated outcomes; Parley reports the Pareto-efficient maximisers only. For
 *       the utilitarian point and a positive Nash product every maximiser is efficient anyway.
 *   <li>No acceptable outcome: no point.
 * </ul>
 * Ties: every frontier outcome whose objective equals the maximum; the reported point is the
 * lexicographically largest tied vector.
 */
final class BargainingSolutions {

    private BargainingSolutions() {}

    static Map<Solution, BargainingPoint> compute(ParetoFrontier frontier, int listLimit) {
        List<FrontierPoint> points = frontier.points();
        Map<Solution, BargainingPoint> result = new EnumMap<>(Solution.class);
        if (points.isEmpty()) {
            return result;
        }
        AnalysisProblem problem = frontier.problem();
        int k = problem.partyCount();
        long[] reservation = new long[k];
        long[] span = new long[k];
        List<Integer> active = new ArrayList<>();
        for (int p = 0; p < k; p++) {
            reservation[p] = problem.reservation(p);
            long best = Long.MIN_VALUE;
            for (FrontierPoint point : points) {
                best = Math.max(best, point.fixed(p));
            }
            span[p] = best - reservation[p];
            if (span[p] > 0) {
                active.add(p);
            }
        }
        int n = points.size();
        List<Integer> nash = new ArrayList<>();
        List<Integer> ks = new ArrayList<>();
        List<Integer> utilitarian = new ArrayList<>();
        List<Integer> egalitarian = new ArrayList<>();
        BigInteger bestProduct = null;
        long bestNum = 0;
        long bestDen = 1;
        long bestSum = Long.MIN_VALUE;
        long bestMin = Long.MIN_VALUE;
        for (int j = 0; j < n; j++) {
            FrontierPoint point = points.get(j);
            BigInteger product = BigInteger.ONE;
            long num = 1;
            long den = 1;
            long min = Long.MAX_VALUE;
            boolean first = true;
            for (int p : active) {
                long gain = Math.max(0, point.fixed(p) - reservation[p]);
                product = product.multiply(BigInteger.valueOf(gain));
                if (first || compareFractions(gain, span[p], num, den) < 0) {
                    num = gain;
                    den = span[p];
                }
                first = false;
                min = Math.min(min, gain);
            }
            long sum = 0;
            for (int p = 0; p < k; p++) {
                sum += point.fixed(p);
            }
            int c = bestProduct == null ? 1 : product.compareTo(bestProduct);
            if (c >= 0) {
                if (c > 0) {
                    nash.clear();
                    bestProduct = product;
                }
                nash.add(j);
            }
            c = ks.isEmpty() ? 1 : compareFractions(num, den, bestNum, bestDen);
            if (c >= 0) {
                if (c > 0) {
                    ks.clear();
                    bestNum = num;
                    bestDen = den;
                }
                ks.add(j);
            }
            if (sum >= bestSum) {
                if (sum > bestSum) {
                    utilitarian.clear();
                    bestSum = sum;
                }
                utilitarian.add(j);
            }
            if (min >= bestMin) {
                if (min > bestMin) {
                    egalitarian.clear();
                    bestMin = min;
                }
                egalitarian.add(j);
            }
        }
        result.put(Solution.NASH, point(Solution.NASH, frontier, nash, listLimit));
        result.put(Solution.KALAI_SMORODINSKY, point(Solution.KALAI_SMORODINSKY, frontier, ks, listLimit));
        result.put(Solution.UTILITARIAN, point(Solution.UTILITARIAN, frontier, utilitarian, listLimit));
        result.put(Solution.EGALITARIAN, point(Solution.EGALITARIAN, frontier, egalitarian, listLimit));
        return result;
    }

    /** The point made of the tied frontier vectors {@code tied} (indices, ascending). */
    static BargainingPoint point(Solution solution, ParetoFrontier frontier, List<Integer> tied, int listLimit) {
        List<FrontierPoint> tiedPoints = new ArrayList<>();
        long ties = 0;
        for (int j : tied) {
            FrontierPoint point = frontier.points().get(j);
            tiedPoints.add(point);
            ties = Vectors.addCounts(ties, point.count());
        }
        var outcomes = new ArrayList<org.parley.core.model.Outcome>();
        for (FrontierPoint point : tiedPoints) {
            if (outcomes.size() >= listLimit) {
                break;
            }
            outcomes.addAll(frontier.outcomes(point, listLimit - outcomes.size()));
        }
        var representative = frontier.outcomes(tiedPoints.get(0), 1).get(0);
        return new BargainingPoint(solution, tiedPoints.get(0), representative, ties, tiedPoints, outcomes);
    }

    /** Compares a/b with c/d for 0 ≤ a, c and 0 < b, d, exactly (128-bit products). */
    static int compareFractions(long a, long b, long c, long d) {
        long highLeft = Math.multiplyHigh(a, d);
        long highRight = Math.multiplyHigh(c, b);
        if (highLeft != highRight) {
            return Long.compare(highLeft, highRight);
        }
        return Long.compareUnsigned(a * d, c * b);
    }
}

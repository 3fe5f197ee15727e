package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.model.Outcome;

/**
 * The exact analysis of a problem: outcome counts, the Pareto frontier of the acceptable outcomes,
 * the bargaining solutions and each party's range. {@code acceptable} is empty (and
 * {@code acceptableNote} says why) when the exact count is beyond the analysis's limits; it is
 * never estimated. {@code points} is empty when no outcome is acceptable.
 */
public record Analysis(
        AnalysisProblem problem, String method, BigInteger outcomes, Optional<BigInteger> acceptable,
        String acceptableNote, ParetoFrontier pareto, Map<Solution, BargainingPoint> points,
        List<PartyRange> ranges) {

    public Analysis {
        points = points.isEmpty() ? Map.of() : new EnumMap<>(points);
        ranges = List.copyOf(ranges);
        acceptableNote = acceptableNote == null ? "" : acceptableNote;
    }

    public Optional<BargainingPoint> point(Solution solution) {
        return Optional.ofNullable(points.get(solution));
    }

    public Optional<BargainingPoint> nash() {
        return point(Solution.NASH);
    }

    public Optional<BargainingPoint> kalaiSmorodinsky() {
        return point(Solution.KALAI_SMORODINSKY);
    }

    public Optional<BargainingPoint> utilitarian() {
        return point(Solution.UTILITARIAN);
    }

    public Optional<BargainingPoint> egalitarian() {
        return point(Solution.EGALITARIAN);
    }

    /** How far an agreement lies from the frontier and from the Nash and Kalai–Smorodinsky points. */
    public record Distances(double pareto, double nash, double kalaiSmorodinsky) {}

    /**
     * Euclidean distances in utility space (the named parties' utilities, in order) from
     * {@code utilities} to the nearest frontier vector and to the nearest tied Nash and
     * Kalai–Smorodinsky vectors; NaN when no outcome is acceptable. For no agreement, pass the
     * reservation values.
     */
    public Distances distances(double[] utilities) {
        if (utilities.length != problem.partyCount()) {
            throw new IllegalArgumentException("Expected " + problem.partyCount() + " utilities (one per party "
                    + problem.parties() + "), got " + utilities.length + ".");
        }
        return new Distances(
                pareto.distance(utilities),
                nash().map(p -> p.distance(utilities)).orElse(Double.NaN),
                kalaiSmorodinsky().map(p -> p.distance(utilities)).orElse(Double.NaN));
    }

    /** {@link #distances(double[])} for an agreed outcome, scored by the named parties. */
    public Distances distances(Outcome agreement) {
        problem.space().domain().validate(agreement);
        return distances(problem.utilities(agreement));
    }

    static double nearest(Collection<FrontierPoint> points, double[] utilities) {
        double best = Double.NaN;
        for (FrontierPoint point : points) {
            double sum = 0;
            for (int p = 0; p < utilities.length; p++) {
                double d = point.utility(p) - utilities[p];
                sum += d * d;
            }
            double distance = Math.sqrt(sum);
            if (!(distance >= best)) {
                best = distance;
            }
        }
        return best;
    }
}

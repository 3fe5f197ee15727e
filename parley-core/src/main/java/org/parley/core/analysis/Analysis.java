package org.parley.core.analysis;

import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.model.Outcome;

/**
 * The exact analysis of a problem: outcome counts, the Pareto frontier of the acceptable outcomes,
 * the point of every solution concept in {@code concepts} (by key, in their order) and each party's
 * range. {@code acceptable} is empty (and {@code acceptableNote} says why) when the exact count is
 * beyond the analysis's limits; it is never estimated. {@code points} is empty when no outcome is
 * acceptable.
 */
public record Analysis(
        AnalysisProblem problem, String method, BigInteger outcomes, Optional<BigInteger> acceptable,
        String acceptableNote, ParetoFrontier pareto, SolutionConcepts concepts, Map<String, BargainingPoint> points,
        List<PartyRange> ranges) {

    public Analysis {
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        ranges = List.copyOf(ranges);
        acceptableNote = acceptableNote == null ? "" : acceptableNote;
        for (String key : points.keySet()) {
            if (!concepts.contains(key)) {
                throw concepts.unknown(key);
            }
        }
    }

    /**
     * The point of the concept with {@code key}; empty when no outcome is acceptable.
     *
     * @throws IllegalArgumentException when no concept of this analysis has the key
     */
    public Optional<BargainingPoint> point(String key) {
        if (!concepts.contains(key)) {
            throw concepts.unknown(key);
        }
        return Optional.ofNullable(points.get(key));
    }

    public Optional<BargainingPoint> nash() {
        return point(NashSolution.KEY);
    }

    public Optional<BargainingPoint> kalaiSmorodinsky() {
        return point(KalaiSmorodinskySolution.KEY);
    }

    public Optional<BargainingPoint> utilitarian() {
        return point(UtilitarianSolution.KEY);
    }

    public Optional<BargainingPoint> egalitarian() {
        return point(EgalitarianSolution.KEY);
    }

    /**
     * How far an agreement lies from the frontier and from each concept's point: {@code concepts}
     * maps every concept key, in the analysis's order, to a distance.
     */
    public record Distances(double pareto, Map<String, Double> concepts) {

        public Distances {
            concepts = Collections.unmodifiableMap(new LinkedHashMap<>(concepts));
        }

        /**
         * The distance to the point of the concept with {@code key}.
         *
         * @throws IllegalArgumentException when no concept has the key
         */
        public double to(String key) {
            Double distance = concepts.get(key);
            if (distance == null) {
                throw new IllegalArgumentException("Unknown solution concept (" + key + "); the distances are to "
                        + String.join(", ", concepts.keySet()) + ".");
            }
            return distance;
        }

        public double nash() {
            return to(NashSolution.KEY);
        }

        public double kalaiSmorodinsky() {
            return to(KalaiSmorodinskySolution.KEY);
        }
    }

    /**
     * Euclidean distances in utility space (the named parties' utilities, in order) from
     * {@code utilities} to the nearest frontier vector and to the nearest tied vector of every
     * concept; NaN when no outcome is acceptable. For no agreement, pass the reservation values.
     */
    public Distances distances(double[] utilities) {
        if (utilities.length != problem.partyCount()) {
            throw new IllegalArgumentException("Expected " + problem.partyCount() + " utilities (one per party "
                    + problem.parties() + "), got " + utilities.length + ".");
        }
        Map<String, Double> byConcept = new LinkedHashMap<>();
        for (String key : concepts.keys()) {
            BargainingPoint point = points.get(key);
            byConcept.put(key, point == null ? Double.NaN : point.distance(utilities));
        }
        return new Distances(pareto.distance(utilities), byConcept);
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

package org.parley.core.analysis;

import java.util.List;
import org.parley.core.model.Outcome;

/**
 * The Pareto frontier of the deals an agreement rule lets stand: the (outcome, signer set) pairs,
 * over every winning signer set, whose vector over all parties (signers at their utility of the
 * outcome, everyone else at the reservation value) no other pair dominates. Vectors are distinct
 * and lexicographically descending; each point's count is the exact number of pairs that have
 * its vector (one outcome with two signer sets is two pairs), and {@code reach} says which signer
 * sets give it and with how many outcomes.
 */
public record RuleFrontier(List<Point> points, long pairs) {

    public RuleFrontier {
        points = List.copyOf(points);
    }

    /** One frontier vector over all parties ({@code vector.count()} pairs) and the signer sets that reach it. */
    public record Point(FrontierPoint vector, List<Reach> reach) {

        public Point {
            reach = List.copyOf(reach);
        }
    }

    /**
     * A signer set that reaches a rule-frontier vector: {@code point} is the vector over the signers
     * (a point of their own frontier), {@code point.count()} the number of outcomes that give it.
     */
    public record Reach(CoalitionAnalysis coalition, FrontierPoint point) {

        public List<String> signers() {
            return coalition.members();
        }

        public long count() {
            return point.count();
        }

        /** Up to {@code limit} of the outcomes, in the coalition frontier's listing order. */
        public List<Outcome> outcomes(int limit) {
            return coalition.analysis().pareto().outcomes(point, limit);
        }
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    public int size() {
        return points.size();
    }

    /** The Euclidean distance from {@code utilities} (one per scenario party) to the nearest vector. */
    public double distance(double[] utilities) {
        return Analysis.nearest(points.stream().map(Point::vector).toList(), utilities);
    }
}

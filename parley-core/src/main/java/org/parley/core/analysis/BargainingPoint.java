package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Outcome;

/**
 * A solution concept's point: every Pareto-efficient acceptable outcome the concept selects.
 * {@code concept} is the concept's {@link SolutionConcept#key() key}; {@code point} and {@code
 * outcome} are the first of the selection (lexicographically largest vector, its first outcome in
 * rank order); {@code ties} counts every selected outcome; {@code tiedPoints} lists the distinct
 * selected vectors; {@code tiedOutcomes} up to the requested number of the outcomes.
 */
public record BargainingPoint(
        String concept, FrontierPoint point, Outcome outcome, long ties, List<FrontierPoint> tiedPoints,
        List<Outcome> tiedOutcomes) {

    public BargainingPoint {
        tiedPoints = List.copyOf(tiedPoints);
        tiedOutcomes = List.copyOf(tiedOutcomes);
    }

    /** The Euclidean distance from {@code utilities} to the nearest tied vector. */
    public double distance(double[] utilities) {
        return Analysis.nearest(tiedPoints, utilities);
    }

    /** The point made of the frontier vectors {@code tied} (indices, ascending, at least one). */
    static BargainingPoint of(String concept, ParetoFrontier frontier, int[] tied, int listLimit) {
        List<FrontierPoint> tiedPoints = new ArrayList<>();
        long ties = 0;
        for (int j : tied) {
            FrontierPoint point = frontier.points().get(j);
            tiedPoints.add(point);
            ties = Vectors.addCounts(ties, point.count());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (FrontierPoint point : tiedPoints) {
            if (outcomes.size() >= listLimit) {
                break;
            }
            outcomes.addAll(frontier.outcomes(point, listLimit - outcomes.size()));
        }
        Outcome representative = frontier.outcomes(tiedPoints.get(0), 1).get(0);
        return new BargainingPoint(concept, tiedPoints.get(0), representative, ties, tiedPoints, outcomes);
    }
}

package org.parley.core.analysis;

import java.util.List;
import org.parley.core.model.Outcome;

/**
 * A bargaining solution: every Pareto-efficient acceptable outcome that maximises the solution's
 * objective. {@code point} and {@code outcome} are the first of them (lexicographically largest
 * vector); {@code ties} counts them all; {@code tiedPoints} lists their distinct vectors;
 * {@code tiedOutcomes} lists up to the requested number of them.
 */
public record BargainingPoint(
        Solution solution, FrontierPoint point, Outcome outcome, long ties, List<FrontierPoint> tiedPoints,
        List<Outcome> tiedOutcomes) {

    public BargainingPoint {
        tiedPoints = List.copyOf(tiedPoints);
        tiedOutcomes = List.copyOf(tiedOutcomes);
    }

    /** The Euclidean distance from {@code utilities} to the nearest tied vector. */
    public double distance(double[] utilities) {
        return Analysis.nearest(tiedPoints, utilities);
    }
}

package org.parley.core.analysis;

import java.util.ArrayList;
import java.util.List;
import org.parley.core.model.Outcome;

/**
 * The Pareto frontier of the acceptable outcomes of a problem: its distinct utility vectors in
 * lexicographically descending order (first party's utility first), each with the exact number of
 * outcomes that have it. The outcomes themselves are produced on demand, up to a limit, since
 * there may be far too many to hold.
 */
public final class ParetoFrontier {

    /** Lists the outcomes of one frontier vector, in a fixed order, stopping at a limit. */
    @FunctionalInterface
    interface OutcomeLister {
        List<Outcome> list(long[] vector, int limit);
    }

    private final AnalysisProblem problem;
    private final List<FrontierPoint> points;
    private final long count;
    private final OutcomeLister lister;

    ParetoFrontier(AnalysisProblem problem, List<FrontierPoint> points, OutcomeLister lister) {
        this.problem = problem;
        this.points = List.copyOf(points);
        this.lister = lister;
        long total = 0;
        for (FrontierPoint point : points) {
            total = Vectors.addCounts(total, point.count());
        }
        this.count = total;
    }

    public AnalysisProblem problem() {
        return problem;
    }

    /** The distinct utility vectors, lexicographically descending. */
    public List<FrontierPoint> points() {
        return points;
    }

    /** The number of frontier outcomes, counting every outcome of every vector. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * The outcomes whose utility vector is {@code point}'s, at most {@code limit} of them: in rank
     * order (first issue's option order first) when the vector has at most 10,000 outcomes, else
     * in a fixed order of the method's choosing.
     */
    public List<Outcome> outcomes(FrontierPoint point, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return lister.list(point.fixed(), limit);
    }

    /** Frontier outcomes in the order of {@link #points()}, at most {@code limit} of them. */
    public List<Outcome> outcomes(int limit) {
        List<Outcome> result = new ArrayList<>();
        for (FrontierPoint point : points) {
            if (result.size() >= limit) {
                break;
            }
            result.addAll(outcomes(point, limit - result.size()));
        }
        return result;
    }

    /** The Euclidean distance in utility space from {@code utilities} to the nearest frontier vector. */
    public double distance(double[] utilities) {
        return Analysis.nearest(points, utilities);
    }
}

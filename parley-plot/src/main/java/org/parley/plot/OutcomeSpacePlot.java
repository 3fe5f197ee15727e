package org.parley.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an outcome-space chart shows for two parties: every outcome (or a sample, for large spaces),
 * the acceptable ones, the Pareto frontier, the points of the solution concepts (in the order
 * given, which is the order they are drawn and listed in), each party's reservation value, each
 * party's offers in order, and the agreement. Coordinates are utilities: x for {@code xParty}, y
 * for {@code yParty}. Nullable: {@code agreement}. {@code sample} says what the grey and coloured dots
 * are of the whole space (for example "4,000 of 1.0e12 outcomes drawn uniformly at random"); the
 * chart's legend carries it, so nobody mistakes a sample for the space.
 */
public record OutcomeSpacePlot(
        String title,
        String xParty,
        String yParty,
        List<Point> outcomes,
        List<Point> acceptable,
        List<Point> frontier,
        List<ConceptPoint> concepts,
        double xReservation,
        double yReservation,
        Map<String, List<Point>> offers,
        Point agreement,
        String sample) {

    /** A plot whose dots are the whole space, or whose sample needs no words. */
    public OutcomeSpacePlot(String title, String xParty, String yParty, List<Point> outcomes, List<Point> acceptable,
            List<Point> frontier, List<ConceptPoint> concepts, double xReservation, double yReservation,
            Map<String, List<Point>> offers, Point agreement) {
        this(title, xParty, yParty, outcomes, acceptable, frontier, concepts, xReservation, yReservation, offers,
                agreement, "");
    }

    public OutcomeSpacePlot {
        sample = sample == null ? "" : sample;
        outcomes = List.copyOf(outcomes);
        acceptable = List.copyOf(acceptable);
        frontier = List.copyOf(frontier);
        concepts = List.copyOf(concepts);
        offers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(offers));
        if (xParty == null || yParty == null) {
            throw new IllegalArgumentException("An outcome-space plot needs two parties.");
        }
    }

    /** The point of the concept with {@code key}, or null when the plot has none. */
    public Point concept(String key) {
        for (ConceptPoint point : concepts) {
            if (point.key().equals(key)) {
                return point.point();
            }
        }
        return null;
    }
}

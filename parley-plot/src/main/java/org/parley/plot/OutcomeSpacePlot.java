package org.parley.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an outcome-space chart shows for two parties: every outcome (or a sample, for large spaces),
 * the acceptable ones, the Pareto frontier, the Nash and Kalai–Smorodinsky points, each party's
 * reservation value, each party's offers in order, and the agreement. Coordinates are utilities:
 * x for {@code xParty}, y for {@code yParty}. Nullable: {@code nash}, {@code kalaiSmorodinsky},
 * {@code agreement}.
 */
public record OutcomeSpacePlot(
        String title,
        String xParty,
        String yParty,
        List<Point> outcomes,
        List<Point> acceptable,
        List<Point> frontier,
        Point nash,
        Point kalaiSmorodinsky,
        double xReservation,
        double yReservation,
        Map<String, List<Point>> offers,
        Point agreement) {

    public OutcomeSpacePlot {
        outcomes = List.copyOf(outcomes);
        acceptable = List.copyOf(acceptable);
        frontier = List.copyOf(frontier);
        offers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(offers));
        if (xParty == null || yParty == null) {
            throw new IllegalArgumentException("An outcome-space plot needs two parties.");
        }
    }
}

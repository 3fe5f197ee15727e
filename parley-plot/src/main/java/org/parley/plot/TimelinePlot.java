package org.parley.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each party's utility over the rounds of a negotiation (x = round, y = utility), with its
 * reservation value as a dashed line when given.
 */
public record TimelinePlot(String title, Map<String, List<Point>> series, Map<String, Double> reservations) {

    public TimelinePlot {
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
        reservations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reservations));
    }
}

package org.parley.plot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines over a common x axis with named axes, for figures that are not a negotiation's rounds: a
 * world's trust and welfare per power over its negotiations. {@code yMin}/{@code yMax} fix the y
 * axis (nullable: fitted to the data).
 */
public record SeriesPlot(String title, String xLabel, String yLabel, Map<String, List<Point>> series, Double yMin,
        Double yMax) {

    public SeriesPlot {
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }
}

package org.parley.plot;

import java.util.List;

/** A bar per entry (a strategy in a tournament), with an optional error bar (e.g. a 95% interval). */
public record RankingPlot(String title, String valueLabel, List<String> names, List<Double> values, List<Double> errors) {

    public RankingPlot {
        names = List.copyOf(names);
        values = List.copyOf(values);
        errors = errors == null ? null : List.copyOf(errors);
        if (names.size() != values.size() || (errors != null && errors.size() != values.size())) {
            throw new IllegalArgumentException("A ranking needs one value (and one error, if any) per name.");
        }
    }
}

package org.parley.core.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An issue with named options; an outcome's coordinate on it is the option's index. */
public record DiscreteIssue(String name, List<String> options) implements Issue {

    public DiscreteIssue {
        Issue.requireName(name, "an issue");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("The issue (" + name + ") must have at least one option.");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            String option = Issue.requireName(options.get(i), "an option of issue (" + name + ")");
            if (seen.put(option, i) != null) {
                throw new IllegalArgumentException(
                        "The option (" + option + ") is listed twice in issue (" + name + ").");
            }
        }
    }

    /** The option's index, or -1 when the issue has no such option. */
    public int indexOf(String option) {
        return options.indexOf(option);
    }

    public String option(int index) {
        return options.get(index);
    }

    @Override
    public boolean contains(double x) {
        return x >= 0 && x < options.size() && x == Math.rint(x);
    }

    @Override
    public String format(double x) {
        return options.get((int) x);
    }

    @Override
    public long size() {
        return options.size();
    }
}

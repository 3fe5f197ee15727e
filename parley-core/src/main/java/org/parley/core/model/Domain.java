package org.parley.core.model;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.api.Stable;

/** The issues of a negotiation, in a fixed order: an outcome's i-th coordinate belongs to issue i. */
@Stable
public record Domain(List<Issue> issues) {

    public Domain {
        issues = List.copyOf(issues);
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("A domain must have at least one issue.");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < issues.size(); i++) {
            if (seen.put(issues.get(i).name(), i) != null) {
                throw new IllegalArgumentException("The issue (" + issues.get(i).name() + ") is listed twice.");
            }
        }
    }

    public int size() {
        return issues.size();
    }

    public Issue issue(int index) {
        return issues.get(index);
    }

    /** The issue's index, or -1 when there is no issue of that name. */
    public int indexOf(String issueName) {
        for (int i = 0; i < issues.size(); i++) {
            if (issues.get(i).name().equals(issueName)) {
                return i;
            }
        }
        return -1;
    }

    /** The number of outcomes, or -1 when a real issue makes it uncountable. */
    public BigInteger outcomeCount() {
        BigInteger count = BigInteger.ONE;
        for (Issue issue : issues) {
            if (issue.size() < 0) {
                return BigInteger.ONE.negate();
            }
            count = count.multiply(BigInteger.valueOf(issue.size()));
        }
        return count;
    }

    /**
     * Builds an outcome from issue names to values: an option name for a discrete issue, a number
     * (or its text) for a numeric one.
     *
     * @throws IllegalArgumentException naming the issue, when an issue is missing or unknown or a
     *     value is not legal for it
     */
    public Outcome outcome(Map<String, ?> values) {
        double[] coordinates = new double[issues.size()];
        for (String name : values.keySet()) {
            if (indexOf(name) < 0) {
                throw new IllegalArgumentException("Unknown issue (" + name + "); the issues are " + names() + ".");
            }
        }
        for (int i = 0; i < issues.size(); i++) {
            Issue issue = issues.get(i);
            Object value = values.get(issue.name());
            if (value == null) {
                throw new IllegalArgumentException("The issue (" + issue.name() + ") has no value.");
            }
            coordinates[i] = coordinate(issue, value);
        }
        return new Outcome(coordinates);
    }

    /** The coordinate of {@code value} on {@code issue}, validated. */
    public static double coordinate(Issue issue, Object value) {
        if (issue instanceof DiscreteIssue discrete) {
            int index = discrete.indexOf(String.valueOf(value));
            if (index < 0) {
                throw new IllegalArgumentException("The issue (" + issue.name() + ") has no option (" + value
                        + "); its options are " + discrete.options() + ".");
            }
            return index;
        }
        double x;
        if (value instanceof Number number) {
            x = number.doubleValue();
        } else {
            try {
                x = Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "The issue (" + issue.name() + ") takes a number, not (" + value + ").");
            }
        }
        if (!issue.contains(x)) {
            throw new IllegalArgumentException("The value (" + value + ") is out of range for issue ("
                    + issue.name() + "): expected " + describeRange(issue) + ".");
        }
        return x == 0 ? 0 : x; // -0.0 and 0.0 are one value
    }

    /** Checks that an outcome built elsewhere (a strategy, a client) fits this domain. */
    public void validate(Outcome outcome) {
        if (outcome.size() != issues.size()) {
            throw new IllegalArgumentException("The outcome has " + outcome.size() + " values; the domain has "
                    + issues.size() + " issues.");
        }
        for (int i = 0; i < issues.size(); i++) {
            if (!issues.get(i).contains(outcome.value(i))) {
                throw new IllegalArgumentException("The value (" + outcome.value(i) + ") is not legal for issue ("
                        + issues.get(i).name() + "): expected " + describeRange(issues.get(i)) + ".");
            }
        }
    }

    /** The outcome as issue name → option name or number text, in issue order. */
    public Map<String, String> format(Outcome outcome) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < issues.size(); i++) {
            result.put(issues.get(i).name(), issues.get(i).format(outcome.value(i)));
        }
        return result;
    }

    public List<String> names() {
        return issues.stream().map(Issue::name).toList();
    }

    private static String describeRange(Issue issue) {
        if (issue instanceof DiscreteIssue discrete) {
            return "one of " + discrete.options();
        } else if (issue instanceof IntegerIssue integer) {
            return "an integer from " + integer.min() + " to " + integer.max();
        } else {
            RealIssue real = (RealIssue) issue;
            return "a number from " + real.min() + " to " + real.max();
        }
    }
}

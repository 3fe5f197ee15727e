package org.parley.core.model;

/** An issue taking any real value from {@code min} to {@code max}, both included. */
public record RealIssue(String name, double min, double max) implements Issue {

    public RealIssue {
        Issue.requireName(name, "an issue");
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("The range of issue (" + name + ") must be finite.");
        }
        if (min > max) {
            throw new IllegalArgumentException(
                    "The range of issue (" + name + ") is empty: min (" + min + ") > max (" + max + ").");
        }
    }

    @Override
    public boolean contains(double x) {
        return x >= min && x <= max;
    }

    @Override
    public String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    @Override
    public long size() {
        return -1;
    }
}

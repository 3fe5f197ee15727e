package org.parley.core.model;

/** An issue taking every integer from {@code min} to {@code max}, both included. */
public record IntegerIssue(String name, long min, long max) implements Issue {

    /** Beyond 2^53 a double coordinate no longer holds every integer exactly. */
    static final long LIMIT = 1L << 53;

    public IntegerIssue {
        Issue.requireName(name, "an issue");
        if (min > max) {
            throw new IllegalArgumentException(
                    "The range of issue (" + name + ") is empty: min (" + min + ") > max (" + max + ").");
        }
        if (min < -LIMIT || max > LIMIT) {
            throw new IllegalArgumentException(
                    "The range of issue (" + name + ") must lie within ±2^53 to be held exactly.");
        }
    }

    @Override
    public boolean contains(double x) {
        return x >= min && x <= max && x == Math.rint(x);
    }

    @Override
    public String format(double x) {
        return Long.toString((long) x);
    }

    @Override
    public long size() {
        return max - min + 1;
    }
}

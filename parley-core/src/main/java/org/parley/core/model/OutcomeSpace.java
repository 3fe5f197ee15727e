package org.parley.core.model;

import java.math.BigInteger;

/**
 * A domain made finite: every issue's candidate values, listed. Discrete issues list their options,
 * integer ranges every integer (exact), and real ranges {@code realSteps} evenly spaced values from
 * min to max, both ends included, each rounded to the decimals the range and the step imply
 * ({@link RealIssue#grid(int)}). Outcomes of the space are numbered in mixed radix, last issue
 * fastest.
 */
public final class OutcomeSpace {

    /** The default number of values a real range is discretised into. */
    public static final int DEFAULT_REAL_STEPS = 11;

    private final Domain domain;
    private final int realSteps;
    private final double[][] values;

    public OutcomeSpace(Domain domain, int realSteps) {
        if (realSteps < 2) {
            throw new IllegalArgumentException("Real ranges need at least 2 steps, got " + realSteps + ".");
        }
        this.domain = domain;
        this.realSteps = realSteps;
        this.values = new double[domain.size()][];
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            if (issue instanceof DiscreteIssue discrete) {
                values[i] = new double[discrete.options().size()];
                for (int k = 0; k < values[i].length; k++) {
                    values[i][k] = k;
                }
            } else if (issue instanceof IntegerIssue integer) {
                if (integer.size() > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("The integer issue (" + issue.name() + ") has " + integer.size()
                            + " values, too many to list.");
                }
                values[i] = new double[(int) integer.size()];
                for (int k = 0; k < values[i].length; k++) {
                    values[i][k] = integer.min() + k;
                }
            } else {
                // Rounded to the decimals the range and the step imply (see RealIssue.grid), so that
                // analysis, offers and records all see 0.2 where the user wrote 0.2.
                values[i] = ((RealIssue) issue).grid(realSteps);
            }
        }
    }

    public OutcomeSpace(Domain domain) {
        this(domain, DEFAULT_REAL_STEPS);
    }

    public Domain domain() {
        return domain;
    }

    public int realSteps() {
        return realSteps;
    }

    /** Whether a real range had to be discretised. */
    public boolean discretised() {
        return domain.issues().stream().anyMatch(issue -> issue instanceof RealIssue r && r.min() != r.max());
    }

    public int issueCount() {
        return values.length;
    }

    /** The number of candidate values of issue {@code issue}. */
    public int size(int issue) {
        return values[issue].length;
    }

    /** The {@code k}-th candidate value (coordinate) of issue {@code issue}. */
    public double value(int issue, int k) {
        return values[issue][k];
    }

    public double[] values(int issue) {
        return values[issue].clone();
    }

    public BigInteger count() {
        BigInteger count = BigInteger.ONE;
        for (double[] v : values) {
            count = count.multiply(BigInteger.valueOf(v.length));
        }
        return count;
    }

    /** The outcome with the given value index per issue. */
    public Outcome outcome(int[] indices) {
        double[] coordinates = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            coordinates[i] = values[i][indices[i]];
        }
        return new Outcome(coordinates);
    }

    /** The outcome numbered {@code rank} (0 ≤ rank &lt; count), last issue fastest. */
    public Outcome outcome(long rank) {
        double[] coordinates = new double[values.length];
        for (int i = values.length - 1; i >= 0; i--) {
            int n = values[i].length;
            coordinates[i] = values[i][(int) (rank % n)];
            rank /= n;
        }
        return new Outcome(coordinates);
    }
}

package org.parley.core.coalition;

import java.util.Arrays;
import java.util.Locale;

/**
 * The value distributions of the coalition structure generation benchmarks (Larson and Sandholm
 * 2000; Rahwan, Ramchurn, Jennings and Giovannucci 2009, "An anytime algorithm for optimal
 * coalition structure generation", JAIR 34; Michalak, Rahwan, Elkind, Wooldridge and Jennings 2016,
 * "A hybrid exact algorithm for complete set partitioning", AIJ 230), with |C| the coalition's size.
 */
public enum ValueDistribution {
    /** v(C) = |C| · U(0, 1). */
    UNIFORM("uniform"),
    /** v(C) = max(0, |C| · N(10, 0.1²)). */
    NORMAL("normal"),
    /** Normally distributed coalition structures: v(C) ~ N(|C|, |C|), drawn again until positive. */
    NDCS("ndcs"),
    /** Each player i has a strength p_i ~ U(0, 10); v(C) = Σ_{i ∈ C} U(0, 2 p_i), drawn per coalition. */
    AGENT_BASED("agent-based"),
    /** p_i = max(0, N(10, 0.1²)); v(C) = Σ_{i ∈ C} max(0, N(p_i, 0.1²)). */
    AGENT_BASED_NORMAL("agent-based-normal");

    private final String label;

    ValueDistribution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a label such as {@code ndcs} or {@code agent-based}. */
    public static ValueDistribution parse(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ValueDistribution d : values()) {
            if (d.label.equals(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown value distribution (" + text + "); expected one of "
                + Arrays.stream(values()).map(ValueDistribution::label).toList() + ".");
    }

    @Override
    public String toString() {
        return label;
    }
}

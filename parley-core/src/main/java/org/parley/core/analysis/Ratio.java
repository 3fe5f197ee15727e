package org.parley.core.analysis;

/**
 * An exact non-negative ratio of two longs, {@code numerator / denominator}, for objectives such as
 * Kalai–Smorodinsky's relative gain. Compared exactly by cross-multiplying in 128 bits, never
 * divided; not reduced, so {@code 1/2} and {@code 2/4} are {@linkplain #compareTo equal in order}
 * but not {@link #equals}.
 */
public record Ratio(long numerator, long denominator) implements Comparable<Ratio> {

    public Ratio {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("A ratio (" + numerator + "/" + denominator + ") needs a numerator of 0"
                    + " or more and a positive denominator.");
        }
    }

    @Override
    public int compareTo(Ratio other) {
        return compare(numerator, denominator, other.numerator, other.denominator);
    }

    /** Compares a/b with c/d for 0 ≤ a, c and 0 < b, d, exactly (128-bit products). */
    static int compare(long a, long b, long c, long d) {
        long highLeft = Math.multiplyHigh(a, d);
        long highRight = Math.multiplyHigh(c, b);
        if (highLeft != highRight) {
            return Long.compare(highLeft, highRight);
        }
        return Long.compareUnsigned(a * d, c * b);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}

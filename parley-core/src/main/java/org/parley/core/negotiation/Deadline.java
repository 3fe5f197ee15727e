package org.parley.core.negotiation;

import java.time.Duration;
import org.parley.api.Stable;

/**
 * When a negotiation ends without agreement: after {@code rounds} rounds (0 for no round limit)
 * and/or after {@code time} of wall-clock time (null for none). Normalised time is
 * t = max(round / rounds, elapsed / time); strategies concede along it.
 */
@Stable
public record Deadline(int rounds, Duration time) {

    public Deadline {
        if (rounds < 0) {
            throw new IllegalArgumentException("The round limit (" + rounds + ") must not be negative.");
        }
        if (time != null && (time.isNegative() || time.isZero())) {
            throw new IllegalArgumentException("The time limit (" + time + ") must be positive.");
        }
        if (rounds == 0 && time == null) {
            throw new IllegalArgumentException("A deadline needs a round limit, a time limit, or both.");
        }
    }

    public static Deadline rounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("The round limit (" + rounds + ") must be at least 1.");
        }
        return new Deadline(rounds, null);
    }

    public static Deadline time(Duration time) {
        return new Deadline(0, time);
    }

    public boolean hasRounds() {
        return rounds > 0;
    }

    public boolean hasTime() {
        return time != null;
    }

    /** Normalised time at round {@code round} after {@code elapsedNanos} of wall-clock time. */
    public double normalised(int round, long elapsedNanos) {
        double t = hasRounds() ? (double) round / rounds : 0;
        if (hasTime()) {
            t = Math.max(t, (double) elapsedNanos / time.toNanos());
        }
        return Math.min(1, t);
    }

    @Override
    public String toString() {
        if (hasRounds() && hasTime()) {
            return rounds + " rounds or " + time.toMillis() + " ms";
        }
        return hasRounds() ? rounds + " rounds" : time.toMillis() + " ms";
    }
}

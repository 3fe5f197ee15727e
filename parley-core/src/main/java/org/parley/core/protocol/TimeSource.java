package org.parley.core.protocol;

import org.parley.core.negotiation.Deadline;

/**
 * Normalised time as a session reads it when it opens a phase. Live sessions read the wall clock
 * (only when the deadline has a time limit); a replay feeds back the times of the log, so that
 * strategies see exactly what they saw the first time.
 */
@FunctionalInterface
public interface TimeSource {

    /** Normalised time in [0, 1] at round {@code round}; 1 or more means the deadline has passed. */
    double time(int round);

    /** The wall clock, started now, as if {@code alreadyElapsed} (normalised) had passed. */
    static TimeSource live(Deadline deadline, double alreadyElapsed) {
        if (!deadline.hasTime()) {
            return round -> deadline.normalised(round, 0);
        }
        long start = System.nanoTime() - (long) (alreadyElapsed * deadline.time().toNanos());
        return round -> deadline.normalised(round, System.nanoTime() - start);
    }

    static TimeSource live(Deadline deadline) {
        return live(deadline, 0);
    }
}

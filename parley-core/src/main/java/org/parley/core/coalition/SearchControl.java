package org.parley.core.coalition;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How long a search may run and whom it tells about its progress. {@code stopRequested} is polled
 * (for example set by Ctrl-C); {@code listener} may be called from several threads.
 */
public record SearchControl(Duration timeLimit, BooleanSupplier stopRequested, ProgressListener listener) {

    public static final SearchControl UNLIMITED = new SearchControl(null, null, null);

    public SearchControl {
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("The time limit (" + timeLimit + ") must be positive.");
        }
        stopRequested = stopRequested == null ? () -> false : stopRequested;
        listener = listener == null ? ProgressListener.NONE : listener;
    }

    public static SearchControl timeLimit(Duration limit) {
        return new SearchControl(limit, null, null);
    }

    public SearchControl withListener(ProgressListener newListener) {
        return new SearchControl(timeLimit, stopRequested, newListener);
    }

    /** Progress of a search: fraction done in [0, 1] (an estimate), and the bounds proven so far. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = (phase, fraction, best, bound) -> {};

        void progress(String phase, double fraction, double bestValue, double upperBound);
    }

    /** A started clock against this control's limit. */
    Deadline start() {
        return new Deadline(this, System.nanoTime());
    }

    static final class Deadline {
        private final SearchControl control;
        final long started;
        private final long limit;
        private volatile boolean stopped;
        private long lastReport;

        Deadline(SearchControl control, long started) {
            this.control = control;
            this.started = started;
            this.limit = control.timeLimit == null ? Long.MAX_VALUE : started + control.timeLimit.toNanos();
        }

        /** Whether the search must stop now (time is up or a stop was requested); sticky. */
        boolean expired() {
            if (stopped) {
                return true;
            }
            if (System.nanoTime() - limit > 0 && limit != Long.MAX_VALUE || control.stopRequested.getAsBoolean()) {
                stopped = true;
            }
            return stopped;
        }

        long elapsed() {
            return System.nanoTime() - started;
        }

        /** Reports progress at most every 100 ms (and always when {@code force}). */
        synchronized void report(String phase, double fraction, double best, double bound, boolean force) {
            long now = System.nanoTime();
            if (force || now - lastReport > 100_000_000L) {
                lastReport = now;
                control.listener.progress(phase, Math.max(0, Math.min(1, fraction)), best, bound);
            }
        }
    }
}

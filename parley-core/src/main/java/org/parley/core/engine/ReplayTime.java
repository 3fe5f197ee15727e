package org.parley.core.engine;

import org.parley.core.protocol.TimeSource;

/** Feeds a session the logged times while a log is replayed, then the live clock. */
final class ReplayTime implements TimeSource {

    private TimeSource live;
    private double logged = Double.NaN;

    ReplayTime(TimeSource live) {
        this.live = live;
    }

    void logged(double time) {
        this.logged = time;
    }

    void live(TimeSource live) {
        this.live = live;
        this.logged = Double.NaN;
    }

    @Override
    public double time(int round) {
        return Double.isNaN(logged) ? live.time(round) : logged;
    }
}

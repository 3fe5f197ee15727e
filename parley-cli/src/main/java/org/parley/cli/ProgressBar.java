package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with a carriage return: items done of the total, the
 * rate, and the time left at that rate. Drawn at most every {@code interval} nanoseconds, and only
 * where the caller says a person watches a terminal; elsewhere it prints nothing.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean enabled;
    private final long total;
    private final long start;
    private final long already;
    private final LongSupplier clock;
    private final long interval;
    private long done;
    private long lastDrawn;
    private boolean drawn;
    private int lastLength;

    /**
     * @param already items finished before this run (a resume): counted as done, not in the rate
     */
    ProgressBar(PrintWriter out, boolean enabled, long total, long already, LongSupplier clock, long interval) {
        this.out = out;
        this.enabled = enabled;
        this.total = total;
        this.already = already;
        this.done = already;
        this.clock = clock;
        this.interval = interval;
        this.start = clock.getAsLong();
    }

    /** Whether a person is likely watching: standard error (and output) on a terminal. */
    static boolean onTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    synchronized void step() {
        done++;
        long now = clock.getAsLong();
        if (enabled && (!drawn || now - lastDrawn >= interval || done == total)) {
            drawn = true;
            lastDrawn = now;
            draw(now);
        }
    }

    /** Clears the bar's line (before other output, or at the end). */
    synchronized void finish() {
        if (enabled && lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    synchronized String render(long now) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = (now - start) / 1e9;
        long fresh = done - already;
        double rate = seconds > 0 ? fresh / seconds : 0;
        String left = fresh == 0 || rate == 0 ? "--:--" : clock((long) Math.ceil((total - done) / rate));
        return String.format(Locale.ROOT, "[%s%s] %d/%d %3d%%  %.1f/s  %s left", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, Math.round(fraction * 100), rate, left);
    }

    private void draw(long now) {
        String line = render(now);
        String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
        out.print("\r" + line + pad);
        out.flush();
        lastLength = line.length();
    }

    static String clock(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}

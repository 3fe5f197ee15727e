package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with a carriage return: items done of the total (or,
 * for work measured in fractions, the share done and the phase), the rate, and the time left at
 * that rate. Drawn at most every {@code interval} nanoseconds, and only where the caller says a
 * person watches a terminal; elsewhere it prints nothing.
 *
 * <p>Parley's one progress bar: tournaments and coalition structure searches both use it. The
 * progressbar library it replaced in {@code parley coalitions} brought JLine (1.2 MB of the jar)
 * to learn the terminal's width and a thread of its own to redraw; this bar needs neither, is
 * cleared from a shutdown hook on Ctrl-C, counts a resumed tournament's earlier negotiations as
 * done but not in the rate, and takes its clock as an argument, so its output is tested.
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
    private final boolean counted;
    private long done;
    private String phase = "";
    private java.util.function.Supplier<String> detail;
    private long lastDrawn;
    private boolean drawn;
    private int lastLength;

    /**
     * A bar over {@code total} items.
     *
     * @param already items finished before this run (a resume): counted as done, not in the rate
     */
    ProgressBar(PrintWriter out, boolean enabled, long total, long already, LongSupplier clock, long interval) {
        this(out, enabled, total, already, clock, interval, true);
    }

    private ProgressBar(PrintWriter out, boolean enabled, long total, long already, LongSupplier clock, long interval,
            boolean counted) {
        this.out = out;
        this.enabled = enabled;
        this.total = total;
        this.already = already;
        this.done = already;
        this.clock = clock;
        this.interval = interval;
        this.counted = counted;
        this.start = clock.getAsLong();
    }

    /** A bar over a fraction of work from 0 to 1, in thousandths, that shows a phase instead of counts. */
    static ProgressBar fraction(PrintWriter out, boolean enabled, LongSupplier clock, long interval) {
        return new ProgressBar(out, enabled, 1000, 0, clock, interval, false);
    }

    /** Whether a person is likely watching: standard error (and output) on a terminal. */
    static boolean onTerminal() {
        return System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    /** A few words drawn after the counts each time the bar is drawn (a cluster's negotiations per member). */
    synchronized void detail(java.util.function.Supplier<String> detail) {
        this.detail = detail;
    }

    synchronized void step() {
        advance(done + 1);
    }

    /** Work done so far as a fraction in [0, 1], in the phase named. */
    synchronized void fraction(double fraction, String phase) {
        this.phase = phase == null ? "" : phase;
        advance(Math.max(done, Math.min(total, Math.round(fraction * total))));
    }

    private void advance(long to) {
        done = to;
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
        double share = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(share * WIDTH);
        double seconds = (now - start) / 1e9;
        long fresh = done - already;
        double rate = seconds > 0 ? fresh / seconds : 0;
        String left = fresh == 0 || rate == 0 ? "--:--" : clock((long) Math.ceil((total - done) / rate));
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        if (!counted) {
            return String.format(Locale.ROOT, "[%s] %3d%%  %s  %s left", bar, Math.round(share * 100),
                    phase.isEmpty() ? "-" : phase, left);
        }
        String extra = detail == null ? "" : detail.get();
        return String.format(Locale.ROOT, "[%s] %d/%d %3d%%  %.1f/s  %s left", bar, done, total,
                Math.round(share * 100), rate, left) + (extra == null || extra.isEmpty() ? "" : "  " + extra);
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

package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    /* A coalition structure search reports fractions and phases: the bar shows the share, the phase and the time left. */
    @Test
    void aFractionBarShowsTheShareThePhaseAndTheTimeLeft() {
        StringWriter text = new StringWriter();
        long[] now = {0};
        ProgressBar bar = ProgressBar.fraction(new PrintWriter(text), true, () -> now[0], 1_000_000_000L);
        now[0] = 1_000_000_000L;
        bar.fraction(0.1, "dynamic programming");
        assertThat(text.toString()).isEqualTo("\r[###...........................]  10%  dynamic programming  0:09 left");
        // Within the interval: not drawn again, but remembered; a share never goes back.
        now[0] = 1_500_000_000L;
        bar.fraction(0.25, "branch and bound");
        bar.fraction(0.2, "branch and bound");
        assertThat(bar.render(2_000_000_000L))
                .isEqualTo("[########......................]  25%  branch and bound  0:06 left");
        // Done is always drawn; the shorter line is padded over the longer one, then cleared.
        bar.fraction(1, "");
        assertThat(text.toString()).endsWith("\r[##############################] 100%  -  0:00 left" + " ".repeat(18));
        bar.finish();
        assertThat(text.toString()).endsWith("\r" + " ".repeat(51) + "\r");
    }

    @Test
    void aBarNobodyWatchesPrintsNothing() {
        StringWriter silent = new StringWriter();
        ProgressBar off = ProgressBar.fraction(new PrintWriter(silent), false, System::nanoTime, 0);
        off.fraction(0.5, "x");
        off.finish();
        assertThat(silent.toString()).isEmpty();
    }
}

package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A message names the place and the problem; it quotes only a short part of a hostile file. */
class FormatExceptionTest {

    @Test
    void aShortMessageIsWhole() {
        FormatException e = new FormatException("a.yaml", 3, 7, "parties.red.reservation", "expected a number");
        assertThat(e.getMessage()).isEqualTo("a.yaml:3:7: parties.red.reservation: expected a number");
    }

    @Test
    void aDeepPathAndALongQuotedValueAreCutButKeptInTheAccessors() {
        String deep = "issues" + "[0]".repeat(100);
        String value = "x".repeat(100_000);
        String problem = "unknown strategy '" + value + "'";
        FormatException e = new FormatException("deep.yaml", 1, 109, deep, problem);
        assertThat(e.getMessage()).hasSizeLessThan(
                "deep.yaml:1:109: ".length() + FormatException.MAX_FIELD_SHOWN + FormatException.MAX_PROBLEM_SHOWN + 4);
        assertThat(e.getMessage()).startsWith("deep.yaml:1:109: issues[0][0]")
                .contains("(" + deep.length() + " characters)", "(" + problem.length() + " characters)")
                .endsWith("xxx'");
        assertThat(e.field()).isEqualTo(deep);
        assertThat(e.problem()).isEqualTo(problem);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "😀".repeat(1_000);
        String shown = FormatException.shorten(text, 100);
        // A lone surrogate does not survive UTF-8: it comes back as '?'.
        assertThat(new String(shown.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(shown);
        assertThat(shown).hasSizeLessThanOrEqualTo(101);
    }
}

package org.parley.core.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RationaleTest {

    /** The hand-written check accepts exactly what the documented pattern does. */
    @Property(tries = 2000)
    void aKeyIsWhatThePatternSays(@ForAll("keyLike") String key) {
        assertThat(Rationale.isKey(key)).isEqualTo(key.matches("[a-z][a-z0-9-]*"));
    }

    @Provide
    Arbitrary<String> keyLike() {
        // Mostly the key alphabet, with its edges and a few characters just outside it.
        return Arbitraries.strings().withChars("az09-_A`{/:é ").ofMinLength(0).ofMaxLength(6);
    }

    @Test
    void keysOutsideThePatternAreRefusedWithTheirName() {
        assertThat(Rationale.isKey(null)).isFalse();
        assertThatThrownBy(() -> Rationale.of("Hold")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(Hold)");
        assertThatThrownBy(() -> Rationale.of(Rationale.HOLD).figure("9lives", 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(9lives)");
        assertThat(Rationale.of(Rationale.CONCESSION_ANSWERED).figure("target-2", 0.5).figures())
                .containsEntry("target-2", 0.5);
    }
}

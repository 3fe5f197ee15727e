package org.parley.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.io.FormatException;
import org.parley.io.HostileTexts;
import org.parley.io.ReadLimits;

/**
 * Hostile XML where GENIUS files are read: deep nesting, entity expansion, huge attributes; each
 * refused with an error naming the limit, in less than a second of the reading thread's CPU.
 */
class XmlReaderLimitsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The error, refused in less than a second of this thread's CPU (the fastest of three tries, as the machine may be loaded). */
    private static FormatException refusedQuickly(String xml, String source) {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        FormatException e = null;
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && fastest >= 1_000_000_000L; attempt++) {
            long start = THREADS.getCurrentThreadCpuTime();
            e = catchThrowableOfType(FormatException.class, () -> XmlReader.read(bytes, source));
            fastest = Math.min(fastest, THREADS.getCurrentThreadCpuTime() - start);
            assertThat(e).as("a FormatException").isNotNull();
        }
        assertThat(fastest).as("CPU nanoseconds").isLessThan(1_000_000_000L);
        return e;
    }

    @Test
    void elementsNestedAHundredThousandDeepAreRefusedAtTheLimit() {
        FormatException e = refusedQuickly(HostileTexts.nestedXml(100_000), "deep.xml");
        assertThat(e.problem()).contains("elements nested more than " + ReadLimits.MAX_DEPTH + " levels");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).startsWith("negotiation_template/objective/objective");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        assertThat(XmlReader.read(HostileTexts.nestedXml(ReadLimits.MAX_DEPTH - 1).getBytes(StandardCharsets.UTF_8), "ok.xml").name())
                .isEqualTo("negotiation_template");
    }

    @Test
    void entitiesAreNeverExpanded() {
        FormatException e = refusedQuickly(HostileTexts.entityBomb(), "lolz.xml");
        assertThat(e.getMessage()).containsAnyOf("entity", "Entity");
    }

    @Test
    void aMillionCharacterAttributeIsRefused() {
        FormatException e = refusedQuickly("<negotiation_template name=\"" + "x".repeat(1_000_000) + "\"/>", "long.xml");
        assertThat(e.problem()).contains("1000000 characters", String.valueOf(ReadLimits.MAX_TEXT_CHARS));
        assertThat(e.field()).isEqualTo("negotiation_template@name");
    }
}

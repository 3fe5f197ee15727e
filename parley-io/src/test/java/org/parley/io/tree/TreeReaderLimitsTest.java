package org.parley.io.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.parley.io.FormatException;
import org.parley.io.HostileTexts;
import org.parley.io.ReadLimits;

/**
 * Hostile YAML and JSON: each is refused with an error naming the limit it passed, after less than
 * a second of the reading thread's CPU (CPU time, not wall time: the test machine may be loaded).
 * {@link org.parley.io.HostileFilesTest} reads the same files in a JVM with a small heap.
 */
class TreeReaderLimitsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static String longText(int length) {
        return "x".repeat(length);
    }

    /**
     * The error, and that finding it took less than a second of this thread's CPU: the fastest of
     * three tries, since even CPU time varies severalfold on a loaded machine.
     */
    private static FormatException refusedQuickly(Supplier<Node> read) {
        FormatException e = null;
        long fastest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && fastest >= 1_000_000_000L; attempt++) {
            long start = THREADS.getCurrentThreadCpuTime();
            e = catchThrowableOfType(FormatException.class, read::get);
            fastest = Math.min(fastest, THREADS.getCurrentThreadCpuTime() - start);
            assertThat(e).as("a FormatException").isNotNull();
        }
        assertThat(fastest).as("CPU nanoseconds to refuse it").isLessThan(1_000_000_000L);
        return e;
    }

    @Test
    void anAliasBombIsRefusedOnceItsAliasesRepeatTooMuch() {
        String bomb = HostileTexts.aliasBomb(9);
        assertThat(bomb.length()).isLessThan(800);
        FormatException e = refusedQuickly(() -> TreeReader.readYaml(bomb, "bomb.yaml"));
        assertThat(e.problem()).contains("aliases", String.valueOf(ReadLimits.MAX_ALIAS_NODES));
        assertThat(e.line()).isBetween(5, 7);
    }

    @Test
    void aliasesThatShareATableAreCopiedWithTheirOwnPaths() {
        Node root = TreeReader.readYaml("""
                a: &points {red: 10, green: 0}
                b: *points
                """, "shared.yaml");
        Node.MapNode b = root.asMap().get("b").asMap();
        assertThat(b.get("red").asDouble()).isEqualTo(10);
        assertThat(b.get("red").path()).isEqualTo("b.red");
        assertThat(b.get("red").line()).isEqualTo(1);
        assertThat(root.asMap().get("a").asMap().get("red").path()).isEqualTo("a.red");
    }

    @Test
    void anAliasInsideItsOwnAnchorIsRefused() {
        FormatException e = catchThrowableOfType(FormatException.class,
                () -> TreeReader.readYaml("a: &x [1, *x]\n", "loop.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("loop.yaml:1:");
    }

    @Test
    void yamlNestedAHundredThousandDeepIsRefusedAtTheLimit() {
        for (String yaml : new String[] {HostileTexts.nestedFlow(100_000), HostileTexts.nestedBlock(100_000)}) {
            FormatException e = refusedQuickly(() -> TreeReader.readYaml(yaml, "deep.yaml"));
            assertThat(e.problem()).contains("nested more than " + ReadLimits.MAX_DEPTH + " levels");
            assertThat(e.line()).isEqualTo(1);
        }
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        assertThat(TreeReader.readYaml(HostileTexts.nestedFlow(ReadLimits.MAX_DEPTH), "ok.yaml")).isInstanceOf(Node.ListNode.class);
        assertThat(TreeReader.readJson(HostileTexts.nestedFlow(ReadLimits.MAX_DEPTH), "ok.json")).isInstanceOf(Node.ListNode.class);
        assertThat(catchThrowableOfType(FormatException.class,
                () -> TreeReader.readYaml(HostileTexts.nestedFlow(ReadLimits.MAX_DEPTH + 1), "deep.yaml"))).isNotNull();
        assertThat(catchThrowableOfType(FormatException.class,
                () -> TreeReader.readJson(HostileTexts.nestedFlow(ReadLimits.MAX_DEPTH + 1), "deep.json"))).isNotNull();
    }

    @Test
    void anAliasCannotCarryNestingPastTheLimit() {
        String deep = HostileTexts.nestedFlow(60);
        FormatException e = catchThrowableOfType(FormatException.class,
                () -> TreeReader.readYaml("a: &d " + deep + "\nb: " + HostileTexts.nestedFlow(50).replace("[]", "[*d]") + "\n",
                        "deep.yaml"));
        assertThat(e).isNotNull();
        assertThat(e.problem()).contains("aliases expanded");
    }

    @Test
    void jsonNestedAHundredThousandDeepIsRefusedAtTheLimit() {
        FormatException e = refusedQuickly(() -> TreeReader.readJson(HostileTexts.nestedFlow(100_000), "deep.json"));
        assertThat(e.problem()).contains("nested more than " + ReadLimits.MAX_DEPTH + " levels");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isBetween(ReadLimits.MAX_DEPTH - 1, ReadLimits.MAX_DEPTH + 2);
    }

    @Test
    void aMillionCharacterValueIsRefusedInYamlAndJson() {
        String text = longText(1_000_000);
        FormatException yaml = refusedQuickly(() -> TreeReader.readYaml("name: " + text + "\n", "long.yaml"));
        assertThat(yaml.problem()).contains("1000000 characters", String.valueOf(ReadLimits.MAX_TEXT_CHARS));
        assertThat(yaml.field()).isEqualTo("name");
        FormatException quoted = refusedQuickly(() -> TreeReader.readYaml("name: \"" + text + "\"\n", "long.yaml"));
        assertThat(quoted.problem()).contains(String.valueOf(ReadLimits.MAX_TEXT_CHARS));
        FormatException json = refusedQuickly(() -> TreeReader.readJson("{\"name\": \"" + text + "\"}", "long.json"));
        assertThat(json.problem()).contains("value", String.valueOf(ReadLimits.MAX_TEXT_CHARS));
        FormatException key = refusedQuickly(() -> TreeReader.readJson("{\"" + text + "\": 1}", "long.json"));
        assertThat(key.problem()).contains("key", String.valueOf(ReadLimits.MAX_TEXT_CHARS));
        assertThat(key.line()).isEqualTo(1);
        FormatException yamlKey = refusedQuickly(() -> TreeReader.readYaml(text + ": 1\n", "long.yaml"));
        assertThat(yamlKey.problem()).contains(String.valueOf(ReadLimits.MAX_TEXT_CHARS));
    }

    /**
     * Memory, not only CPU: the bytes this thread allocates while refusing a long YAML line (plain,
     * quoted, a key, an anchor). Counted by the JVM, so neither the machine's load nor a collector
     * running on other threads hides them; snakeyaml-engine's 1,024-character reads allocated 4 GB
     * (and took 13 s of wall time in the CLI) for one 10^6-character value.
     */
    @Test
    void aMillionCharacterLineIsRefusedAfterAllocatingLittleMoreThanItsText() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        String text = longText(1_000_000);
        for (String yaml : new String[] {"name: " + text + "\n", "name: \"" + text + "\"\n", text + ": 1\n",
                "a: &" + text + " 1\n", "a: !" + text + " 1\n"}) {
            long before = threads.getCurrentThreadAllocatedBytes();
            FormatException e = catchThrowableOfType(FormatException.class, () -> TreeReader.readYaml(yaml, "long.yaml"));
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(e).as(yaml.substring(0, 8)).isNotNull();
            // The text's code points once (4 MB), the buffer (2 MB), the scalar being built; not n².
            assertThat(allocated).as("bytes allocated refusing " + yaml.substring(0, 8)).isLessThan(64L << 20);
        }
    }

    @Test
    void aLongDocumentOnOneLineReadsInOnePass() {
        // Minified JSON saved as .yaml: 200,000 values on one line, 2 MB, read by the YAML reader.
        StringBuilder line = new StringBuilder("{\"values\": [");
        for (int i = 0; i < 200_000; i++) {
            line.append(i == 0 ? "" : ",").append(i % 10);
        }
        String yaml = line.append("]}").toString();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        long before = threads.getCurrentThreadAllocatedBytes();
        Node root = TreeReader.readYaml(yaml, "minified.yaml");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(root.asMap().get("values").asList().items()).hasSize(200_000);
        assertThat(allocated).as("bytes allocated").isLessThan(512L << 20);
    }

    @Test
    void aValueAtTheLimitIsRead() {
        String text = longText(ReadLimits.MAX_TEXT_CHARS);
        assertThat(TreeReader.readYaml("name: " + text + "\n", "ok.yaml").asMap().get("name").asString()).hasSize(
                ReadLimits.MAX_TEXT_CHARS);
        assertThat(TreeReader.readJson("{\"name\": \"" + text + "\"}", "ok.json").asMap().get("name").asString())
                .hasSize(ReadLimits.MAX_TEXT_CHARS);
    }

    @Test
    void aTextLongerThanTheDocumentLimitIsRefusedBeforeParsing() {
        String text = "#".repeat(ReadLimits.MAX_DOCUMENT_CHARS + 1);
        FormatException yaml = refusedQuickly(() -> TreeReader.readYaml(text, "big.yaml"));
        assertThat(yaml.problem()).contains("67.1 MB");
        FormatException json = refusedQuickly(() -> TreeReader.readJson(text, "big.json"));
        assertThat(json.problem()).contains("67.1 MB");
    }

    @Test
    void aSecondYamlDocumentIsRefused() {
        FormatException e = catchThrowableOfType(FormatException.class,
                () -> TreeReader.readYaml("a: 1\n---\nb: 2\n", "two.yaml"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("second");
    }

    @Test
    void quotedValuesAreTextAndPlainOnesAreNot() {
        Node.MapNode yaml = TreeReader.readYaml("a: \"0.5\"\nb: 0.5\nc: '1'\nd: !!str 2\ne: |\n  3\nf: null\ng:\n", "q.yaml")
                .asMap();
        assertThat(yaml.get("a").asScalar().quoted()).isTrue();
        assertThat(yaml.get("b").asScalar().quoted()).isFalse();
        assertThat(yaml.get("c").asScalar().quoted()).isTrue();
        assertThat(yaml.get("d").asScalar().quoted()).isTrue();
        assertThat(yaml.get("e").asScalar().quoted()).isTrue();
        assertThat(yaml.has("f")).isFalse();
        assertThat(yaml.has("g")).isFalse();
        Node.MapNode json = TreeReader.readJson("{\"a\": \"0.5\", \"b\": 0.5}", "q.json").asMap();
        assertThat(json.get("a").asScalar().quoted()).isTrue();
        assertThat(json.get("b").asScalar().quoted()).isFalse();
    }

    @Test
    void numbersAreDecimalAsYamlAndJsonWriteThem() {
        Node.MapNode map = TreeReader.readYaml("a: 1e400\nb: 0x10\nc: 1d\nd: NaN\ne: -.5\nf: +2E3\ng: 7\n", "n.yaml")
                .asMap();
        assertThat(catchThrowableOfType(FormatException.class, () -> map.get("a").asDouble()).problem())
                .contains("beyond the range of a double");
        for (String key : new String[] {"b", "c", "d"}) {
            assertThat(catchThrowableOfType(FormatException.class, () -> map.get(key).asDouble()).problem())
                    .startsWith("expected a number");
        }
        assertThat(map.get("e").asDouble()).isEqualTo(-0.5);
        assertThat(map.get("f").asDouble()).isEqualTo(2000);
        assertThat(map.get("g").asLong()).isEqualTo(7);
        assertThat(map.get("f").asLong()).isEqualTo(2000);
    }

    @Test
    void aHundredThousandDigitValueIsCheckedInLinearTime() {
        String digits = "1".repeat(ReadLimits.MAX_TEXT_CHARS - 1) + "x";
        Node node = TreeReader.readYaml("a: " + digits + "\n", "n.yaml").asMap().get("a");
        long start = THREADS.getCurrentThreadCpuTime();
        assertThat(catchThrowableOfType(FormatException.class, node::asDouble)).isNotNull();
        assertThat(THREADS.getCurrentThreadCpuTime() - start).isLessThan(1_000_000_000L);
    }
}

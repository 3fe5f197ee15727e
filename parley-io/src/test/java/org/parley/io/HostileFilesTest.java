package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files of issue 16 read in a separate JVM with a 48 MB heap, as the CLI reads them:
 * the YAML alias bomb, YAML, JSON and XML nested 10^5 deep, XML entity expansion, 10^6-character
 * values and a file beyond the size limit. Each must be refused with an error naming its limit
 * (not die of memory or stack), after less than a second of the reading thread's CPU.
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    @Test
    void everyHostileFileIsRefusedInASmallHeapWithinASecond() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        write("bomb.yaml", "name: bomb\n" + HostileTexts.aliasBomb(9), expected,
                "aliases");
        write("deep-flow.yaml", HostileTexts.nestedFlow(100_000), expected, "nested more than 100 levels");
        write("deep-block.yaml", HostileTexts.nestedBlock(100_000), expected, "nested more than 100 levels");
        write("deep.json", "{\"name\": " + HostileTexts.nestedFlow(100_000) + "}", expected,
                "nested more than 100 levels");
        write("deep.xml", HostileTexts.nestedXml(100_000), expected, "nested more than 100 levels");
        write("lolz.xml", HostileTexts.entityBomb(), expected, "ntit");
        String million = "x".repeat(1_000_000);
        write("long.yaml", "name: " + million + "\n", expected, "1000000 characters long");
        write("long.json", "{\"name\": \"" + million + "\"}", expected, "longer than the 100000 characters");
        write("long.xml", "<negotiation_template name=\"" + million + "\"/>", expected, "1000000 characters long");
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(ReadLimits.MAX_DOCUMENT_CHARS + 1L);
        }
        expected.put("big.yaml", "more than the 67.1 MB");

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-Xss512k", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HostileFileProbe.class.getName(), Path.of("../scenarios/tavrik-accord.yaml").toAbsolutePath().toString()));
        expected.keySet().forEach(name -> command.add(dir.resolve(name).toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).hasSize(expected.size() + 1);
        assertThat(lines.get(0)).as("a real scenario reads in the same heap").startsWith("tavrik-accord.yaml\tok\t");
        int i = 1;
        for (var entry : expected.entrySet()) {
            String[] fields = lines.get(i++).split("\t", 4);
            assertThat(fields[0]).isEqualTo(entry.getKey());
            assertThat(fields[1]).as(entry.getKey() + ": " + fields[3]).isEqualTo("refused");
            assertThat(fields[3]).as(entry.getKey()).contains(entry.getKey()).contains(entry.getValue());
            assertThat(Long.parseLong(fields[2])).as(entry.getKey() + ": CPU milliseconds").isLessThan(1000);
        }
    }

    private void write(String name, String text, Map<String, String> expected, String problem) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        expected.put(name, problem);
    }
}

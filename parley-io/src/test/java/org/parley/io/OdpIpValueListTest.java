package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.coalition.GameGenerator;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.ValueDistribution;

class OdpIpValueListTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /* 2^17 lines, some 2.6 MB: lines cross the 1 MiB reads. */
    @Test
    void roundTripOfALargeTable() throws IOException {
        TableGame game = GameGenerator.generate(ValueDistribution.AGENT_BASED, 17, 4);
        StringWriter text = new StringWriter();
        OdpIpValueList.write(game, text);
        TableGame read = OdpIpValueList.read(write("large.txt", text.toString()));
        assertThat(read.players()).isEqualTo(17);
        assertThat(read.toArray()).containsExactly(game.toArray());
    }

    /*
     * Every line a plain decimal, as Double.toString writes it or as people and other tools do (few or
     * many digits, exponents, signs, a point at either end): the same double as Double.parseDouble,
     * to the bit.
     */
    @Property(tries = 40)
    void sameDoublesAsDoubleParseDouble(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        lines.add("0");
        // Either side of the exact fast path: 2^53, 10^22, 18 digits.
        lines.addAll(List.of("9007199254740992", "9007199254740993", "-9007199254740992.0", "1e22", "1e23", "1e-22",
                "1e-23", "123456789012345678", "1234567890123456789", "-0", "-0.000", "0.1", "4.35", "17.576618585551888",
                "0.047901182844241275", "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157E308"));
        while (lines.size() < 512) {
            lines.add(randomDecimal(random));
        }
        // jqwik does not inject @TempDir into properties.
        Path file = Files.createTempFile("parley-values", ".txt");
        double[] read;
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
            read = OdpIpValueList.read(file).toArray();
        } finally {
            Files.delete(file);
        }
        for (int i = 0; i < lines.size(); i++) {
            assertThat(Double.doubleToRawLongBits(read[i])).as("line (%s)", lines.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(lines.get(i))));
        }
    }

    private static String randomDecimal(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 1:
                return Double.toString(Double.longBitsToDouble(random.nextLong() & 0x7FEFFFFFFFFFFFFFL));
            case 2:
                return Long.toString(random.nextLong() % 1_000_000_000_000L);
            default:
                StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "");
                int before = random.nextInt(22);
                for (int i = 0; i < before; i++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
                text.append('.');
                int after = random.nextInt(25) + (before == 0 ? 1 : 0);
                for (int i = 0; i < after; i++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
                if (random.nextBoolean()) {
                    // Finite: at most 10^(21 + 279).
                    text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(580) - 300);
                }
                return text.toString();
        }
    }

    /*
     * Lines end as BufferedReader.readLine ends them (\n, \r\n, \r), a byte order mark and spaces or
     * tabs around a value are ignored, blank lines at the end too, and every form Double.parseDouble
     * reads is still read.
     */
    @Test
    void lineEndsSpacesAndOtherForms() throws IOException {
        String text = "\uFEFF0\r\n 1.5E9\t\r+.5\n5.\r\n0x1p3\n2d\r  -7  \n1e-3\n\n\r\n";
        TableGame game = OdpIpValueList.read(write("forms.txt", text));
        assertThat(game.toArray()).containsExactly(0, 1.5e9, 0.5, 5, 8, 2, -7, 0.001);
    }

    /* A \r\n split by the end of the first 1 MiB read is one line end, not two. */
    @Test
    void crLfAcrossTheBuffer() throws IOException {
        StringBuilder text = new StringBuilder("0\r\n");
        int lines = 1;
        int padded = (1 << 20) - 1 - text.length() - "1".length();
        text.append(" ".repeat(padded)).append("1\r\n");
        lines++;
        assertThat(text.indexOf("\r", text.length() - 2)).isEqualTo((1 << 20) - 1);
        for (; lines < 8; lines++) {
            text.append(lines).append("\r\n");
        }
        TableGame game = OdpIpValueList.read(write("crlf.txt", text.toString()));
        assertThat(game.toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    /* A line longer than the buffer (a value after 3 MB of spaces) grows it. */
    @Test
    void lineLongerThanTheBuffer() throws IOException {
        String text = "0\n" + " ".repeat(3 << 20) + "4.25\n";
        assertThat(OdpIpValueList.read(write("long.txt", text)).toArray()).containsExactly(0, 4.25);
    }

    @Test
    void mistakesNameTheLine() throws IOException {
        assertThatThrownBy(() -> OdpIpValueList.read(write("word.txt", "0\n1\nabc\n3\n")))
                .isInstanceOf(FormatException.class)
                .hasMessage(dir.resolve("word.txt") + ":3:1: expected a number (the value of coalition 2), found (abc)");
        for (String bad : List.of("1,5", "--1", "1e", ".", "e5", "1.2.3", "1 2", "½")) {
            assertThatThrownBy(() -> OdpIpValueList.read(write("bad.txt", "0\r" + bad + "\r")))
                    .as(bad).hasMessageContaining("bad.txt:2:1: expected a number (the value of coalition 1), found ("
                            + bad + ")");
        }
        assertThatThrownBy(() -> OdpIpValueList.read(write("huge.txt", "0\n1e999\n")))
                .hasMessageContaining("huge.txt:2:1: expected a finite number, found (1e999)");
        assertThatThrownBy(() -> OdpIpValueList.read(write("first.txt", "0.5\n1\n")))
                .hasMessageContaining("first.txt:1:1: line 1 is the value of the empty coalition and must be 0,"
                        + " found (0.5)");
        assertThatThrownBy(() -> OdpIpValueList.read(write("three.txt", "0\n1\n2\n")))
                .hasMessageContaining("three.txt:3: found 3 values; an ODP-IP file has 2^n lines (one per coalition),"
                        + " e.g. 2 or 4");
        assertThatThrownBy(() -> OdpIpValueList.read(write("hole.txt", "0\n1\n \n2\n3\n")))
                .hasMessageContaining("hole.txt:3: an empty line inside the value list");
        assertThatThrownBy(() -> OdpIpValueList.read(write("latin1.txt", new byte[] {'0', '\n', '1', (byte) 0xE9, '\n'})))
                .hasMessageContaining("latin1.txt:2:1: expected a number (the value of coalition 1)");
        assertThatThrownBy(() -> OdpIpValueList.read(write("empty.txt", "\n\n")))
                .hasMessageContaining("empty.txt:1:1: the file is empty");
        assertThatThrownBy(() -> OdpIpValueList.read(dir)).isInstanceOf(FormatException.class)
                .hasMessageContaining("cannot be read");
    }
}

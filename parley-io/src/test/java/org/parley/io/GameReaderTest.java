package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.coalition.CoalitionalGame;
import org.parley.core.coalition.GameGenerator;
import org.parley.core.coalition.TableGame;
import org.parley.core.coalition.ValueDistribution;
import org.parley.core.coalition.WeightedVotingGame;
import org.parley.io.tree.TreeReader;

class GameReaderTest {

    @TempDir
    Path dir;

    private static CoalitionalGame yaml(String text) {
        return GameReader.parse(TreeReader.readYaml(text, "game.yaml")).game();
    }

    @Test
    void weightedVotingByListAndByName() {
        CoalitionalGame list = yaml("players: [a, b, c]\nquota: 3\nweights: [2, 1, 1]\n");
        CoalitionalGame map = yaml("quota: 3\nweights: {a: 2, b: 1, c: 1}\n");
        assertThat(list).isInstanceOf(WeightedVotingGame.class);
        assertThat(map.names()).containsExactly("a", "b", "c");
        for (long s = 0; s < 8; s++) {
            assertThat(map.value(s)).isEqualTo(list.value(s));
        }
        assertThat(list.value(0b011)).isEqualTo(1);
        assertThat(list.value(0b110)).isEqualTo(0);
    }

    @Test
    void tableAndNamedValues() {
        CoalitionalGame table = yaml("players: [a, b]\ntable: [0, 1, 2, 4]\n");
        CoalitionalGame values = yaml("players: [a, b]\nvalues:\n  a: 1\n  b: 2\n  a+b: 4\n");
        for (long s = 0; s < 4; s++) {
            assertThat(values.value(s)).isEqualTo(table.value(s));
        }
    }

    @Test
    void locatedMistakes() {
        assertThatThrownBy(() -> yaml("players: [a, b]\ntable: [1, 1, 2, 4]\n")).isInstanceOf(FormatException.class)
                .hasMessage("game.yaml:2:9: table[0]: the first value is v(∅) and must be 0, found (1)");
        assertThatThrownBy(() -> yaml("players: [a, b]\ntable: [0, 1, 2]\n"))
                .hasMessageContaining("game.yaml:2:8: table: a table holds 2^n values");
        assertThatThrownBy(() -> yaml("quota: 3\nweights: [2, -1]\n")).hasMessageContaining("game.yaml:2:14")
                .hasMessageContaining("from 0 to 10^12");
        assertThatThrownBy(() -> yaml("players: [a, a]\nquota: 1\nweights: [1, 1]\n"))
                .hasMessageContaining("listed twice (first on line 1)");
        assertThatThrownBy(() -> yaml("players: [a, b]\nquota: 1\ntable: [0, 1, 1, 1]\n"))
                .hasMessageContaining("give only one of");
        assertThatThrownBy(() -> yaml("players: [a]\nquotum: 1\n")).hasMessageContaining("unknown field (quotum)")
                .hasMessageContaining("did you mean (quota)?");
    }

    @Test
    void odpIpRoundTrip() throws Exception {
        TableGame game = GameGenerator.generate(ValueDistribution.NDCS, 6, 9);
        StringWriter text = new StringWriter();
        GameReader.writeOdpIp(game, text);
        Path file = dir.resolve("game.txt");
        Files.writeString(file, text.toString() + "\n\n");
        TableGame read = GameReader.readOdpIp(file);
        assertThat(read.toArray()).containsExactly(game.toArray());
    }

    @Test
    void odpIpMistakes() throws Exception {
        Path blank = dir.resolve("blank.txt");
        Files.writeString(blank, "0\n\n1\n2\n");
        assertThatThrownBy(() -> GameReader.readOdpIp(blank)).hasMessageContaining("blank.txt:2: an empty line");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> GameReader.readOdpIp(empty)).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> GameReader.readOdpIp(dir.resolve("none.txt"))).hasMessageContaining("no such file");
        Path nan = dir.resolve("nan.txt");
        Files.writeString(nan, "0\nNaN\n");
        assertThatThrownBy(() -> GameReader.readOdpIp(nan)).hasMessageContaining("nan.txt:2:1: expected a finite number");
    }
}

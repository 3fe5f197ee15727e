package org.parley.io.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Scenario;
import org.parley.core.world.World;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;

class WorldReaderTest {

    /** The project's scenarios, by file name, whatever folder a world names them in: what a server offers. */
    static final Function<String, Scenario> BUILT_IN = name -> {
        String file = Path.of(name).getFileName().toString();
        Path path = Path.of("..", "scenarios", file);
        if (!path.toFile().isFile()) {
            throw new IllegalArgumentException("no built-in scenario (" + file + ")");
        }
        return ScenarioReader.read(path);
    };

    static final String SMALL = """
            name: small
            powers:
              federation: {strategy: conceder}
              kaldari: {strategy: linear, honour: never}
            negotiations:
              - scenario: ../scenarios/cardassian-talks.yaml
                roles: {federation: federation, union: kaldari}
              - generate: {parties: 2, issues: 3, options: 3, seed: 4}
                roles: [kaldari, federation]
                repeat: 2
            """;

    @Test
    void aWorldsTextReadsWithTheScenariosItIsOffered() {
        World world = WorldReader.read(SMALL, "small.yaml", BUILT_IN, 10);
        assertThat(world.powerNames()).containsExactly("federation", "kaldari");
        assertThat(world.meetings()).hasSize(3);
        assertThat(world.meetings().get(0).scenario().name()).isEqualTo("cardassian-talks");
        assertThat(world.power("kaldari").honour()).isEqualTo(World.Honour.NEVER);
    }

    @Test
    void theSectorReadsFromItsTextAsFromItsFile() throws Exception {
        Path file = Path.of("..", "worlds", "sector.yaml");
        World fromFile = WorldReader.read(file);
        World fromText = WorldReader.read(java.nio.file.Files.readString(file), "sector.yaml", BUILT_IN, 100);
        assertThat(fromText.meetings()).hasSize(fromFile.meetings().size());
        assertThat(fromText.powers()).isEqualTo(fromFile.powers());
    }

    @Test
    void mistakesNameTheLineAndTheField() {
        assertThatThrownBy(() -> WorldReader.read(SMALL.replace("union: kaldari", "union: klingons"), "w.yaml",
                BUILT_IN, 10)).isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.getMessage()).contains("unknown power (klingons)");
                });
        assertThatThrownBy(() -> WorldReader.read(SMALL.replace("cardassian-talks", "nowhere"), "w.yaml", BUILT_IN, 10))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(6);
                    assertThat(e.getMessage()).contains("no built-in scenario (nowhere.yaml)");
                });
        assertThatThrownBy(() -> WorldReader.read(SMALL, "w.yaml", BUILT_IN, 2))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.getMessage()).contains("at most 2 negotiations");
                });
        assertThatThrownBy(() -> WorldReader.read(SMALL.replace("repeat: 2", "repeat: 2000000000"), "w.yaml",
                BUILT_IN, 10)).hasMessageContaining("at most 10 negotiations");
        assertThatThrownBy(() -> WorldReader.read("name: [", "w.yaml", BUILT_IN, 10))
                .isInstanceOf(FormatException.class);
    }
}

package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.io.FormatException;

/** Finding every scenario under a folder: an ANAC year's folder, or a mix of formats. */
class ScenarioDiscoveryTest {

    static final Path SAMPLES = SampleImportTest.SAMPLES;

    @TempDir
    Path dir;

    @Test
    void anAnacYearsFolderIsOneScenarioPerDomainFolder() {
        List<Path> found = ScenarioImport.discover(SAMPLES.resolve("genius/y2011"));
        assertThat(found).extracting(p -> p.getFileName().toString()).containsExactly("Amsterdam", "Camera", "Car",
                "Energy", "Grocery", "IS_BT_Acquisition", "Laptop", "NiceOrDie");
        // Each reads as a whole scenario, with the format that claims it.
        for (Path path : found) {
            assertThat(ScenarioImport.load(path).scenario().parties()).as(path.toString()).hasSize(2);
        }
    }

    @Test
    void theWholeSampleTreeHoldsBothYearsAndBothFormats() {
        List<Path> found = ScenarioImport.discover(SAMPLES);
        assertThat(found).hasSize(3 + 8 + 2);
        assertThat(found.get(0)).isEqualTo(SAMPLES.resolve("genius/y2010/EnglandZimbabwe"));
        assertThat(found.get(found.size() - 1)).isEqualTo(SAMPLES.resolve("geniusweb/FlightBooking"));
    }

    @Test
    void parleyFilesAreOneScenarioEachBesideForeignFoldersAndStrayFilesArePassedOver() throws IOException {
        Files.copy(Path.of("../scenarios/tavrik-accord.yaml"), dir.resolve("b-tavrik.yaml"));
        Files.copy(Path.of("../scenarios/cardassian-talks.yaml"), dir.resolve("a-talks.yml"));
        Files.writeString(dir.resolve("README.md"), "notes");
        Files.writeString(dir.resolve(".hidden.yaml"), "not: [read");
        Path laptop = dir.resolve("nested/laptop");
        Files.createDirectories(laptop);
        try (var files = Files.list(SAMPLES.resolve("genius/y2011/Laptop"))) {
            for (Path file : files.toList()) {
                Files.copy(file, laptop.resolve(file.getFileName()));
            }
        }
        assertThat(ScenarioImport.discover(dir)).containsExactly(dir.resolve("a-talks.yml"), dir.resolve("b-tavrik.yaml"),
                laptop);
        // A file is itself.
        assertThat(ScenarioImport.discover(dir.resolve("a-talks.yml"))).containsExactly(dir.resolve("a-talks.yml"));
    }

    @Test
    void aFolderWithNoScenarioOrNoFolderAtAllIsAClearError() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "nothing here");
        assertThatThrownBy(() -> ScenarioImport.discover(dir)).isInstanceOf(FormatException.class)
                .hasMessageStartingWith(dir + ": holds no scenario Parley reads");
        assertThatThrownBy(() -> ScenarioImport.discover(dir.resolve("missing"))).isInstanceOf(FormatException.class)
                .hasMessage(dir.resolve("missing") + ": no such file or folder");
    }
}

package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.Scenario;
import org.parley.io.FormatException;
import org.parley.io.ScenarioReader;
import org.parley.io.genius.GeniusFormat;
import org.parley.io.geniusweb.GeniusWebFormat;

class ScenarioFormatsTest {

    static final Path SAMPLES = SampleImportTest.SAMPLES;
    static final Path LAPTOP = SAMPLES.resolve("genius/y2011/Laptop");
    static final Path FITNESS = SAMPLES.resolve("geniusweb/Fitness");

    @TempDir
    Path dir;

    @Test
    void theBuiltInFormatsAreFoundByKeyAndAlias() {
        assertThat(ScenarioFormats.registry().keys()).containsExactly("parley", "genius", "geniusweb");
        assertThat(ScenarioFormats.get("yaml")).isEqualTo(new ParleyFormat());
        assertThat(ScenarioFormats.get("XML")).isEqualTo(new GeniusFormat());
        assertThat(ScenarioFormats.get("GeniusWeb")).isEqualTo(new GeniusWebFormat());
        assertThat(ScenarioFormats.get("genius-web")).isEqualTo(new GeniusWebFormat());
        assertThat(ScenarioFormats.writable()).hasSize(3);
        assertThatThrownBy(() -> ScenarioFormats.get("negmas")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown scenario format (negmas); the scenario formats are parley, genius, geniusweb.");
    }

    @Test
    void eachFormatRecognizesItsOwnFilesAndFoldersOnly() {
        Path yaml = Path.of("../scenarios/tavrik-accord.yaml");
        Path domain = LAPTOP.resolve("laptop_domain.xml");
        Path profile = FITNESS.resolve("fitness1.json");
        assertThat(recognizers(yaml)).containsExactly("parley");
        assertThat(recognizers(domain)).containsExactly("genius");
        assertThat(recognizers(LAPTOP)).containsExactly("genius");
        assertThat(recognizers(profile)).containsExactly("geniusweb");
        assertThat(recognizers(FITNESS)).containsExactly("geniusweb");
    }

    @Test
    void parleyJsonIsToldFromGeniusWebJsonByItsContent() throws IOException {
        Scenario scenario = ScenarioReader.read(Path.of("../scenarios/tavrik-accord.yaml"));
        Path json = dir.resolve("tavrik.json");
        org.parley.io.ScenarioWriter.write(scenario, json);
        assertThat(recognizers(json)).containsExactly("parley");
        Imported imported = ScenarioImport.load(json);
        assertThat(imported.format()).isEqualTo(new ParleyFormat());
        assertThat(imported.scenario().name()).isEqualTo("tavrik-accord");
        // A JSON file of neither shape is no format's: the message lists what each format reads.
        Path other = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1\"}");
        assertThatThrownBy(() -> ScenarioImport.load(other)).isInstanceOf(FormatException.class)
                .hasMessage(other + ": unknown kind of file; expected .yaml or .yml or .json (Parley), .xml (GENIUS),"
                        + " .json (GeniusWeb)");
    }

    @Test
    void aFolderTwoFormatsClaimIsAnErrorNamingThemAndTheFlag() throws IOException {
        Path both = Files.createDirectories(dir.resolve("both"));
        for (Path file : List.of(LAPTOP.resolve("laptop_domain.xml"), LAPTOP.resolve("laptop_buyer_utility.xml"),
                FITNESS.resolve("fitness.json"), FITNESS.resolve("fitness1.json"))) {
            Files.copy(file, both.resolve(file.getFileName()));
        }
        assertThatThrownBy(() -> ScenarioImport.load(both)).isInstanceOf(FormatException.class)
                .hasMessage(both + ": it could be read as GENIUS or GeniusWeb; name the format with parley import"
                        + " --format genius|geniusweb");
        // Named, the format reads what it recognizes and ignores the rest.
        Imported genius = ScenarioImport.load(List.of(both), new GeniusFormat());
        assertThat(genius.scenario().name()).isEqualTo("laptop");
        assertThat(genius.format()).isEqualTo(new GeniusFormat());
    }

    @Test
    void filesOfTwoFormatsAreNotOneScenario() {
        Path xml = LAPTOP.resolve("laptop_domain.xml");
        Path json = FITNESS.resolve("fitness1.json");
        assertThatThrownBy(() -> ScenarioImport.load(List.of(xml, json))).isInstanceOf(FormatException.class)
                .hasMessage(json + ": is a GeniusWeb file but " + xml + " is a GENIUS file; one scenario is in one format");
    }

    @Test
    void detectionAsksEveryFormatAndNeedsExactlyOne() {
        Path yaml = Path.of("../scenarios/tavrik-accord.yaml");
        ScenarioFormat greedy = new AnyFileFormat();
        assertThat(ScenarioImport.detect(List.of(yaml), List.of(new GeniusFormat(), new ParleyFormat())))
                .isEqualTo(new ParleyFormat());
        assertThatThrownBy(() -> ScenarioImport.detect(List.of(yaml), List.of(new ParleyFormat(), greedy)))
                .hasMessageContaining("could be read as Parley or anything");
    }

    @Test
    void exportToAReadOnlyFormatSaysWhichFormatsWrite() {
        Scenario scenario = ScenarioReader.read(Path.of("../scenarios/tavrik-accord.yaml"));
        assertThatThrownBy(() -> ScenarioExport.export(scenario, new AnyFileFormat(), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The anything format is read only; the formats that write are parley, genius, geniusweb.");
    }

    @Test
    void theParleyFormatWritesOneYamlFileThatReadsBackEqual() {
        Scenario scenario = ScenarioReader.read(Path.of("../scenarios/tavrik-accord.yaml"));
        Exported exported = ScenarioExport.export(scenario, ScenarioFormats.get("parley"), dir.resolve("out"));
        assertThat(exported.files()).containsExactly(dir.resolve("out").resolve("tavrik-accord.yaml"));
        assertThat(ScenarioReader.read(exported.files().get(0))).isEqualTo(scenario);
    }

    private static List<String> recognizers(Path path) {
        return ScenarioFormats.all().stream().filter(f -> f.recognizes(path)).map(ScenarioFormat::key).toList();
    }

    /** A format that claims every file and reads none: for detection's ambiguity and read-only export. */
    private static final class AnyFileFormat implements ScenarioFormat {
        @Override
        public String key() {
            return "anything";
        }

        @Override
        public String title() {
            return "anything";
        }

        @Override
        public String description() {
            return "every file";
        }

        @Override
        public List<String> extensions() {
            return List.of(".*");
        }

        @Override
        public boolean recognizes(Path path) {
            return true;
        }

        @Override
        public Imported read(List<Path> paths) {
            throw new UnsupportedOperationException();
        }
    }
}

package org.parley.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.analysis.AnalysisProblem;
import org.parley.core.analysis.OutcomeAnalyzer;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.preference.HyperRectangleUtility;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.geniusweb.GeniusWebFormat;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioExport;
import org.parley.io.interop.ScenarioImport;

/** GENIUS's non-linear (hyper-rectangle) utility spaces: read, kept in Parley's format, written back, analysed. */
class NonlinearGeniusTest {

    @TempDir
    Path dir;

    static final String DOMAIN = """
            <negotiation_template><utility_space number_of_issues="2">
            <objective index="0" name="root" type="objective" etype="objective">
            <issue index="1" name="x" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5"/>
            <issue index="2" name="y" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5"/>
            </objective></utility_space></negotiation_template>
            """;

    static final String RECTANGLES = """
            <utility_space type="nonlinear">
            <objective index="0" name="root" type="objective" etype="objective">
            <issue index="1" name="x" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5"/>
            <issue index="2" name="y" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="5"/>
            <utility maxutility="100">
            <ufun type="PLAIN" weight="1" aggregation="SUM">
              <hyperRectangle utility="60"><INCLUDES index="1" min="1" max="3"/><INCLUDES index="2" min="2" max="4"/></hyperRectangle>
              <hyperRectangle utility="40" weight="0.5"><EXCLUDES index="1" min="2" max="5"/></hyperRectangle>
              <ufun type="PLAIN" weight="0.5" aggregation="MAX">
                <hyperRectangle utility="80"><INCLUDES index="2" min="5" max="5"/></hyperRectangle>
                <hyperRectangle utility="30"/>
              </ufun>
            </ufun>
            </utility>
            </objective>
            <reservation value="0.1"/>
            <discount_factor value="1.0"/>
            </utility_space>
            """;

    static final String LINEAR = """
            <utility_space><objective index="0" name="root" type="objective" etype="objective">
            <issue index="1" name="x" type="integer" lowerbound="1" upperbound="5"><evaluator ftype="linear" slope="-0.25" offset="1"/></issue>
            <issue index="2" name="y" type="integer" lowerbound="1" upperbound="5"><evaluator ftype="linear" slope="0.25" offset="0"/></issue>
            <weight index="1" value="0.5"/><weight index="2" value="0.5"/>
            </objective><reservation value="0.2"/></utility_space>
            """;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("grid_domain.xml"), DOMAIN);
        Files.writeString(dir.resolve("grid_rectangles.xml"), RECTANGLES);
        Files.writeString(dir.resolve("grid_lines.xml"), LINEAR);
    }

    @Test
    void hyperRectangleSpacesAreReadAsGeniusScoresThem() {
        Imported imported = ScenarioImport.load(dir);
        assertThat(imported.warnings()).isEmpty();
        Scenario s = imported.scenario();
        assertThat(s.partyNames()).containsExactly("lines", "rectangles");
        var rectangles = s.party("rectangles").preferences();
        assertThat(rectangles.utility()).isInstanceOf(HyperRectangleUtility.class);
        // (1, 2): 60 inside the block + 40 · 0.5 outside x∈[2,5] + 0.5 · max(0, 30)
        assertThat(rectangles.utility(Outcome.of(1, 2))).isCloseTo(0.95, within(1e-12));
        // (3, 5): 0.5 · max(80, 30)
        assertThat(rectangles.utility(Outcome.of(3, 5))).isCloseTo(0.40, within(1e-12));
        assertThat(rectangles.utility(Outcome.of(1, 5))).isCloseTo(0.60, within(1e-12));
        assertThat(rectangles.reservation()).isEqualTo(0.1);
        assertThat(s.party("lines").preferences().utility(Outcome.of(1, 5))).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theyRoundTripThroughParleysFormatAndGenius() {
        Scenario s = ScenarioImport.load(dir).scenario();
        String yaml = ScenarioWriter.toYaml(s);
        assertThat(yaml).contains("rectangles:", "normaliser: 100.0", "exclude:", "aggregation: max");
        assertThat(ScenarioReader.read(yaml, "grid.yaml")).isEqualTo(s);
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(s), "grid.json")).isEqualTo(s);
        Path out = dir.resolve("out");
        assertThat(ScenarioExport.export(s, new GeniusFormat(), out).warnings()).isEmpty();
        Scenario back = ScenarioImport.load(out).scenario();
        assertThat(back.party("rectangles").preferences()).isEqualTo(s.party("rectangles").preferences());
        assertThatThrownBy(() -> ScenarioExport.export(s, new GeniusWebFormat(), dir.resolve("web")))
                .hasMessageContaining("party (rectangles) is not linear additive")
                .hasMessageContaining("Export it to GENIUS instead");
    }

    @Test
    void analysisEnumeratesTheOutcomesOfANonLinearScenario() {
        Scenario s = ScenarioImport.load(dir).scenario();
        var analysis = OutcomeAnalyzer.analyze(AnalysisProblem.of(s), 5);
        assertThat(analysis.method()).isNotEqualTo("issue-wise");
        // GENIUS's Nash point, by hand over the 25 outcomes: rectangles is worth 0.95 on x = 1, y in [2, 4], where
        // lines gains most at y = 4: 0.5 · 1 + 0.5 · 0.75 = 0.875, so (0.875 − 0.2) · (0.95 − 0.1) = 0.57375; the
        // runner-up (1, 3) gives 0.4675 and (1, 5), where rectangles drops to 0.6, gives 0.4.
        double[] nash = analysis.nash().orElseThrow().point().utilities();
        assertThat(analysis.nash().orElseThrow().outcome()).isEqualTo(Outcome.of(1, 4));
        assertThat(nash[0]).isCloseTo(0.875, within(1e-9));
        assertThat(nash[1]).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void malformedRectanglesAreNamed() throws IOException {
        Files.writeString(dir.resolve("grid_rectangles.xml"), RECTANGLES.replace("aggregation=\"MAX\"", "aggregation=\"AVG\""));
        assertThatThrownBy(() -> ScenarioImport.load(dir)).hasMessageContaining("grid_rectangles.xml:9")
                .hasMessageContaining("@aggregation").hasMessageContaining("unknown aggregation (AVG)");
        Files.writeString(dir.resolve("grid_rectangles.xml"), RECTANGLES.replace("index=\"2\" min=\"5\"", "index=\"9\" min=\"5\""));
        assertThatThrownBy(() -> ScenarioImport.load(dir)).hasMessageContaining("issue #9");
    }
}

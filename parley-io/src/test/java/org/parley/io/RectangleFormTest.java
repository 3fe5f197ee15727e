package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.preference.HyperRectangleUtility;

/** The {@code rectangles:} form of Parley's scenario files. */
class RectangleFormTest {

    static final String SCENARIO = """
            name: grid
            issues:
              x: {type: integer, min: 1, max: 5}
              y: {type: integer, min: 1, max: 5}
              colour: [red, blue]
            parties:
              seller:
                rectangles:
                  normaliser: 100
                  terms:
                    - include: {x: [1, 3], y: [2, 4]}
                      utility: 60
                    - exclude: {x: [2, 5]}
                      utility: 40
                      weight: 0.5
                    - aggregation: max
                      weight: 0.5
                      terms:
                        - include: {y: [5, 5]}
                          utility: 80
                        - include: {}
                          utility: 30
                reservation: 0.1
            """;

    @Test
    void readsEvaluatesAndWritesBack() {
        Scenario s = ScenarioReader.read(SCENARIO, "grid.yaml");
        var seller = s.party("seller").preferences();
        assertThat(seller.utility()).isInstanceOf(HyperRectangleUtility.class);
        assertThat(seller.utility(new Outcome(1, 2, 0))).isCloseTo(0.95, within(1e-12));
        assertThat(seller.utility(new Outcome(3, 5, 1))).isCloseTo(0.40, within(1e-12));
        assertThat(ScenarioReader.read(ScenarioWriter.toYaml(s), "back.yaml")).isEqualTo(s);
    }

    @Test
    void mistakesNameTheLineAndField() {
        assertThatThrownBy(() -> ScenarioReader.read(SCENARIO.replace("{x: [2, 5]}", "{colour: [0, 1]}"), "g.yaml"))
                .hasMessageContaining("g.yaml:13").hasMessageContaining("issue (colour) is discrete");
        assertThatThrownBy(() -> ScenarioReader.read(SCENARIO.replace("utility: 60", "utilty: 60"), "g.yaml"))
                .hasMessageContaining("g.yaml:12").hasMessageContaining("unknown field (utilty)");
        assertThatThrownBy(() -> ScenarioReader.read(SCENARIO.replace("aggregation: max", "aggregation: mean"), "g.yaml"))
                .hasMessageContaining("unknown aggregation (mean)");
        assertThatThrownBy(() -> ScenarioReader.read(SCENARIO.replace("{x: [1, 3], y", "{x: [3, 1], y"), "g.yaml"))
                .hasMessageContaining("the bound is empty");
        assertThatThrownBy(() -> ScenarioReader.read(SCENARIO.replace("    reservation: 0.1", "    weights: {x: 1}"), "g.yaml"))
                .hasMessageContaining("give (rectangles) alone");
    }
}

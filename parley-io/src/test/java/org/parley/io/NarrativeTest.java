package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Narrative;
import org.parley.core.model.Scenario;

class NarrativeTest {

    static final String FILE = """
            name: n
            story: |
              A *story* for all.
            issues:
              x: [a, b]
            parties:
              p:
                brief: Only for p.
                points: {x: [0, 100]}
              q:
                points: {x: [100, 0]}
            """;

    @Test
    void theStoryAndEachBriefAreRead() {
        Scenario scenario = ScenarioReader.read(FILE, "n.yaml");
        assertThat(scenario.narrative().story()).isEqualTo("A *story* for all.\n");
        assertThat(scenario.narrative().brief("p")).isEqualTo("Only for p.");
        assertThat(scenario.narrative().brief("q")).isEmpty();
    }

    @Test
    void theyAreWrittenBackInYamlAndJson() {
        Scenario scenario = ScenarioReader.read(FILE, "n.yaml");
        assertThat(ScenarioReader.read(ScenarioWriter.toYaml(scenario), "n.yaml").narrative()).isEqualTo(scenario.narrative());
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(scenario), "n.json").narrative()).isEqualTo(scenario.narrative());
    }

    @Test
    void aBriefMustBeText() {
        assertThatThrownBy(() -> ScenarioReader.read(FILE.replace("brief: Only for p.", "brief: {a: 1}"), "n.yaml"))
                .isInstanceOf(FormatException.class).hasMessageContaining("n.yaml:8:").hasMessageContaining("parties.p.brief");
    }

    @Test
    void everyBuiltInHasAStoryAndABriefPerParty() {
        for (String name : new String[] {"tavrik-accord", "trinity-station", "cardassian-talks"}) {
            Scenario scenario = ScenarioReader.read(Path.of("../scenarios/" + name + ".yaml"));
            Narrative narrative = scenario.narrative();
            assertThat(narrative.story()).as(name).isNotBlank();
            for (String party : scenario.partyNames()) {
                assertThat(narrative.brief(party)).as(name + " " + party).isNotBlank();
            }
        }
    }
}

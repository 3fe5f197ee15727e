package org.parley.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.preference.LinearAdditiveUtility;

class ScenarioGeneratorTest {

    @Test
    void sameSettingsGiveTheSameScenario() {
        var settings = new ScenarioGenerator.Settings(3, 4, 5, 42, 0.5, 3);
        Scenario a = ScenarioGenerator.generate(settings);
        Scenario b = ScenarioGenerator.generate(settings);
        assertThat(a).isEqualTo(b);
        assertThat(ScenarioGenerator.generate(new ScenarioGenerator.Settings(3, 4, 5, 43, 0.5, 3))).isNotEqualTo(a);
    }

    @Test
    void hasTheRequestedShapeAndUtilitiesUpToOne() {
        Scenario scenario = ScenarioGenerator.generate(new ScenarioGenerator.Settings(4, 6, 3, 7, 0.4, 5));
        assertThat(scenario.parties()).hasSize(4);
        assertThat(scenario.domain().size()).isEqualTo(6);
        assertThat(scenario.domain().outcomeCount()).hasToString("729");
        int constraints = 0;
        for (var party : scenario.parties()) {
            var utility = (LinearAdditiveUtility) party.preferences().utility();
            double sum = 0;
            for (double w : utility.weights()) {
                sum += w;
            }
            assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(party.preferences().reservation()).isBetween(0.0, 0.4);
            constraints += party.preferences().constraints().size();
            // Every party has an outcome worth 1: its best option on every issue.
            int[] best = new int[6];
            for (int i = 0; i < 6; i++) {
                for (int o = 0; o < 3; o++) {
                    if (utility.term(i, o) > utility.term(i, best[i])) {
                        best[i] = o;
                    }
                }
            }
            assertThat(utility.utility(Outcome.of(best))).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(constraints).isEqualTo(5);
    }

    @Test
    void rejectsBadSettingsNamingTheValue() {
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(0, 3, 3, 1))
                .hasMessageContaining("number of parties (0)");
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(2, 0, 3, 1))
                .hasMessageContaining("number of issues (0)");
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(2, 3, 0, 1))
                .hasMessageContaining("number of options (0)");
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(2, 3, 3, 1, 1.5, 0))
                .hasMessageContaining("reservation maximum (1.5)");
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(2, 3, 3, 1, 0, -1))
                .hasMessageContaining("number of constraints (-1)");
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(2, 3, 3, 1, 0, 0, 0, 0))
                .hasMessageContaining("discount minimum (0.0)");
        assertThatThrownBy(() -> new ScenarioGenerator.Settings(2, 3, 3, 1, 0, 0, 1, 3))
                .hasMessageContaining("quorum (3)");
    }

    /* Discounts and a quorum are drawn after the rest: the same seed gives the same preferences with them as without. */
    @Test
    void discountsAndAQuorumLeaveTheRestAsItWas() {
        Scenario plain = ScenarioGenerator.generate(new ScenarioGenerator.Settings(4, 5, 4, 9, 0.5, 2));
        Scenario discounted = ScenarioGenerator.generate(new ScenarioGenerator.Settings(4, 5, 4, 9, 0.5, 2, 0.95, 3));
        for (int p = 0; p < 4; p++) {
            var a = plain.parties().get(p).preferences();
            var b = discounted.parties().get(p).preferences();
            assertThat(b.utility()).isEqualTo(a.utility());
            assertThat(b.reservation()).isEqualTo(a.reservation());
            assertThat(b.constraints()).isEqualTo(a.constraints());
            assertThat(a.discount().factor()).isEqualTo(1);
            assertThat(b.discount().factor()).isBetween(0.95, 0.999);
        }
        assertThat(plain.agreement().quorum()).isEqualTo(4);
        assertThat(discounted.agreement().quorum()).isEqualTo(3);
        assertThat(discounted.agreement().required()).isEmpty();
    }
}

package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.core.model.Outcome;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Discount;

/**
 * The built-in scenarios hold exactly the numbers they were designed with, written out again in
 * this test: points / 100 = utility.
 */
class BuiltInScenariosTest {

    static Scenario load(String name) {
        return ScenarioReader.read(Path.of("..", "scenarios", name + ".yaml"));
    }

    /** Points of {@code party} for the outcome choosing the given option index on each issue. */
    static double points(Scenario scenario, String party, int... options) {
        return scenario.party(party).preferences().utility(Outcome.of(options)) * 100;
    }

    @Test
    void trinityStation() {
        Scenario s = load("trinity-station");
        assertThat(s.partyNames()).containsExactly("loyalists", "rebels", "advent", "exodus");
        assertThat(s.domain().names()).containsExactly("strategy", "technology", "command", "exodus-forces", "burden");
        assertThat(s.agreement().isUnanimity(4)).isTrue();
        // hold, limited, committee, coalition-command, equal: 30 + 15 + 20 + 10 + 20 for the loyalists
        assertThat(points(s, "loyalists", 1, 1, 1, 0, 0)).isCloseTo(95, within(1e-9));
        assertThat(points(s, "rebels", 2, 2, 2, 0, 0)).isCloseTo(100, within(1e-9));
        assertThat(points(s, "advent", 2, 2, 1, 0, 0)).isCloseTo(100, within(1e-9));
        assertThat(points(s, "exodus", 0, 1, 0, 1, 1)).isCloseTo(100, within(1e-9));
        assertThat(points(s, "exodus", 2, 0, 2, 0, 0)).isCloseTo(20, within(1e-9));
        assertThat(reservations(s)).containsExactly(0.35, 0.30, 0.30, 0.40);
        // The rebels refuse a committee; the exodus keeps its fleet independent.
        assertThat(s.party("rebels").preferences().acceptable(Outcome.of(2, 2, 1, 0, 0))).isFalse();
        assertThat(s.party("rebels").preferences().acceptable(Outcome.of(2, 2, 2, 0, 0))).isTrue();
        assertThat(s.party("exodus").preferences().acceptable(Outcome.of(0, 1, 0, 0, 1))).isFalse();
        assertThat(s.party("exodus").preferences().acceptable(Outcome.of(0, 1, 0, 1, 1))).isTrue();
        assertThat(s.coalition().quota()).isEqualTo(60);
        assertThat(s.coalition().weights()).containsExactly(
                Map.entry("loyalists", 30L), Map.entry("rebels", 25L), Map.entry("advent", 30L), Map.entry("exodus", 15L));
    }

    @Test
    void cardassianTalks() {
        Scenario s = load("cardassian-talks");
        assertThat(s.partyNames()).containsExactly("federation", "union");
        assertThat(s.domain().outcomeCount().intValue()).isEqualTo(81);
        assertThat(points(s, "federation", 2, 2, 2, 0)).isCloseTo(100, within(1e-9));
        assertThat(points(s, "union", 1, 1, 1, 1)).isCloseTo(20 + 12 + 15 + 10, within(1e-9));
        assertThat(reservations(s)).containsExactly(0.35, 0.40);
        assertThat(s.party("federation").preferences().discount()).isEqualTo(Discount.perRound(0.98));
        assertThat(s.party("union").preferences().discount()).isEqualTo(Discount.perRound(0.995));
    }

    @Test
    void tavrikAccord() {
        Scenario s = load("tavrik-accord");
        assertThat(s.partyNames()).containsExactly("federation", "kaldari", "vethari");
        assertThat(s.domain().outcomeCount().intValue()).isEqualTo(3 * 3 * 3 * 3 * 3 * 3 * 2);
        // The vethari may stay out: federation and kaldari alone make a deal.
        assertThat(s.agreement().stands(List.of("federation", "kaldari"))).isTrue();
        assertThat(s.agreement().stands(List.of("federation", "vethari"))).isFalse();
        assertThat(points(s, "federation", 0, 0, 0, 2, 2, 0, 0)).isCloseTo(100, within(1e-9));
        assertThat(points(s, "kaldari", 2, 2, 2, 2, 2, 2, 1)).isCloseTo(100, within(1e-9));
        assertThat(points(s, "vethari", 2, 2, 0, 0, 0, 0, 0)).isCloseTo(100, within(1e-9));
        assertThat(reservations(s)).containsExactly(0.40, 0.20, 0.45);
        var federation = s.party("federation").preferences();
        assertThat(federation.acceptable(Outcome.of(1, 0, 0, 2, 2, 0, 0))).isFalse(); // authority must be federation
        var kaldari = s.party("kaldari").preferences();
        assertThat(kaldari.acceptable(Outcome.of(2, 2, 2, 2, 2, 2, 0))).isFalse(); // open market without guarantee
        assertThat(kaldari.acceptable(Outcome.of(2, 2, 2, 2, 2, 2, 1))).isTrue();
    }

    @Test
    void everyPartyHasAPersonaForTheDefaultDiplomat() {
        for (String name : List.of("trinity-station", "cardassian-talks", "tavrik-accord")) {
            for (Party party : load(name).parties()) {
                assertThat(party.strategy()).as(name + "/" + party.name()).isNull();
                assertThat(party.persona()).as(name + "/" + party.name()).isNotNull();
            }
        }
    }

    private static List<Double> reservations(Scenario s) {
        return s.parties().stream().map(p -> p.preferences().reservation()).toList();
    }
}

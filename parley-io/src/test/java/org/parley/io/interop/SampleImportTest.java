package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Discount;

/** Every published sample imports, with the parties, discounts and utilities GENIUS and GeniusWeb define. */
class SampleImportTest {

    static final Path SAMPLES = Path.of("src/test/resources/interop");

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("genius/y2010/EnglandZimbabwe", "EnglandZimbabwe", List.of("England", "Zimbabwe"), 5),
                Arguments.of("genius/y2010/ItexvsCypress", "ItexvsCypress", List.of("Cypress", "Itex"), 4),
                Arguments.of("genius/y2010/Travel", "travel", List.of("chox", "fanny"), 7),
                Arguments.of("genius/y2011/Amsterdam", "Amsterdam", List.of("party1", "party2"), 6),
                Arguments.of("genius/y2011/Camera", "camera", List.of("buyer", "seller"), 6),
                Arguments.of("genius/y2011/Car", "adg", List.of("deal", "deal2"), 6),
                Arguments.of("genius/y2011/Energy", "energy", List.of("consumer", "distributor"), 8),
                Arguments.of("genius/y2011/Grocery", "Grocery", List.of("mary", "sam"), 5),
                Arguments.of("genius/y2011/IS_BT_Acquisition", "IS_BT_Acquisition", List.of("BT", "IS"), 5),
                Arguments.of("genius/y2011/Laptop", "laptop", List.of("buyer", "seller"), 3),
                Arguments.of("genius/y2011/NiceOrDie", "NiceOrDie", List.of("NiceOrDie1", "NiceOrDie2"), 1),
                Arguments.of("geniusweb/Fitness", "fitness", List.of("fitness1", "fitness2"), 5),
                Arguments.of("geniusweb/FlightBooking", "flightbooking", List.of("flightbooking1", "flightbooking2"), 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleFolderImports(String folder, String name, List<String> parties, int issues) {
        Imported imported = ScenarioImport.load(SAMPLES.resolve(folder));
        Scenario scenario = imported.scenario();
        assertThat(scenario.name()).isEqualTo(name);
        assertThat(scenario.partyNames()).isEqualTo(parties);
        assertThat(scenario.domain().size()).isEqualTo(issues);
        assertThat(imported.format()).isEqualTo(folder.startsWith("geniusweb") ? ScenarioFormats.get("geniusweb") : ScenarioFormats.get("genius"));
        assertThat(imported.files()).hasSize(parties.size() + 1);
        // GENIUS normalises evaluations and weights, so every party's best outcome is worth 1. GeniusWeb does not
        // (fitness1's best type is worth 0.9: its best outcome 0.975).
        for (var party : scenario.parties()) {
            double best = party.preferences().utility().utility(best(scenario, party.name()));
            assertThat(best).isCloseTo(party.name().equals("fitness1") ? 0.975 : 1, within(1e-9));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theDomainFileAloneAndTheFilesListedGiveTheSameScenarioAsTheFolder(String folder) throws Exception {
        Imported fromFolder = ScenarioImport.load(SAMPLES.resolve(folder));
        Path domain = fromFolder.files().get(0);
        assertThat(ScenarioImport.load(domain).scenario()).isEqualTo(fromFolder.scenario());
        List<Path> reversed = new java.util.ArrayList<>(fromFolder.files());
        java.util.Collections.reverse(reversed);
        Scenario fromFiles = ScenarioImport.load(reversed).scenario();
        // Listed files keep the order given, so the parties come reversed; the negotiation is the same.
        assertThat(fromFiles.domain()).isEqualTo(fromFolder.scenario().domain());
        assertThat(fromFiles.partyNames()).containsExactlyInAnyOrderElementsOf(fromFolder.scenario().partyNames());
    }

    @Test
    void laptopWeightsSumingPastOneAreNormalisedAndEvaluationsDividedByTheIssuesBest() {
        Imported imported = ScenarioImport.load(SAMPLES.resolve("genius/y2011/Laptop"));
        Scenario s = imported.scenario();
        double sum = 0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568;
        // buyer: HP (30 of 30), 60 Gb (30 of 30), 20'' LCD (10 of 30)
        double expected = (0.4452125771655631 * 1 + 0.37808251708013424 * 1 + 0.1767567099260568 * 10 / 30) / sum;
        assertThat(utility(s, "buyer", Map.of("Laptop", "HP", "Harddisk", "60 Gb", "External Monitor", "20'' LCD")))
                .isCloseTo(expected, within(1e-12));
        // Dell (12 of 30), 120 Gb (9 of 30), 23'' LCD (20 of 30)
        double expected2 = (0.4452125771655631 * 12 / 30 + 0.37808251708013424 * 9 / 30 + 0.1767567099260568 * 20 / 30) / sum;
        assertThat(utility(s, "buyer", Map.of("Laptop", "Dell", "Harddisk", "120 Gb", "External Monitor", "23'' LCD")))
                .isCloseTo(expected2, within(1e-12));
        assertThat(s.party("buyer").preferences().discount()).isEqualTo(Discount.overTime(0.42441038));
        assertThat(imported.warnings()).hasSize(2).allMatch(w -> w.contains("sum to 1.000051804171754"));
    }

    @Test
    void niceOrDieScoresEachValueByItsEvaluationOverTheBest() {
        Scenario s = ScenarioImport.load(SAMPLES.resolve("genius/y2011/NiceOrDie")).scenario();
        assertThat(utility(s, "NiceOrDie1", Map.of("NiceOrDie", "100_16"))).isEqualTo(1.0);
        assertThat(utility(s, "NiceOrDie1", Map.of("NiceOrDie", "16_100"))).isCloseTo(0.16, within(1e-15));
        assertThat(utility(s, "NiceOrDie1", Map.of("NiceOrDie", "29_29"))).isCloseTo(0.299, within(1e-15));
        assertThat(utility(s, "NiceOrDie2", Map.of("NiceOrDie", "100_16"))).isCloseTo(0.16, within(1e-15));
        assertThat(s.party("NiceOrDie2").preferences().reservation()).isZero();
    }

    @Test
    void cameraAndGroceryCarryTheirTimeDiscountAndTravelItsWeightsAsWritten() {
        Scenario camera = ScenarioImport.load(SAMPLES.resolve("genius/y2011/Camera")).scenario();
        assertThat(camera.party("buyer").preferences().discount()).isEqualTo(Discount.overTime(0.890596104));
        Scenario travel = ScenarioImport.load(SAMPLES.resolve("genius/y2010/Travel")).scenario();
        // fanny: Turistic activities (478 = best), Nightlife and entertainment (389 = best), Cooking workshops (42 of 353),
        // Markets (508 = best), Cinema (382 = best), Bike tours (481 = best), Parks and Gardens (26 of 264).
        var fanny = (org.parley.core.preference.LinearAdditiveUtility) travel.party("fanny").preferences().utility();
        double[] w = fanny.weights();
        double expected = w[0] + w[1] + w[2] * 42 / 353 + w[3] + w[4] + w[5] + w[6] * 26 / 264;
        assertThat(utility(travel, "fanny", Map.of("Atmosphere", "Turistic activities", "Amusement",
                "Nightlife and entertainment", "Culinary", "Cooking workshops", "Shopping", "Markets", "Culture", "Cinema",
                "Sport", "Bike tours", "Environment", "Parks and Gardens"))).isCloseTo(expected, within(1e-12));
        assertThat(w[0]).isCloseTo(0.21223021916844162, within(1e-6));
    }

    @Test
    void carIgnoresTheAdgSimilarityFunctionsOncePerFileAndSaysSo() {
        Imported imported = ScenarioImport.load(SAMPLES.resolve("genius/y2011/Car"));
        assertThat(imported.warnings()).hasSize(2).allMatch(w -> w.contains("<similarity_function>"));
        assertThat(imported.warnings().get(0)).contains("adg_deal.xml:17");
        // deal: good (100 of 100) on every issue is worth 1; none (0) on every issue 0.
        Scenario s = imported.scenario();
        assertThat(utility(s, "deal", Map.of("CD player", "standard", "Extra speakers", "good", "Airconditioning", "good",
                "Tow hedge", "good", "Tow hedge2", "good", "Tow hedge3", "good"))).isCloseTo(0.16 * 0.92 + 0.84, within(1e-12));
    }

    @Test
    void geniusWebUtilitiesAndTheReservationBidsWorth() {
        Scenario fitness = ScenarioImport.load(SAMPLES.resolve("geniusweb/Fitness")).scenario();
        // fitness1: tennis 0.9 · 0.15 + 1 hour 0.8 · 0.05 + 1 km 1.0 · 0.3 + training 1.0 · 0.3 + $5 1.0 · 0.2
        assertThat(utility(fitness, "fitness1", Map.of("type", "tennis", "duration", "1 hour", "distance", "1 km",
                "intensity", "training", "price", "$5"))).isCloseTo(0.975, within(1e-12));
        // reservation bid: running 0.2 · 0.15 + 3 hours 0.22 · 0.05 + 40 km 0.25 · 0.3 + bootcamp 0.14 · 0.3 + $50 0.2 · 0.2
        assertThat(fitness.party("fitness1").preferences().reservation()).isEqualTo(0.198);
        Scenario flights = ScenarioImport.load(SAMPLES.resolve("geniusweb/FlightBooking")).scenario();
        // 200000yen 0.5 · 0.35 + CentAir 0.667 · 0.35 + 3 sept. 1.0 · 0.3
        assertThat(flights.party("flightbooking1").preferences().reservation()).isEqualTo(0.70845);
        // 250000yen 0.5 · 0.7 + Kansai 1.0 · 0.15 + 3 sept. 0.667 · 0.15
        assertThat(flights.party("flightbooking2").preferences().reservation()).isEqualTo(0.60005);
        assertThat(utility(flights, "flightbooking2", Map.of("price", "150000yen", "departure airport", "Narita",
                "departure date", "4 sept."))).isCloseTo(0.7 + 0.665 * 0.15 + 0.333 * 0.15, within(1e-12));
    }

    static double utility(Scenario scenario, String party, Map<String, String> bid) {
        return scenario.party(party).preferences().utility(scenario.domain().outcome(bid));
    }

    /** The party's best outcome, by enumeration. */
    static org.parley.core.model.Outcome best(Scenario scenario, String party) {
        var space = new org.parley.core.model.OutcomeSpace(scenario.domain());
        var preferences = scenario.party(party).preferences();
        org.parley.core.model.Outcome best = null;
        double value = -1;
        for (long k = 0; k < space.count().longValueExact(); k++) {
            var o = space.outcome(k);
            double u = preferences.utility(o);
            if (u > value) {
                value = u;
                best = o;
            }
        }
        return best;
    }
}

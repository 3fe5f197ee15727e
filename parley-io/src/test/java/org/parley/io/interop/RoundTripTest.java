package org.parley.io.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Outcome;
import org.parley.core.model.OutcomeSpace;
import org.parley.core.model.Party;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.preference.DiscreteValueFunction;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PiecewiseLinearValueFunction;
import org.parley.core.preference.Preferences;
import org.parley.core.preference.ValueFunction;
import org.parley.io.ScenarioReader;
import org.parley.io.ScenarioWriter;
import org.parley.io.genius.GeniusFormat;
import org.parley.io.geniusweb.GeniusWebFormat;

/** Parley → GENIUS / GeniusWeb → Parley, GENIUS / GeniusWeb → Parley → back, and what each direction reports lost. */
class RoundTripTest {

    @TempDir
    Path dir;

    static Stream<String> samples() {
        return SampleImportTest.samples().map(arguments -> (String) arguments.get()[0]);
    }

    static Stream<String> genius() {
        return samples().filter(s -> s.startsWith("genius/"));
    }

    static Stream<String> builtIn() {
        return Stream.of("trinity-station", "cardassian-talks", "tavrik-accord");
    }

    private static Scenario sample(String folder) {
        return ScenarioImport.load(SampleImportTest.SAMPLES.resolve(folder)).scenario();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleSurvivesParleysOwnFormat(String folder) {
        Scenario imported = sample(folder);
        Scenario yaml = ScenarioReader.read(ScenarioWriter.toYaml(imported), "x.yaml");
        assertThat(yaml).isEqualTo(imported);
        Scenario json = ScenarioReader.read(ScenarioWriter.toJson(imported), "x.json");
        assertThat(json).isEqualTo(imported);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genius")
    void geniusToParleyToGeniusGivesTheSameScenario(String folder) {
        Scenario imported = sample(folder);
        Scenario viaYaml = ScenarioReader.read(ScenarioWriter.toYaml(imported), "x.yaml");
        Exported exported = ScenarioExport.export(viaYaml, new GeniusFormat(), dir);
        assertThat(exported.warnings()).isEmpty();
        Imported back = ScenarioImport.load(dir);
        assertThat(back.warnings()).isEmpty();
        assertThat(back.scenario().name()).isEqualTo(imported.name());
        Equivalence.assertSameNegotiation(imported, back.scenario());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleThroughGeniusWebMeansTheSameBarTheDiscount(String folder) {
        Scenario imported = sample(folder);
        Exported exported = ScenarioExport.export(imported, new GeniusWebFormat(), dir);
        long discounted = imported.parties().stream().filter(p -> p.preferences().discount().factor() != 1).count();
        assertThat(exported.warnings()).hasSize((int) discounted).allMatch(w -> w.contains("GeniusWeb profiles have no discount"));
        Imported back = ScenarioImport.load(dir);
        assertThat(back.warnings()).isEmpty();
        assertThat(back.scenario().name()).isEqualTo(imported.name());
        Equivalence.assertSameNegotiation(withoutDiscounts(imported), back.scenario());
    }

    @Test
    void geniusWebToGeniusRescalesAPartyWhoseBestOutcomeIsWorthLessThanOneAndSaysSo() {
        Scenario fitness = sample("geniusweb/Fitness");
        Exported exported = ScenarioExport.export(fitness, new GeniusFormat(), dir);
        assertThat(exported.warnings()).singleElement().asString()
                .contains("party (fitness1)", "best outcome is worth 0.975", "divided by 0.975");
        Scenario back = ScenarioImport.load(dir).scenario();
        OutcomeSpace space = new OutcomeSpace(fitness.domain());
        for (long k = 0; k < space.count().longValueExact(); k++) {
            Outcome o = space.outcome(k);
            assertThat(back.party("fitness1").preferences().utility(o))
                    .isCloseTo(fitness.party("fitness1").preferences().utility(o) / 0.975, within(1e-12));
            assertThat(back.party("fitness2").preferences().utility(o))
                    .isCloseTo(fitness.party("fitness2").preferences().utility(o), within(1e-12));
        }
        assertThat(back.party("fitness1").preferences().reservation()).isCloseTo(0.198 / 0.975, within(1e-12));
        // FlightBooking's values reach 1 on every issue: it goes through GENIUS unchanged.
        Scenario flights = sample("geniusweb/FlightBooking");
        assertThat(ScenarioExport.export(flights, new GeniusFormat(), dir.resolve("f")).warnings()).isEmpty();
        Equivalence.assertSameNegotiation(flights, ScenarioImport.load(dir.resolve("f")).scenario());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIn")
    void builtInScenariosKeepTheirUtilitiesAndReservationsThroughBothFormats(String name) {
        Scenario scenario = ScenarioReader.read(Path.of("../scenarios/" + name + ".yaml"));
        Scenario expected = representable(scenario);
        for (ScenarioFormat format : List.of(new GeniusFormat(), new GeniusWebFormat())) {
            Path out = dir.resolve(format.key());
            Exported exported = ScenarioExport.export(scenario, format, out);
            assertThat(exported.warnings()).as("%s", format).noneMatch(w -> w.contains("reservation"));
            assertThat(exported.warnings()).as("%s", format).anyMatch(w -> w.contains("roles and default strategies"));
            scenario.parties().stream().filter(p -> !p.preferences().constraints().isEmpty()).forEach(p ->
                    assertThat(exported.warnings()).anyMatch(w -> w.contains("party (" + p.name() + ")")
                            && w.contains("hard constraint")));
            if (!scenario.agreement().isUnanimity(scenario.parties().size())) {
                assertThat(exported.warnings()).anyMatch(w -> w.contains("agreement rule"));
            }
            if (scenario.coalition() != null) {
                assertThat(exported.warnings()).anyMatch(w -> w.contains("coalition game"));
            }
            Imported back = ScenarioImport.load(out);
            assertThat(back.scenario().name()).isEqualTo(name);
            Equivalence.assertSameMeaning(expected, back.scenario(), 1e-12);
        }
    }

    @Test
    void numericIssuesGoThroughGeniusAsIntegerAndRealEvaluators() {
        Domain domain = new Domain(List.of(new IntegerIssue("quantity", 0, 10), new RealIssue("price", 1.0, 2.0),
                new DiscreteIssue("colour", List.of("red", "green", "blue"))));
        Party a = party("a", domain, new double[] {0.3, 0.3, 0.4},
                PiecewiseLinearValueFunction.linear(0, 0, 10, 1),
                PiecewiseLinearValueFunction.linear(1.0, 1, 2.0, 0.25),
                new DiscreteValueFunction(new double[] {1, 0.5, 0}), 0.25, Discount.overTime(0.9));
        Party b = party("b", domain, new double[] {0.5, 0.2, 0.3},
                PiecewiseLinearValueFunction.linear(0, 0.8, 10, 0.2),
                new PiecewiseLinearValueFunction(new double[] {1.2, 1.5, 1.8}, new double[] {0, 0.8, 0}),
                new DiscreteValueFunction(new double[] {0, 0.5, 1}), 0, Discount.NONE);
        Party c = party("c", domain, new double[] {0.2, 0.5, 0.3},
                PiecewiseLinearValueFunction.linear(0, 0.5, 10, 0.5),
                new PiecewiseLinearValueFunction(new double[] {1.0, 1.5, 2.0}, new double[] {0, 1, 0}),
                new DiscreteValueFunction(new double[] {0.2, 1, 0.2}), 0.1, Discount.NONE);
        Scenario scenario = new Scenario("numbers", domain, List.of(a, b, c));
        Exported exported = ScenarioExport.export(scenario, new GeniusFormat(), dir);
        assertThat(exported.warnings()).isEmpty();
        Imported back = ScenarioImport.load(dir);
        assertThat(back.warnings()).isEmpty();
        Equivalence.assertSameMeaning(scenario, back.scenario(), 1e-12);
        // Between the discretisation's points too: the triangle and the line are exact.
        for (double price = 1.0; price <= 2.0; price += 0.0625) {
            Outcome o = new Outcome(3, price, 1);
            for (Party party : scenario.parties()) {
                assertThat(back.scenario().party(party.name()).preferences().utility(o))
                        .isCloseTo(party.preferences().utility(o), within(1e-12));
            }
        }
    }

    @Test
    void aNonLinearIntegerIssueIsListedAsDiscreteNumbersInBothFormats() {
        Domain domain = new Domain(List.of(new IntegerIssue("quantity", 1, 5), new DiscreteIssue("colour", List.of("red", "blue"))));
        Party a = party("a", domain, new double[] {0.6, 0.4},
                new PiecewiseLinearValueFunction(new double[] {1, 3, 5}, new double[] {0, 1, 0.5}),
                new DiscreteValueFunction(new double[] {1, 0}), 0, Discount.NONE);
        Party b = party("b", domain, new double[] {0.5, 0.5}, PiecewiseLinearValueFunction.linear(1, 1, 5, 0),
                new DiscreteValueFunction(new double[] {0, 1}), 0, Discount.NONE);
        Scenario scenario = new Scenario("bulk", domain, List.of(a, b));
        for (ScenarioFormat format : List.of(new GeniusFormat(), new GeniusWebFormat())) {
            Path out = dir.resolve(format.key());
            Exported exported = ScenarioExport.export(scenario, format, out);
            assertThat(exported.warnings()).singleElement().asString().contains("quantity", "discrete");
            Scenario back = ScenarioImport.load(out).scenario();
            assertThat(back.domain().issue(0)).isEqualTo(new DiscreteIssue("quantity", List.of("1", "2", "3", "4", "5")));
            for (int q = 1; q <= 5; q++) {
                for (String colour : List.of("red", "blue")) {
                    Outcome before = domain.outcome(Map.of("quantity", q, "colour", colour));
                    Outcome after = back.domain().outcome(Map.of("quantity", String.valueOf(q), "colour", colour));
                    for (Party party : scenario.parties()) {
                        assertThat(back.party(party.name()).preferences().utility(after)).as("%s %s", format, party.name())
                                .isCloseTo(party.preferences().utility(before), within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void geniusWebGetsWeightsSummingToOneWithoutChangingAnyUtility() {
        Domain domain = new Domain(List.of(new IntegerIssue("days", 1, 9), new DiscreteIssue("place", List.of("here", "there"))));
        Party a = party("a", domain, new double[] {0.4, 0.4}, PiecewiseLinearValueFunction.linear(1, 0, 9, 1),
                new DiscreteValueFunction(new double[] {1, 0.5}), 0.4, Discount.NONE);
        Party b = party("b", domain, new double[] {0.5, 0.5}, PiecewiseLinearValueFunction.linear(1, 1, 9, 0),
                new DiscreteValueFunction(new double[] {0, 1}), 0.5, Discount.NONE);
        Scenario scenario = new Scenario("trip", domain, List.of(a, b));
        Exported exported = ScenarioExport.export(scenario, new GeniusWebFormat(), dir);
        assertThat(exported.warnings()).isEmpty();
        Scenario back = ScenarioImport.load(dir).scenario();
        Equivalence.assertSameMeaning(scenario, back, 1e-12);
        assertThat(((LinearAdditiveUtility) back.party("a").preferences().utility()).weights()).containsExactly(0.5, 0.5);
        // In GENIUS, a's best outcome (0.8) becomes 1: every utility is divided by 0.8.
        Exported genius = ScenarioExport.export(scenario, new GeniusFormat(), dir.resolve("g"));
        assertThat(genius.warnings()).singleElement().asString().contains("party (a)", "0.8");
    }

    @Test
    void aRealIssueBecomesElevenNumbersInGeniusWeb() {
        Domain domain = new Domain(List.of(new RealIssue("rate", 0.0, 1.0)));
        Party a = party("a", domain, new double[] {1}, PiecewiseLinearValueFunction.linear(0, 0, 1, 1), null, null, 0,
                Discount.NONE);
        Party b = party("b", domain, new double[] {1}, new PiecewiseLinearValueFunction(new double[] {0, 0.5, 1},
                new double[] {0, 1, 0.5}), null, null, 0, Discount.NONE);
        Scenario scenario = new Scenario("rates", domain, List.of(a, b));
        Exported exported = ScenarioExport.export(scenario, new GeniusWebFormat(), dir);
        assertThat(exported.warnings()).hasSize(2);
        assertThat(exported.warnings().get(0)).contains("rate", "11 evenly spaced numbers");
        assertThat(exported.warnings().get(1)).contains("rate", "11 discrete values");
        Scenario back = ScenarioImport.load(dir).scenario();
        DiscreteIssue rate = (DiscreteIssue) back.domain().issue(0);
        assertThat(rate.options()).containsExactly("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1");
        assertThat(back.party("b").preferences().utility(Outcome.of(8))).isCloseTo(0.7, within(1e-12));
        assertThat(back.party("a").preferences().utility(Outcome.of(3))).isCloseTo(0.3, within(1e-12));
        // GENIUS has no evaluator for b's curve: the export refuses, naming party and issue.
        assertThatThrownBy(() -> ScenarioExport.export(scenario, new GeniusFormat(), dir.resolve("g")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Party (b)")
                .hasMessageContaining("real issue (rate)");
    }

    @Test
    void aReservationNoOutcomeIsWorthIsApproximatedInGeniusWebAndSaid() {
        Domain domain = new Domain(List.of(new DiscreteIssue("x", List.of("a", "b", "c"))));
        Party p = party("p", domain, new double[] {1}, new DiscreteValueFunction(new double[] {0, 0.5, 1}), null, null,
                0.7, Discount.NONE);
        Scenario scenario = new Scenario("coarse", domain, List.of(p));
        Exported exported = ScenarioExport.export(scenario, new GeniusWebFormat(), dir);
        assertThat(exported.warnings()).singleElement().asString().contains("reservation value (0.7)", "worth 0.5");
        assertThat(ScenarioImport.load(dir).scenario().party("p").preferences().reservation()).isEqualTo(0.5);
    }

    static Party party(String name, Domain domain, double[] weights, ValueFunction first, ValueFunction second,
            double reservation, Discount discount) {
        return party(name, domain, weights, first, second, null, reservation, discount);
    }

    static Party party(String name, Domain domain, double[] weights, ValueFunction first, ValueFunction second,
            ValueFunction third, double reservation, Discount discount) {
        List<ValueFunction> functions = new ArrayList<>();
        for (ValueFunction f : new ValueFunction[] {first, second, third}) {
            if (f != null) {
                functions.add(f);
            }
        }
        return new Party(name, new Preferences(new LinearAdditiveUtility(domain, weights, functions), List.of(),
                reservation, discount));
    }

    /** What GENIUS and GeniusWeb can hold of a scenario: no constraints, per-round discounts or agreement rule. */
    static Scenario representable(Scenario scenario) {
        List<Party> parties = new ArrayList<>();
        for (Party party : scenario.parties()) {
            Preferences p = party.preferences();
            Discount discount = p.discount().basis() == Discount.Basis.PER_ROUND ? Discount.NONE : p.discount();
            parties.add(new Party(party.name(), new Preferences(p.utility(), List.of(), p.reservation(), discount)));
        }
        return new Scenario(scenario.name(), "", scenario.domain(), parties,
                AgreementRule.unanimity(scenario.partyNames()), null);
    }

    static Scenario withoutDiscounts(Scenario scenario) {
        List<Party> parties = new ArrayList<>();
        for (Party party : scenario.parties()) {
            Preferences p = party.preferences();
            parties.add(new Party(party.name(), new Preferences(p.utility(), p.constraints(), p.reservation(), Discount.NONE)));
        }
        return new Scenario(scenario.name(), scenario.description(), scenario.domain(), parties, scenario.agreement(),
                scenario.coalition());
    }
}

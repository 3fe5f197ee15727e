package org.parley.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Outcome;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Discount;

class ScenarioReaderTest {

    private static final String GOOD = """
            name: deal
            issues:
              colour: [red, green]
              price: {type: integer, min: 0, max: 10}
              share: {type: real, min: 0, max: 1}
            agreement: {quorum: 2, required: [buyer]}
            parties:
              buyer:
                role: the buyer
                strategy: boulware
                points:
                  colour: {red: 20, green: 0}
                  price: [[0, 50], [10, 0]]
                  share: [[0, 0], [1, 30]]
                reservation: 25
                discount: {factor: 0.9, per: time}
              seller:
                weights: {colour: 0.2, price: 0.5, share: 0.3}
                values:
                  colour: [0.5, 1]
                  price: [[0, 0], [10, 1]]
                  share: [[0, 1], [1, 0]]
                reservation: 0.4
                constraints:
                  - forbid: {price: {max: 2}}
                  - if: {colour: green}
                    then: {share: {max: 0.5}}
              broker:
                points: {colour: [0, 10], price: [[0, 0]], share: [[0, 0]]}
            """;

    @Test
    void readsEveryFormOfTheSchema() {
        Scenario s = ScenarioReader.read(GOOD, "deal.yaml");
        assertThat(s.domain().issue(1)).isEqualTo(new IntegerIssue("price", 0, 10));
        assertThat(s.domain().issue(2)).isEqualTo(new RealIssue("share", 0, 1));
        assertThat(s.agreement().quorum()).isEqualTo(2);
        assertThat(s.agreement().required()).containsExactly("buyer");
        var buyer = s.party("buyer");
        assertThat(buyer.role()).isEqualTo("the buyer");
        assertThat(buyer.strategy()).isEqualTo("boulware");
        assertThat(buyer.preferences().utility(new Outcome(0, 5, 0.5))).isCloseTo(0.20 + 0.25 + 0.15, within(1e-12));
        assertThat(buyer.preferences().reservation()).isEqualTo(0.25);
        assertThat(buyer.preferences().discount()).isEqualTo(Discount.overTime(0.9));
        var seller = s.party("seller").preferences();
        assertThat(seller.utility(new Outcome(1, 10, 0))).isCloseTo(1.0, within(1e-12));
        assertThat(seller.constraints()).hasSize(2).first().isInstanceOf(Constraint.Forbid.class);
        assertThat(seller.acceptable(new Outcome(1, 2, 0))).isFalse();
        assertThat(seller.acceptable(new Outcome(1, 10, 0.75))).isFalse();
        assertThat(seller.acceptable(new Outcome(1, 10, 0.5))).isTrue();
        assertThat(s.party("broker").preferences().utility(new Outcome(1, 0, 0))).isCloseTo(0.1, within(1e-12));
        assertThat(s.agreement().stands(java.util.List.of("buyer", "broker"))).isTrue();
    }

    @Test
    void jsonIsTheSameSchema() {
        String json = """
                {"name": "deal", "issues": {"colour": ["red", "green"]},
                 "parties": {"a": {"points": {"colour": [10, 90]}, "reservation": 20},
                             "b": {"weights": {"colour": 1}, "values": {"colour": {"red": 1, "green": 0}}}}}
                """;
        Scenario s = ScenarioReader.read(json, "deal.json");
        assertThat(s.party("a").preferences().utility(Outcome.of(1))).isCloseTo(0.9, within(1e-12));
        assertThat(s.party("b").preferences().utility(Outcome.of(0))).isEqualTo(1.0);
        assertThat(s.agreement().isUnanimity(2)).isTrue();
    }

    @Test
    void acceptsByteOrderMarksAndWindowsLineEnds(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("crlf.yaml");
        String text = "\uFEFF" + "name: x\r\nissues:\r\n  a: [p, q]\r\nparties:\r\n  one:\r\n    points: {a: [0, 100]}\r\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioReader.read(file).party("one").preferences().utility(Outcome.of(1))).isEqualTo(1.0);
        Path json = dir.resolve("bom.json");
        Files.write(json, ("\uFEFF{\"name\": \"x\", \"issues\": {\"a\": [\"p\"]},\r\n \"parties\": {\"one\": {\"points\": {\"a\": [5]}}}}")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ScenarioReader.read(json).name()).isEqualTo("x");
    }

    // ---- errors: each names the file, line, field and what was expected ----

    private static FormatException error(String yaml) {
        return catchThrowableOfType(FormatException.class, () -> ScenarioReader.read(yaml, "bad.yaml"));
    }

    private static String base(String partyBody) {
        return "name: x\nissues:\n  colour: [red, green]\n  size: [s, m, l]\nparties:\n  a:\n" + partyBody;
    }

    @Test
    void unknownIssueInAPointsTable() {
        FormatException e = error(base("    points:\n      colour: [0, 10]\n      size: [0, 5, 10]\n      weight: [1]\n"));
        assertThat(e.line()).isEqualTo(10);
        assertThat(e.field()).isEqualTo("parties.a.points.weight");
        assertThat(e.getMessage()).startsWith("bad.yaml:10:7: parties.a.points.weight: unknown issue (weight)")
                .contains("Expected one of: [colour, size]");
    }

    @Test
    void negativeWeights() {
        FormatException e = error(base("    weights: {colour: -0.5, size: 1.5}\n    values: {colour: [0, 1], size: [0, 0.5, 1]}\n"));
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("parties.a.weights.colour");
        assertThat(e.problem()).isEqualTo("the weight (-0.5) must not be negative");
    }

    @Test
    void weightsThatSumAboveOne() {
        FormatException e = error(base("    weights: {colour: 0.5, size: 0.6}\n    values: {colour: [0, 1], size: [0, 0.5, 1]}\n"));
        assertThat(e.field()).isEqualTo("parties.a.weights");
        assertThat(e.problem()).contains("sum to 1.1");
    }

    @Test
    void anOptionListedTwice() {
        FormatException e = error("name: x\nissues:\n  colour: [red, green, red]\nparties:\n  a: {points: {colour: [1, 2, 3]}}\n");
        assertThat(e.getMessage()).isEqualTo("bad.yaml:3:24: issues.colour[2]: the option (red) is listed twice (first on line 3)");
    }

    /**
     * require, forbid, if and then take the same values: an option or a list of options (a discrete
     * issue), a number or a range (a numeric one); forbid with a list forbids each option listed.
     */
    @Test
    void requireAndForbidTakeAnOptionOrAListAlike() {
        // Outcomes (colour, size): colour red/green, size s/m/l.
        java.util.function.Function<String, java.util.List<String>> allowed = constraint -> {
            Scenario s = ScenarioReader.read(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    constraints:\n      - "
                    + constraint + "\n"), "c.yaml");
            Constraint c = s.party("a").preferences().constraints().get(0);
            java.util.List<String> result = new java.util.ArrayList<>();
            for (int colour = 0; colour < 2; colour++) {
                for (int size = 0; size < 3; size++) {
                    if (c.satisfiedBy(Outcome.of(colour, size))) {
                        result.add(s.domain().issue(0).format(colour) + "/" + s.domain().issue(1).format(size));
                    }
                }
            }
            return result;
        };
        assertThat(allowed.apply("require: {size: m}")).containsExactly("red/m", "green/m");
        assertThat(allowed.apply("forbid: {size: m}")).containsExactly("red/s", "red/l", "green/s", "green/l");
        assertThat(allowed.apply("require: {size: [s, l]}")).containsExactly("red/s", "red/l", "green/s", "green/l");
        assertThat(allowed.apply("forbid: {size: [s, l]}")).containsExactly("red/m", "green/m");
        assertThat(allowed.apply("forbid:\n          size:\n            - s\n            - l"))
                .containsExactly("red/m", "green/m");
        assertThat(allowed.apply("forbid: {size: [m]}")).isEqualTo(allowed.apply("forbid: {size: m}"));
        assertThat(allowed.apply("if: {colour: [red]}\n        then: {size: [s, m]}"))
                .containsExactly("red/s", "red/m", "green/s", "green/m", "green/l");
        // The same mistakes are refused the same way under either key.
        for (String key : new String[] {"require", "forbid"}) {
            assertThat(error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    constraints:\n      - " + key
                    + ": {size: [s, xl]}\n")).problem()).as(key).contains("has no option (xl)");
            assertThat(error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    constraints:\n      - " + key
                    + ": {size: [s, s]}\n")).problem()).as(key).contains("the option (s) is listed twice");
            assertThat(error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    constraints:\n      - " + key
                    + ": {size: []}\n")).problem()).as(key).contains("at least one option");
        }
    }

    @Test
    void aConstraintOnAnUnknownOption() {
        FormatException e = error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    constraints:\n      - require: {size: xl}\n"));
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.field()).isEqualTo("parties.a.constraints[0].require.size");
        assertThat(e.problem()).contains("no option (xl)").contains("[s, m, l]");
    }

    @Test
    void aConstraintOnAnUnknownIssueSuggestsTheClosest() {
        FormatException e = error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    constraints:\n      - forbid: {color: red}\n"));
        assertThat(e.problem()).contains("unknown issue (color); did you mean (colour)?");
    }

    @Test
    void wrongNumberOfPoints() {
        FormatException e = error(base("    points: {colour: [0, 10], size: [0, 5]}\n"));
        assertThat(e.field()).isEqualTo("parties.a.points.size");
        assertThat(e.problem()).isEqualTo("expected 3 points (one per option of size: s, m, l), found 2");
    }

    @Test
    void missingIssueInPoints() {
        FormatException e = error(base("    points: {colour: [0, 10]}\n"));
        assertThat(e.field()).isEqualTo("parties.a.points");
        assertThat(e.problem()).contains("no points for issue (size)");
    }

    @Test
    void pointsAboveTheScale() {
        FormatException e = error(base("    points: {colour: [0, 60], size: [0, 5, 50]}\n"));
        assertThat(e.problem()).contains("scores 110 points, more than the scale (100)");
    }

    @Test
    void unknownFieldsAreTyposNotSilence() {
        FormatException e = error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    reservaton: 30\n"));
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.problem()).contains("unknown field (reservaton); did you mean (reservation)?");
    }

    @Test
    void duplicateKeys() {
        FormatException e = error("name: x\nname: y\n");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("the key (name) appears twice (first on line 1)");
    }

    @Test
    void yamlSyntaxErrorsCarryTheirPosition() {
        FormatException e = error("name: x\nissues:\n  colour: [red, green\nparties: {}\n");
        assertThat(e.line()).isPositive();
        assertThat(e.problem()).startsWith("not valid YAML");
    }

    @Test
    void jsonSyntaxErrorsCarryTheirPosition() {
        FormatException e = catchThrowableOfType(FormatException.class,
                () -> ScenarioReader.read("{\n  \"name\": \"x\",\n  \"issues\": {\"a\": [\"p\",]}\n}", "bad.json"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).startsWith("not valid JSON");
    }

    /**
     * A party written in points gives its reservation in points. "0.55" there used to mean 0.55
     * points (a utility of 0.0055) without a word; it is refused now, saying both readings, and a
     * percentage says "a share of the scale" in any form.
     */
    @Test
    void aReservationBelowOnePointIsRefusedAsAmbiguousAndAPercentageIsAUtility() {
        String points = "    points: {colour: [0, 10], size: [0, 50, 90]}\n";
        FormatException e = error(base(points + "    reservation: 0.55\n"));
        assertThat(e.field()).isEqualTo("parties.a.reservation");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.problem()).isEqualTo("the reservation (0.55) is in points on a party written in points (out of 100),"
                + " so it would mean a utility of 0.0055; for a utility of 0.55 write 55 or 55%, for 0.55 points write 0.55%");
        assertThat(error(base("    points: {colour: [0, 1], size: [0, 5, 9]}\n    scale: 10\n    reservation: 0.5\n")).problem())
                .contains("out of 10", "a utility of 0.05", "write 5 or 50%", "for 0.5 points write 5%");
        // What the message offers reads: 55 points, 55 %, and 0.55 % for the sub-point reservation.
        assertThat(reservation(points + "    reservation: 55\n")).isEqualTo(0.55);
        assertThat(reservation(points + "    reservation: 55%\n")).isEqualTo(0.55);
        assertThat(reservation(points + "    reservation: 0.55%\n")).isCloseTo(0.0055, within(1e-15));
        assertThat(reservation(points + "    scale: 200\n    reservation: 50%\n")).isEqualTo(0.5);
        // Whole points, nothing at all and a scale of 1 (points that are utilities) are not ambiguous.
        assertThat(reservation(points + "    reservation: 1\n")).isEqualTo(0.01);
        assertThat(reservation(points + "    reservation: 0\n")).isZero();
        assertThat(reservation("    points: {colour: [0, 0.1], size: [0, 0.5, 0.9]}\n    scale: 1\n    reservation: 0.55\n"))
                .isEqualTo(0.55);
        // In the weights form a number is a utility, and so is a percentage.
        String weights = "    weights: {colour: 0.5, size: 0.5}\n    values: {colour: [0, 1], size: [0, 0.5, 1]}\n";
        assertThat(reservation(weights + "    reservation: 0.55\n")).isEqualTo(0.55);
        assertThat(reservation(weights + "    reservation: 55%\n")).isEqualTo(0.55);
        assertThat(error(base(weights + "    reservation: 55\n")).problem())
                .isEqualTo("the reservation (55) must lie between 0 and 1 (a utility), or be a percentage such as 55%");
        assertThat(error(base(points + "    reservation: 120%\n")).problem())
                .isEqualTo("the reservation (120%) must lie between 0% and 100%");
        assertThat(error(base(points + "    reservation: half%\n")).problem())
                .isEqualTo("expected a number or a percentage such as 55%, found (half%)");
    }

    @Test
    void aNumberWrittenAsTextIsRefusedNamingFieldAndLine() {
        String weights = "    weights: {colour: 0.5, size: 0.5}\n    values: {colour: [0, 1], size: [0, 0.5, 1]}\n";
        FormatException e = error(base(weights + "    reservation: \"0.5\"\n"));
        assertThat(e.field()).isEqualTo("parties.a.reservation");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.problem()).isEqualTo("expected a number, found the text (\"0.5\"), written in quotes; write the"
                + " number without quotes");
        assertThat(error(base("    weights: {colour: '0.5', size: 0.5}\n    values: {colour: [0, 1], size: [0, 0.5, 1]}\n"))
                .field()).isEqualTo("parties.a.weights.colour");
        // The same in JSON, and a percentage stays text as it must.
        FormatException json = catchThrowableOfType(FormatException.class, () -> ScenarioReader.read("""
                {"name": "x", "issues": {"colour": ["red", "green"]},
                 "parties": {"a": {"points": {"colour": [10, 90]}, "reservation": "20"}}}""", "bad.json"));
        assertThat(json.field()).isEqualTo("parties.a.reservation");
        assertThat(json.line()).isEqualTo(2);
        assertThat(reservation(weights + "    reservation: \"55%\"\n")).isEqualTo(0.55);
    }

    @Test
    void aDefaultStrategyThatDoesNotExistIsRefusedWithItsLine() {
        String points = "    points: {colour: [0, 10], size: [0, 50, 90]}\n";
        FormatException e = error(base(points + "    strategy: bolware\n"));
        assertThat(e.field()).isEqualTo("parties.a.strategy");
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.problem()).startsWith("Unknown strategy (bolware); the strategies are boulware, linear,");
        assertThat(error(base(points + "    strategy: boulware:x=1\n")).problem()).contains("no parameter (x)");
        assertThat(error(base(points + "    strategy: time-dependent:e=fast\n")).problem()).contains("must be a number");
        assertThat(ScenarioReader.read(base(points + "    strategy: time-dependent:e=2\n"), "ok.yaml").party("a").strategy())
                .isEqualTo("time-dependent:e=2");
    }

    private static double reservation(String partyBody) {
        return ScenarioReader.read(base(partyBody), "r.yaml").party("a").preferences().reservation();
    }

    @Test
    void badValuesNameWhatWasExpected() {
        assertThat(error(base("    points: {colour: [0, ten], size: [0, 5, 10]}\n")).problem())
                .isEqualTo("expected a number, found (ten)");
        assertThat(error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    discount: 1.5\n")).problem())
                .contains("discount factor (1.5) must lie in (0, 1]");
        assertThat(error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    reservation: 120\n")).problem())
                .contains("between 0 and 100");
        assertThat(error(base("    points: {colour: [0, -10], size: [0, 5, 10]}\n")).problem())
                .contains("must not be negative");
        assertThat(error("name: x\nissues:\n  price: {type: integer, min: 5, max: 1}\nparties: {a: {points: {price: [[1, 0]]}}}\n").problem())
                .contains("empty");
        assertThat(error("name: x\nissues:\n  price: {type: decimal, min: 5, max: 1}\nparties: {}\n").problem())
                .contains("unknown issue type (decimal)");
        assertThat(error(base("    points: {colour: [0, 10], size: [0, 5, 10]}\n    weights: {colour: 1, size: 0}\n")).problem())
                .contains("either (points) or (weights and values)");
        assertThat(error(base("    role: x\n")).problem()).contains("preferences are missing");
    }

    @Test
    void agreementRulesAreChecked() {
        String parties = "parties:\n  a: {points: {colour: [0, 10]}}\n  b: {points: {colour: [10, 0]}}\n";
        String head = "name: x\nissues:\n  colour: [red, green]\n";
        assertThat(catchThrowableOfType(FormatException.class,
                () -> ScenarioReader.read(head + "agreement: {required: [a, c]}\n" + parties, "bad.yaml")).problem())
                .contains("unknown party (c)");
        assertThat(catchThrowableOfType(FormatException.class,
                () -> ScenarioReader.read(head + "agreement: {quorum: 3}\n" + parties, "bad.yaml")).problem())
                .contains("between 1 and the number of parties (2)");
        assertThat(catchThrowableOfType(FormatException.class,
                () -> ScenarioReader.read(head + "agreement: majority\n" + parties, "bad.yaml")).problem())
                .contains("expected (unanimity)");
    }

    @Test
    void filesThatDoNotExistOrAreEmpty(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ScenarioReader.read(dir.resolve("none.yaml")))
                .isInstanceOf(FormatException.class).hasMessageEndingWith("none.yaml: no such file");
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> ScenarioReader.read(empty)).hasMessageContaining("the file is empty");
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
        assertThatThrownBy(() -> ScenarioReader.read(latin1)).hasMessageContaining("not UTF-8");
    }

    private static final String PERSONAS = """
            name: talks
            issues:
              colour: [red, green]
            parties:
              buyer:
                persona: {style: hardliner, patience: 0.8, reciprocity: 0.2}
                phrases:
                  walk-away-threat: "The guild will not be pushed further."
                  concession-answered: ["You moved, {party}; so do we.", "Fair is fair."]
                points: {colour: [20, 0]}
              seller:
                persona: {style: cooperative}
                points: {colour: [0, 10]}
            """;

    @Test
    void readsPersonasAndPhrasesAndWritesThemBack() {
        Scenario s = ScenarioReader.read(PERSONAS, "talks.yaml");
        var buyer = s.party("buyer");
        assertThat(buyer.persona()).isEqualTo(new org.parley.core.model.Persona(
                org.parley.core.model.Persona.Style.HARDLINER, 0.8, 0.2));
        assertThat(buyer.phrases().phrases().get("concession-answered"))
                .containsExactly("You moved, {party}; so do we.", "Fair is fair.");
        assertThat(buyer.phrases().render("walk-away-threat", java.util.Map.of(), 0))
                .isEqualTo("The guild will not be pushed further.");
        // Missing fields take the pragmatic defaults; a party without a persona has none.
        assertThat(s.party("seller").persona()).isEqualTo(new org.parley.core.model.Persona(
                org.parley.core.model.Persona.Style.COOPERATIVE, 0.5, 0.5));
        Scenario back = ScenarioReader.read(ScenarioWriter.toYaml(s), "back.yaml");
        assertThat(back.party("buyer").persona()).isEqualTo(buyer.persona());
        assertThat(back.party("buyer").phrases()).isEqualTo(buyer.phrases());
        assertThat(back.party("seller").phrases()).isEqualTo(org.parley.core.model.Phrasebook.NONE);
    }

    @Test
    void aBadPersonaOrLineNamesItsLine() {
        String[][] cases = {
            {"persona: {style: hardline}", "talks.yaml:6:", "unknown style (hardline); did you mean (hardliner)?"},
            {"persona: {patience: 1.5}", "talks.yaml:6:", "the patience (1.5) must lie from 0 to 1"},
            {"persona: {style: pragmatic, mood: grim}", "talks.yaml:6:", "mood"},
            {"phrases: {walkaway: \"Bye.\"}", "talks.yaml:6:", "walkaway"},
            {"phrases: {hold: \"We wait for {opponent}.\"}", "talks.yaml:6:", "Unknown placeholder {opponent}"},
            {"phrases: {hold: [\"Fine.\", \"\"]}", "talks.yaml:6:", "empty"},
        };
        for (String[] c : cases) {
            // The buyer's persona and phrases give way to the one bad line.
            String text = PERSONAS.replaceFirst("    persona: \\{style: hardliner[^\n]*\n    phrases:\n(      [^\n]*\n)+",
                    "    " + c[0].replace("\\", "\\\\").replace("$", "\\$") + "\n");
            assertThatThrownBy(() -> ScenarioReader.read(text, "talks.yaml")).as(c[0])
                    .isInstanceOf(FormatException.class).hasMessageContaining(c[1]).hasMessageContaining(c[2]);
        }
    }
}

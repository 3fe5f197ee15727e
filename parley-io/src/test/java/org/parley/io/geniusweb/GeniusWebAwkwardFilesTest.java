package org.parley.io.geniusweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Outcome;
import org.parley.core.model.Scenario;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.io.FormatException;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioImport;

/** Hand-written GeniusWeb files: number ranges, odd weights, BOMs, CRLF, unknown keys and mistakes. */
class GeniusWebAwkwardFilesTest {

    @TempDir
    Path dir;

    static final String DOMAIN_VALUES = """
            "issuesValues": {
              "days": {"range": {"low": 1, "high": 5, "step": 1}},
              "rate": {"range": {"low": 0.5, "high": 1.5, "step": 0.25}},
              "place": {"values": ["here", "there"]}
            }""";

    static final String DOMAIN = "{\n  \"name\": \"trip\",\n  " + DOMAIN_VALUES + "\n}\n";

    static String profile(String name, String weights, String reservation) {
        return """
                {
                  "LinearAdditiveUtilitySpace": {
                    "issueUtilities": {
                      "days": {"NumberValueSetUtilities": {"lowValue": 1, "lowUtility": 0.2, "highValue": 5, "highUtility": 1}},
                      "rate": {"numberutils": {"lowValue": 0.5, "lowUtility": 1, "highValue": 1.5, "highUtility": 0}},
                      "place": {"discreteutils": {"valueUtilities": {"here": 1, "there": 0.4}}}
                    },
                    "issueWeights": {%s},
                    "domain": {"name": "trip", %s},
                    "name": "%s",
                    "reservationBid": %s
                  }
                }
                """.formatted(weights, DOMAIN_VALUES, name, reservation);
    }

    static final String WEIGHTS = "\"days\": 0.5, \"rate\": 0.3, \"place\": 0.2";

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    Imported load(String profile) throws IOException {
        write("trip.json", DOMAIN);
        write("trip1.json", profile);
        return ScenarioImport.load(dir);
    }

    @Test
    void numberRangesBecomeIntegerIssuesOrDiscreteNumbersAndTheReservationBidIsValued() throws IOException {
        Imported imported = load(profile("walker", WEIGHTS,
                "{\"issuevalues\": {\"days\": 3, \"rate\": 1.25, \"place\": \"there\"}}"));
        Scenario s = imported.scenario();
        assertThat(imported.warnings()).isEmpty();
        assertThat(s.partyNames()).containsExactly("walker");
        assertThat(s.domain().issue(0)).isEqualTo(new IntegerIssue("days", 1, 5));
        assertThat(s.domain().issue(1)).isEqualTo(new DiscreteIssue("rate", List.of("0.5", "0.75", "1", "1.25", "1.5")));
        var walker = s.party("walker").preferences();
        // days 3: 0.2 + 0.8 · (3 − 1) / 4 = 0.6; rate 1.25: 1 − (1.25 − 0.5) / 1 = 0.25; there: 0.4
        assertThat(walker.reservation()).isEqualTo(0.5 * 0.6 + 0.3 * 0.25 + 0.2 * 0.4);
        assertThat(walker.utility(new Outcome(5, 0, 0))).isCloseTo(0.5 + 0.3 + 0.2, within(1e-12));
        assertThat(walker.utility(new Outcome(2, 1, 1))).isCloseTo(0.5 * 0.4 + 0.3 * 0.75 + 0.2 * 0.4, within(1e-12));
    }

    @Test
    void weightsThatDoNotSumToOneAreNormalisedWithAWarning() throws IOException {
        Imported imported = load(profile("p", "\"days\": 2, \"rate\": 1, \"place\": 1", "null"));
        var utility = (LinearAdditiveUtility) imported.scenario().party("p").preferences().utility();
        assertThat(utility.weights()).containsExactly(0.5, 0.25, 0.25);
        assertThat(imported.warnings()).singleElement().asString().contains("trip1.json:8", "sum to 4", "normalised");
        assertThat(imported.scenario().party("p").preferences().reservation()).isZero();
    }

    @Test
    void aMissingWeightIsAnErrorNamingFileLineAndField() throws IOException {
        FormatException e = org.junit.jupiter.api.Assertions.assertThrows(FormatException.class,
                () -> load(profile("p", "\"days\": 0.5, \"rate\": 0.5", "null")));
        assertThat(e.getMessage()).contains("trip1.json:8", "LinearAdditiveUtilitySpace.issueWeights",
                "no weight for the issue (place)");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsChangeNothing() throws IOException {
        Scenario plain = load(profile("p", WEIGHTS, "null")).scenario();
        for (String name : List.of("trip.json", "trip1.json")) {
            String text = "\uFEFF" + Files.readString(dir.resolve(name)).replace("\n", "\r\n");
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        }
        assertThat(ScenarioImport.load(dir).scenario()).isEqualTo(plain);
    }

    @Test
    void aWeightBeyondTheRangeOfADoubleIsRefusedNotReadAsOne() throws IOException {
        FormatException e = org.junit.jupiter.api.Assertions.assertThrows(FormatException.class,
                () -> load(profile("p", "\"days\": 1e400, \"rate\": 0.3, \"place\": 0.2", "null")));
        assertThat(e.field()).isEqualTo("LinearAdditiveUtilitySpace.issueWeights.days");
        assertThat(e.problem()).contains("(1e400) is out of range");
        assertThat(e.line()).isEqualTo(8);
        FormatException tiny = org.junit.jupiter.api.Assertions.assertThrows(FormatException.class,
                () -> load(profile("p", "\"days\": 1e-999999999, \"rate\": 0.3, \"place\": 0.2", "null")));
        assertThat(tiny.getMessage()).contains("(1e-999999999) is out of range").hasSizeLessThan(400);
        FormatException quoted = org.junit.jupiter.api.Assertions.assertThrows(FormatException.class,
                () -> load(profile("p", "\"days\": \"0.5\", \"rate\": 0.3, \"place\": 0.2", "null")));
        assertThat(quoted.problem()).contains("written in quotes");
    }

    @Test
    void unknownKeysAreIgnoredWithTheirLine() throws IOException {
        Imported imported = load(profile("p", WEIGHTS, "null").replace("\"name\": \"p\",",
                "\"name\": \"p\",\n      \"comment\": \"drawn up on Monday\","));
        assertThat(imported.warnings()).singleElement().asString().contains("trip1.json:15", "(comment)");
    }

    @Test
    void malformedJsonNamesFileAndLine() throws IOException {
        assertThatThrownBy(() -> load(profile("p", WEIGHTS, "null").replace("\"name\": \"p\",", "\"name\": \"p\"")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("trip1.json:15")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void mistakesInContentNameTheFileLineAndField() throws IOException {
        assertThatThrownBy(() -> load(profile("p", WEIGHTS, "null").replace("\"there\": 0.4", "\"there\": 1.4")))
                .hasMessageContaining("trip1.json:6")
                .hasMessageContaining("issueUtilities.place.discreteutils.valueUtilities.there")
                .hasMessageContaining("utility (1.4) must lie in [0, 1]");
        assertThatThrownBy(() -> load(profile("p", WEIGHTS, "null").replace("\"highValue\": 5", "\"highValue\": 6")))
                .hasMessageContaining("trip1.json:4").hasMessageContaining("GeniusWeb requires the same ends");
        assertThatThrownBy(() -> load(profile("p", WEIGHTS, "{\"issuevalues\": {\"days\": 3, \"rate\": 1.3, \"place\": \"x\"}}")))
                .hasMessageContaining("reservationBid.issuevalues.rate").hasMessageContaining("no value 1.3");
        assertThatThrownBy(() -> load("{\"SumOfGroupsUtilitySpace\": {}}"))
                .hasMessageContaining("trip1.json:1").hasMessageContaining("(SumOfGroupsUtilitySpace) is not supported");
        assertThatThrownBy(() -> load(profile("p", WEIGHTS, "null").replace("\"discreteutils\"", "\"discreteutility\"")))
                .hasMessageContaining("unknown utilities type (discreteutility)");
    }

    @Test
    void aValueWithoutUtilityCountsZeroWithAWarning() throws IOException {
        Imported imported = load(profile("p", WEIGHTS, "null").replace(", \"there\": 0.4", ""));
        assertThat(imported.warnings()).singleElement().asString().contains("(there)", "GeniusWeb scores it 0");
        assertThat(imported.scenario().party("p").preferences().utility(new Outcome(1, 4, 1))).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void profilesWithoutADomainFileUseTheEmbeddedDomainAndAMismatchIsAnError() throws IOException {
        write("a.json", profile("a", WEIGHTS, "null"));
        write("b.json", profile("b", WEIGHTS, "null"));
        Imported imported = ScenarioImport.load(List.of(dir.resolve("a.json"), dir.resolve("b.json")));
        assertThat(imported.scenario().partyNames()).containsExactly("a", "b");
        assertThat(imported.warnings()).singleElement().asString().contains("used the domain embedded");
        write("c.json", profile("c", WEIGHTS, "null").replace("[\"here\", \"there\"]", "[\"here\", \"there\", \"away\"]"));
        assertThatThrownBy(() -> ScenarioImport.load(List.of(dir.resolve("a.json"), dir.resolve("c.json"))))
                .hasMessageContaining("c.json").hasMessageContaining("other values than the domain file");
    }
}

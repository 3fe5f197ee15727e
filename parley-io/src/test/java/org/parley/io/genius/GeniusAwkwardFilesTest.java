package org.parley.io.genius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.IntegerIssue;
import org.parley.core.model.Outcome;
import org.parley.core.model.RealIssue;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.io.FormatException;
import org.parley.io.interop.Imported;
import org.parley.io.interop.ScenarioImport;

/** Hand-written GENIUS files as they come in the wild: numeric issues, odd weights, BOMs, CRLF, junk, mistakes. */
class GeniusAwkwardFilesTest {

    @TempDir
    Path dir;

    static final String DOMAIN = """
            <negotiation_template>
            <utility_space number_of_issues="3">
            <objective index="0" name="root" type="objective" etype="objective">
              <issue index="1" name="colour" type="discrete" etype="discrete">
                <item index="1" value="red"/>
                <item index="2" value="blue"/>
              </issue>
              <issue index="2" name="quantity" type="integer" etype="integer" lowerbound="0" upperbound="10"/>
              <issue index="3" name="price" type="real" etype="real">
                <range lowerbound="1.0" upperbound="3.0"/>
              </issue>
            </objective>
            </utility_space>
            </negotiation_template>
            """;

    static String profile(String weights, String extra) {
        return """
                <utility_space>
                  <objective index="0" name="root" type="objective" etype="objective">
                    <issue index="1" name="colour" type="discrete">
                      <item index="1" value="red" evaluation="4"/>
                      <item index="2" value="blue" evaluation="8"/>
                    </issue>
                    <issue index="2" name="quantity" type="integer" lowerbound="0" upperbound="10">
                      <evaluator ftype="linear" slope="0.1" offset="0.2"/>
                    </issue>
                    <issue index="3" name="price" type="real">
                      <range lowerbound="1.0" upperbound="3.0"/>
                      <evaluator ftype="linear" parameter0="1.5" parameter1="-0.5"/>
                    </issue>
                    %s
                  </objective>
                  %s
                </utility_space>
                """.formatted(weights, extra);
    }

    static final String WEIGHTS = """
            <weight index="1" value="0.5"/>
            <weight index="2" value="0.3"/>
            <weight index="3" value="0.2"/>""";

    Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    Imported load(String profileText) throws IOException {
        write("shop_domain.xml", DOMAIN);
        write("shop_buyer.xml", profileText);
        return ScenarioImport.load(dir);
    }

    @Test
    void integerAndRealIssuesAreReadWithGeniusEvaluators() throws IOException {
        Imported imported = load(profile(WEIGHTS, "<reservation value=\"0.3\"/><discount_factor value=\"0.8\"/>"));
        Scenario s = imported.scenario();
        assertThat(s.domain().issue(1)).isEqualTo(new IntegerIssue("quantity", 0, 10));
        assertThat(s.domain().issue(2)).isEqualTo(new RealIssue("price", 1.0, 3.0));
        var buyer = s.party("buyer").preferences();
        // blue (8 of 8), quantity 4: 0.2 + 0.1 · 4, price 2.0: 1.5 − 0.5 · 2
        assertThat(buyer.utility(new Outcome(1, 4, 2.0))).isCloseTo(0.5 * 1 + 0.3 * 0.6 + 0.2 * 0.5, within(1e-12));
        // red (4 of 8), quantity 10: 0.2 + 1.0 clamps to 1, price 1.0: 1.0
        assertThat(buyer.utility(new Outcome(0, 10, 1.0))).isCloseTo(0.5 * 0.5 + 0.3 + 0.2, within(1e-12));
        // quantity 8 and 9 both clamp at 1 (0.2 + 0.8 = 1.0): the kink is held exactly
        assertThat(buyer.utility(new Outcome(0, 9, 3.0))).isCloseTo(0.25 + 0.3 + 0, within(1e-12));
        assertThat(buyer.utility(new Outcome(0, 7, 1.5))).isCloseTo(0.25 + 0.3 * 0.9 + 0.2 * 0.75, within(1e-12));
        assertThat(buyer.reservation()).isEqualTo(0.3);
        assertThat(buyer.discount()).isEqualTo(Discount.overTime(0.8));
        assertThat(imported.warnings()).isEmpty();
    }

    @Test
    void olderFilesGiveIntegerEvaluatorsAsParametersOverTheRawValueAndRangesAsChildren() throws IOException {
        String domain = DOMAIN.replace("<issue index=\"2\" name=\"quantity\" type=\"integer\" etype=\"integer\" lowerbound=\"0\""
                + " upperbound=\"10\"/>", "<issue index=\"2\" name=\"quantity\" type=\"integer\"><range lowerbound=\"0\""
                + " upperbound=\"10\"/></issue>");
        write("shop_domain.xml", domain);
        write("shop_buyer.xml", profile(WEIGHTS, "").replace("slope=\"0.1\" offset=\"0.2\"", "parameter0=\"0.05\""
                + " parameter1=\"0.09\""));
        Scenario s = ScenarioImport.load(dir).scenario();
        assertThat(s.domain().issue(1)).isEqualTo(new IntegerIssue("quantity", 0, 10));
        // 0.05 + 0.09 · 5
        assertThat(s.party("buyer").preferences().utility(new Outcome(1, 5, 3.0))).isCloseTo(0.5 + 0.3 * 0.5, within(1e-12));
    }

    @Test
    void weightsThatDoNotSumToOneAreNormalisedWithAWarning() throws IOException {
        Imported imported = load(profile(WEIGHTS.replace("0.5", "2").replace("0.3", "1").replace("0.2", "1"), ""));
        var utility = (LinearAdditiveUtility) imported.scenario().party("buyer").preferences().utility();
        assertThat(utility.weights()).containsExactly(0.5, 0.25, 0.25);
        assertThat(imported.warnings()).singleElement().asString()
                .contains("shop_buyer.xml:2", "weights sum to 4.0", "normalised");
    }

    /**
     * The shape of the ANAC 2012 Fitness profiles: the root objective has index 1, the issues 2 on,
     * and the profile weighs the objective too ({@code <weight index="1" value="1.0"/>}). GENIUS
     * reads only issue weights; so does Parley, with a warning naming file and line.
     */
    @Test
    void aWeightOnTheObjectiveOrOnNoIssueIsIgnoredWithAWarning() throws IOException {
        write("gym_domain.xml", """
                <negotiation_template>
                <utility_space number_of_issues="2">
                <objective index="1" name="Gym" type="objective" etype="objective">
                  <issue index="2" name="sport" type="discrete" etype="discrete"><item index="1" value="swim"/><item index="2" value="run"/></issue>
                  <issue index="3" name="hours" type="discrete" etype="discrete"><item index="1" value="1"/><item index="2" value="3"/></issue>
                </objective>
                </utility_space>
                </negotiation_template>
                """);
        write("gym_member.xml", """
                <utility_space>
                <objective index="1" name="Gym" type="objective" etype="objective">
                  <issue index="2" name="sport" type="discrete"><item index="1" value="swim" evaluation="2"/><item index="2" value="run" evaluation="4"/></issue>
                  <issue index="3" name="hours" type="discrete"><item index="1" value="1" evaluation="1"/><item index="2" value="3" evaluation="0"/></issue>
                  <weight index="2" value="0.6"/>
                  <weight index="3" value="0.4"/>
                  <weight index="1" value="1.0"/>
                  <weight index="9" value="0.5"/>
                </objective>
                </utility_space>
                """);
        Imported imported = ScenarioImport.load(dir);
        var utility = (LinearAdditiveUtility) imported.scenario().party("member").preferences().utility();
        assertThat(utility.weights()).containsExactly(0.6, 0.4);
        assertThat(imported.scenario().party("member").preferences().utility(new Outcome(0, 0))).isCloseTo(0.3 + 0.4,
                within(1e-12));
        assertThat(imported.warnings()).containsExactly(
                dir.resolve("gym_member.xml") + ":7: ignored the weight for index 1, the objective (Gym), not an issue;"
                        + " GENIUS weighs issues only",
                dir.resolve("gym_member.xml") + ":8: ignored the weight for index 9, which no issue of the domain has (its"
                        + " issue indices are [2, 3]); GENIUS weighs issues only");
    }

    @Test
    void noWeightsAtAllMeansEqualWeightsWithAWarningButAMissingOneIsAnError() throws IOException {
        Imported imported = load(profile("", ""));
        var utility = (LinearAdditiveUtility) imported.scenario().party("buyer").preferences().utility();
        assertThat(utility.weights()).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
        assertThat(imported.warnings()).singleElement().asString().contains("no <weight> elements", "1/3");
        assertThatThrownBy(() -> load(profile("<weight index=\"1\" value=\"0.5\"/>", "")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("shop_buyer.xml:2")
                .hasMessageContaining("no <weight index=\"2\"> for the issue (quantity)");
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsChangeNothing() throws IOException {
        Scenario plain = load(profile(WEIGHTS, "")).scenario();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        for (String name : List.of("shop_domain.xml", "shop_buyer.xml")) {
            String text = Files.readString(dir.resolve(name)).replace("\n", "\r\n");
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, all, 0, bom.length);
            System.arraycopy(body, 0, all, bom.length, body.length);
            Files.write(dir.resolve(name), all);
        }
        assertThat(ScenarioImport.load(dir).scenario()).isEqualTo(plain);
    }

    @Test
    void unknownElementsAreIgnoredWithTheirLineAndUnknownAttributesSilently() throws IOException {
        String text = profile(WEIGHTS, "<notes author=\"x\">hello</notes>")
                .replace("<item index=\"1\" value=\"red\" evaluation=\"4\"/>",
                        "<item index=\"1\" value=\"red\" evaluation=\"4\" cost=\"12\" description=\"nice\"/><colourhint/>");
        Imported imported = load(text);
        assertThat(imported.warnings()).hasSize(2);
        assertThat(imported.warnings().get(0)).contains("shop_buyer.xml:18", "<notes>");
        assertThat(imported.warnings().get(1)).contains("shop_buyer.xml:4", "<colourhint>");
    }

    @Test
    void unknownElementsOfTheDomainAreIgnoredWithTheDocumentedWarning() throws IOException {
        String domain = DOMAIN
                .replace("<item index=\"2\" value=\"blue\"/>", "<item index=\"2\" value=\"blue\"/>\n    <shade/><shade/>")
                .replace("</objective>", "  <remark text=\"x\"/>\n</objective>");
        write("shop_domain.xml", domain);
        write("shop_buyer.xml", profile(WEIGHTS, ""));
        Imported imported = ScenarioImport.load(dir);
        assertThat(imported.warnings()).hasSize(2);
        assertThat(imported.warnings().get(0)).endsWith(
                "shop_domain.xml:7: ignored the element <shade> in the issue (colour), which GENIUS domains do not use");
        assertThat(imported.warnings().get(1)).endsWith(
                "shop_domain.xml:13: ignored the element <remark> in the objective, which GENIUS domains do not use");
        assertThat(imported.scenario().domain().issue(0)).isEqualTo(new DiscreteIssue("colour", List.of("red", "blue")));
    }

    @Test
    void malformedXmlNamesFileAndLine() throws IOException {
        assertThatThrownBy(() -> load(profile(WEIGHTS, "").replace("</issue>\n    <issue index=\"2\"", "\n    <issue index=\"2\"")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("shop_buyer.xml:")
                .hasMessageContaining("not valid XML");
        FormatException e = org.junit.jupiter.api.Assertions.assertThrows(FormatException.class,
                () -> load(profile(WEIGHTS, "").replace("evaluation=\"8\"", "evaluation=\"eight\"")));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).endsWith("item[2]@evaluation");
        assertThat(e.getMessage()).contains("shop_buyer.xml:5", "expected a number, found (eight)");
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = write("secret.txt", "top secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE utility_space [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + profile(WEIGHTS, "").replace("name=\"root\"", "name=\"&x;\"");
        assertThatThrownBy(() -> load(xxe)).isInstanceOf(FormatException.class)
                .hasMessageContaining("shop_buyer.xml")
                .satisfies(t -> assertThat(t.getMessage()).doesNotContain("top secret"));
    }

    @Test
    void mistakesInContentNameTheFileLineAndField() throws IOException {
        assertThatThrownBy(() -> load(profile(WEIGHTS, "").replace("<item index=\"2\" value=\"blue\" evaluation=\"8\"/>", "")))
                .hasMessageContaining("shop_buyer.xml:3").hasMessageContaining("(blue)").hasMessageContaining("no <item");
        assertThatThrownBy(() -> load(profile(WEIGHTS, "").replace("value=\"blue\" evaluation", "value=\"green\" evaluation")))
                .hasMessageContaining("shop_buyer.xml:5").hasMessageContaining("no value (green)");
        assertThatThrownBy(() -> load(profile(WEIGHTS, "<reservation value=\"1.2\"/>")))
                .hasMessageContaining("@value").hasMessageContaining("reservation value (1.2) must lie in [0, 1]");
        assertThatThrownBy(() -> load(profile(WEIGHTS, "<discount_factor value=\"1.5\"/>")))
                .hasMessageContaining("discount factor (1.5)");
        assertThatThrownBy(() -> load(profile(WEIGHTS, "").replace("index=\"3\" name=\"price\"", "index=\"7\" name=\"price\"")))
                .hasMessageContaining("issue #7 (price) is not in the domain");
        assertThatThrownBy(() -> load(profile(WEIGHTS, "").replace("ftype=\"linear\" parameter0", "ftype=\"faratin\" parameter0")))
                .hasMessageContaining("@ftype").hasMessageContaining("(faratin) is not supported");
        write("shop_domain.xml", DOMAIN.replace("type=\"integer\" etype", "type=\"complex\" etype"));
        assertThatThrownBy(() -> ScenarioImport.load(dir)).hasMessageContaining("shop_domain.xml:8")
                .hasMessageContaining("unknown issue type (complex)");
    }

    @Test
    void aDiscountOfZeroMeansNoneAsInGenius() throws IOException {
        Imported imported = load(profile(WEIGHTS, "<discount_factor value=\"0\"/>"));
        assertThat(imported.scenario().party("buyer").preferences().discount()).isEqualTo(Discount.NONE);
        assertThat(imported.warnings()).singleElement().asString().contains("discount factor of 0");
    }

    @Test
    void triangularEvaluatorsAreHeldExactly() throws IOException {
        Imported imported = load(profile(WEIGHTS, "").replace("ftype=\"linear\" parameter0=\"1.5\" parameter1=\"-0.5\"",
                "ftype=\"triangular_variable_top\" parameter0=\"1.5\" parameter1=\"2.5\" parameter2=\"2.0\" parameter3=\"0.8\""));
        var buyer = imported.scenario().party("buyer").preferences();
        // colour red (0.5), quantity 0 (0.2), price 1.75: 0.8 · (1.75 − 1.5) / 0.5
        assertThat(buyer.utility(new Outcome(0, 0, 1.75))).isCloseTo(0.25 + 0.06 + 0.2 * 0.4, within(1e-12));
        assertThat(buyer.utility(new Outcome(0, 0, 2.0))).isCloseTo(0.25 + 0.06 + 0.2 * 0.8, within(1e-12));
        assertThat(buyer.utility(new Outcome(0, 0, 2.9))).isCloseTo(0.25 + 0.06, within(1e-12));
        assertThat(buyer.utility(new Outcome(0, 0, 1.2))).isCloseTo(0.25 + 0.06, within(1e-12));
    }

    @Test
    void anXmlFileThatIsNeitherDomainNorProfileIsNamedForWhatItIs() throws IOException {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<?xml version=\"1.0\"?>\n<project>\n</project>\n");
        assertThatThrownBy(() -> ScenarioImport.load(pom))
                .hasMessage(pom + ":2: project: expected a GENIUS domain (<negotiation_template>) or utility space"
                        + " (<utility_space>), found <project>");
    }

    @Test
    void aProfileNamedAloneIsRefusedWithAHintAndTwoDomainsInAFolderToo() throws IOException {
        load(profile(WEIGHTS, ""));
        assertThatThrownBy(() -> ScenarioImport.load(dir.resolve("shop_buyer.xml")))
                .hasMessageContaining("is a GENIUS utility-space (profile) file; name its domain file");
        write("other_domain.xml", DOMAIN);
        assertThatThrownBy(() -> ScenarioImport.load(dir)).hasMessageContaining("holds 2 GENIUS domain files");
        // Naming one of them picks its own profiles by name.
        write("other_seller.xml", profile(WEIGHTS, ""));
        assertThat(ScenarioImport.load(dir.resolve("other_domain.xml")).scenario().partyNames()).containsExactly("seller");
        assertThat(ScenarioImport.load(dir.resolve("shop_domain.xml")).scenario().partyNames()).containsExactly("buyer");
    }

    @Test
    void discreteIssueNamesAndValuesMayHoldAnyCharacters() throws IOException {
        write("q_domain.xml", """
                <negotiation_template><utility_space><objective index="0" name="r">
                <issue index="1" name="size &amp; shape" type="discrete"><item index="1" value="19'' &lt;LCD&gt;"/>
                <item index="2" value="small"/></issue></objective></utility_space></negotiation_template>""");
        write("q_a.xml", """
                <utility_space><objective index="0" name="r"><issue index="1" name="size &amp; shape" type="discrete">
                <item index="1" value="19'' &lt;LCD&gt;" evaluation="1"/><item index="2" value="small" evaluation="3"/>
                </issue><weight index="1" value="1"/></objective></utility_space>""");
        Scenario s = ScenarioImport.load(dir.resolve("q_domain.xml")).scenario();
        assertThat(s.domain().issue(0)).isEqualTo(new DiscreteIssue("size & shape", List.of("19'' <LCD>", "small")));
        assertThat(s.party("a").preferences().utility(s.domain().outcome(Map.of("size & shape", "19'' <LCD>"))))
                .isCloseTo(1.0 / 3, within(1e-15));
    }
}

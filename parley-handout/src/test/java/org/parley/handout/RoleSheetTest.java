package org.parley.handout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.parley.core.model.AgreementRule;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Narrative;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Condition;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.Preferences;

class RoleSheetTest {

    static final Domain DOMAIN = new Domain(List.of(
            new DiscreteIssue("authority", List.of("federation", "shared-council", "kaldari")),
            new DiscreteIssue("guarantee", List.of("none", "federation-guarantee"))));

    static Scenario scenario() {
        Party federation = new Party("federation", "the envoy", new Preferences(
                LinearAdditiveUtility.fromPoints(DOMAIN, new double[][] {{60, 0, 0}, {40, 0}}, 100),
                List.of(new Constraint.Require(new Condition.OneOf(0, java.util.Set.of(0)))), 0.4,
                Discount.perRound(0.98)), null);
        Party kaldari = new Party("kaldari", "", new Preferences(
                LinearAdditiveUtility.fromPoints(DOMAIN, new double[][] {{0, 35, 50}, {0, 50}}, 100),
                List.of(), 0.17, Discount.NONE), null);
        Narrative narrative = new Narrative("A *breakaway* world & its <federation>.",
                Map.of("federation", "Hold **authority** at all costs.", "kaldari", "The kaldari secret: 77 ships."));
        return new Scenario("tavrik-mini", "", DOMAIN, List.of(federation, kaldari),
                new AgreementRule(2, java.util.Set.of("federation")), null, narrative);
    }

    @Test
    void theSheetHoldsTheStoryTheBriefThePointsTheWalkAwayAndTheNonNegotiablesInWords() {
        String html = RoleSheet.html(scenario(), "federation");
        assertThat(html).contains("<h1>Tavrik mini</h1>")
                .contains("<em>breakaway</em> world &amp; its &lt;federation&gt;.")
                .contains("Hold <strong>authority</strong> at all costs.")
                .contains("<td class=\"issue\">authority</td><td>federation</td><td class=\"n\">60</td>")
                .contains("<td>federation-guarantee</td><td class=\"n\">0</td>")
                .contains("you score <strong>40 points</strong>")
                .contains("The deal must set authority to federation.")
                .contains("Unanimity: both parties must sign.")
                .contains("multiplies the value of any deal to you by 0.980");
    }

    @Test
    void aSheetNeverShowsAnotherPartysBriefOrPoints() {
        String html = RoleSheet.html(scenario(), "federation");
        assertThat(html).doesNotContain("77 ships").doesNotContain(">35<").doesNotContain("17 points");
        String kaldari = RoleSheet.html(scenario(), "kaldari");
        assertThat(kaldari).contains("77 ships").contains("17 points").doesNotContain("at all costs")
                .contains("None: every option is open");
    }

    @Test
    void thePdfCarriesTheSameText() throws IOException {
        byte[] pdf = RoleSheet.pdf(scenario(), "federation");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            String text = stripper.getText(document);
            assertThat(text).contains("Role sheet for federation").contains("Hold authority at all costs.")
                    .contains("shared-council").contains("40 points")
                    .contains("The deal must set authority to federation.");
        }
    }

    @Test
    void pointsKeepTheScenariosDecimalsOnly() {
        assertThat(RoleSheet.points(0.4)).isEqualTo("40");
        assertThat(RoleSheet.points(0.125)).isEqualTo("12.50");
    }
}

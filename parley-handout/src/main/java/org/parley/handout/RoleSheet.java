package org.parley.handout;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.parley.core.model.DiscreteIssue;
import org.parley.core.model.Domain;
import org.parley.core.model.Issue;
import org.parley.core.model.Party;
import org.parley.core.model.Scenario;
import org.parley.core.preference.Constraint;
import org.parley.core.preference.Discount;
import org.parley.core.preference.LinearAdditiveUtility;
import org.parley.core.preference.PlainWords;
import org.parley.core.preference.Preferences;

/**
 * A printable role sheet for one party of a scenario, as a teacher hands it out before a class
 * negotiates: the public story, the party's confidential brief, its points for every option, its
 * walk-away value, its non-negotiables in plain words, and how a deal is made. Everything on it is
 * what that party's player may know; nothing of another party's preferences or brief.
 *
 * <p>The HTML is well-formed XHTML (the PDF renderer, openhtmltopdf, needs it); Markdown from the
 * scenario is rendered with commonmark with raw HTML escaped, so a scenario file cannot inject markup.
 */
public final class RoleSheet {

    /** Fonts with the typographic characters briefs use (’, —, ≥); Debian's fonts-dejavu-core. */
    private static final String[] FONT_FILES = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    };

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    static {
        // openhtmltopdf logs every stage at INFO through java.util.logging: a CLI prints nothing unasked.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private RoleSheet() {}

    /** The sheet of {@code partyName} as a complete XHTML page. */
    public static String html(Scenario scenario, String partyName) {
        Party party = scenario.party(partyName);
        Preferences preferences = party.preferences();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\" />")
                .append("<title>").append(escape(scenario.name() + ": " + party.name())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        h.append("<h1>").append(escape(title(scenario.name()))).append("</h1>\n");
        h.append("<p class=\"who\">Role sheet for <strong>").append(escape(party.name())).append("</strong>");
        if (!party.role().isEmpty()) {
            h.append(": ").append(escape(party.role()));
        }
        h.append("</p>\n<p class=\"confidential\">Confidential: for the player of ").append(escape(party.name()))
                .append(" only. Do not show your points, your walk-away value or your brief to the other parties.</p>\n");

        String story = scenario.narrative().story().isBlank() ? scenario.description() : scenario.narrative().story();
        if (!story.isBlank()) {
            h.append("<h2>The situation</h2>\n").append(markdown(story));
        }
        String brief = scenario.narrative().brief(party.name());
        if (!brief.isBlank()) {
            h.append("<h2>Your brief</h2>\n").append(markdown(brief));
        }

        h.append("<h2>Your points</h2>\n");
        points(h, scenario.domain(), preferences);

        h.append("<h2>Your walk-away value</h2>\n<p>If no deal is made, you score <strong>")
                .append(points(preferences.reservation())).append(" points</strong>. A deal worth less to you than that"
                        + " is worse than no deal.</p>\n");

        h.append("<h2>Your non-negotiables</h2>\n");
        List<Constraint> constraints = preferences.constraints();
        if (constraints.isEmpty()) {
            h.append("<p>None: every option is open to negotiation.</p>\n");
        } else {
            h.append("<p>You cannot sign a deal that breaks any of these, whatever its points:</p>\n<ul>\n");
            for (Constraint c : constraints) {
                h.append("<li>").append(escape(capitalise(PlainWords.constraint(c, scenario.domain())))).append(".</li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h2>How a deal is made</h2>\n<p>At the table: ").append(escape(String.join(", ", scenario.partyNames())))
                .append(".</p>\n<p>").append(escape(capitalise(scenario.agreement().describe(scenario.partyNames()))))
                .append(". A party that does not sign scores its own walk-away value.</p>\n");
        Discount discount = preferences.discount();
        if (discount.factor() < 1) {
            h.append("<p>Time costs you: ").append(discount.basis() == Discount.Basis.PER_ROUND
                    ? "each round of talks multiplies the value of any deal to you by "
                    : "the value of any deal to you shrinks over the talks, by the end to a factor of ")
                    .append(String.format(Locale.ROOT, "%.3f", discount.factor())).append(".</p>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** The sheet as a PDF (A4), from {@link #html}. */
    public static byte[] pdf(Scenario scenario, String partyName) {
        return pdf(html(scenario, partyName));
    }

    /** Any well-formed XHTML page as a PDF. */
    public static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            File regular = new File(FONT_FILES[0]);
            File bold = new File(FONT_FILES[1]);
            if (regular.isFile() && bold.isFile()) {
                builder.useFont(regular, "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void points(StringBuilder h, Domain domain, Preferences preferences) {
        if (!(preferences.utility() instanceof LinearAdditiveUtility utility)) {
            h.append("<p>Your score is not a sum of points per issue: it depends on combinations of options."
                    + " Ask your facilitator for your score table.</p>\n");
            return;
        }
        h.append("<p>A deal scores the sum of your points for the option chosen on each issue (at most 100).</p>\n")
                .append("<table><thead><tr><th>issue</th><th>option</th><th class=\"n\">points</th></tr></thead><tbody>\n");
        for (int i = 0; i < domain.size(); i++) {
            Issue issue = domain.issue(i);
            if (issue instanceof DiscreteIssue d) {
                for (int k = 0; k < d.options().size(); k++) {
                    row(h, k == 0 ? issue.name() : "", d.options().get(k), utility.term(i, k));
                }
            } else {
                double[] ends = ends(issue);
                row(h, issue.name(), issue.format(ends[0]), utility.term(i, ends[0]));
                row(h, "", issue.format(ends[1]) + " (in between: in proportion)", utility.term(i, ends[1]));
            }
        }
        h.append("</tbody></table>\n");
    }

    private static double[] ends(Issue issue) {
        if (issue instanceof org.parley.core.model.IntegerIssue n) {
            return new double[] {n.min(), n.max()};
        }
        org.parley.core.model.RealIssue r = (org.parley.core.model.RealIssue) issue;
        return new double[] {r.min(), r.max()};
    }

    private static void row(StringBuilder h, String issue, String option, double utility) {
        h.append("<tr><td class=\"issue\">").append(escape(issue)).append("</td><td>").append(escape(option))
                .append("</td><td class=\"n\">").append(points(utility)).append("</td></tr>\n");
    }

    /** A utility in points (0 to 100), with decimals only where the scenario has them. */
    static String points(double utility) {
        double p = Math.round(utility * 100 * 100) / 100.0;
        return p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.2f", p);
    }

    private static String markdown(String text) {
        return HTML.render(MARKDOWN.parse(text));
    }

    private static String title(String name) {
        return capitalise(name.replace('-', ' '));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1f2430; line-height: 1.4; }
            h1 { font-size: 19pt; margin: 0 0 2mm 0; }
            h2 { font-size: 12.5pt; margin: 6mm 0 2mm 0; border-bottom: 1px solid #c9ced8; }
            .who { font-size: 11.5pt; margin: 0; }
            .confidential { border: 1px solid #b42318; color: #b42318; padding: 2mm 3mm; font-size: 9.5pt; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #e3e6ec; padding: 1mm 2mm; text-align: left; }
            td.issue { font-weight: bold; }
            .n { text-align: right; width: 18mm; }
            """;
}

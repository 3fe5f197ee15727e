package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A teacher sets up a class of nine for tavrik-accord in a real browser and follows it on the
 * dashboard; three students join table 1 by typing their codes, each in a window of their own, and
 * play it to a deal (the federation's student offers, the kaldari's accepts); the two other tables
 * are played through the API with their codes (one ends without a deal, one with). The dashboard
 * shows the three tables live, then the results and the class's deals on one chart; the role
 * sheets come from it as HTML and PDF.
 */
class ClassBrowserTest {

    static TestServer server;
    static WebDriver teacher;
    static WebDriver students;

    @BeforeAll
    static void start() {
        Browsers.requireBrowser();
        server = new TestServer();
        teacher = Browsers.open();
        students = Browsers.open();
    }

    @AfterAll
    static void stop() {
        for (WebDriver driver : new WebDriver[] {teacher, students}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aTeacherRunsAClassOfNineAndSeesTheResults() throws Exception {
        // The teacher sets the class up.
        teacher.get(server.base() + "/");
        Browsers.click(teacher, By.id("class-link"));
        Browsers.visible(teacher, By.cssSelector("[data-scenario='tavrik-accord'].on"));
        teacher.findElement(By.id("students")).clear();
        teacher.findElement(By.id("students")).sendKeys("9");
        teacher.findElement(By.id("rounds")).clear();
        teacher.findElement(By.id("rounds")).sendKeys("10");
        teacher.findElement(By.id("class-name")).sendKeys("Negotiation 101");
        Browsers.waiting(teacher).until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"),
                "9 students at 3 tables"));
        Browsers.screenshot(teacher, "class-01-setup");
        Browsers.click(teacher, By.id("create"));

        // The dashboard: three tables, each waiting for its federation.
        Browsers.waiting(teacher).until(d -> d.findElements(By.cssSelector(".table-card")).size() == 3);
        assertThat(teacher.getCurrentUrl()).contains("/class/").contains("#");
        Browsers.textIs(teacher, By.id("class-name"), "Negotiation 101");
        for (int t = 1; t <= 3; t++) {
            assertThat(Browsers.text(teacher, card(t))).contains("Table " + t).contains("Round 1 of 10")
                    .contains("Waiting for Federation");
        }
        Map<Integer, String> codes = new HashMap<>();
        for (var row : teacher.findElements(By.cssSelector("#codes tr[data-student]"))) {
            codes.put(Integer.parseInt(row.getAttribute("data-student")),
                    row.findElement(By.cssSelector("td.code")).getAttribute("textContent"));
        }
        assertThat(codes).hasSize(9);
        String dashboard = teacher.getCurrentUrl();
        String classId = URI.create(dashboard).getPath().replace("/class/", "");
        String token = dashboard.substring(dashboard.indexOf('#') + 1);
        Browsers.screenshot(teacher, "class-02-dashboard-start");

        // Students 1, 2 and 3 (federation, kaldari and vethari at table 1) join by typing their codes.
        String federationWindow = students.getWindowHandle();
        join(codes.get(1));
        Browsers.textIs(students, By.id("state"), "Your turn");
        students.switchTo().newWindow(WindowType.WINDOW);
        String kaldariWindow = students.getWindowHandle();
        join(codes.get(2).toLowerCase().replace("-", " "));
        Browsers.textIs(students, By.id("state"), "Waiting for Federation");
        students.switchTo().newWindow(WindowType.WINDOW);
        String vethariWindow = students.getWindowHandle();
        join(codes.get(3));
        Browsers.textIs(students, By.id("state"), "Waiting for Federation");
        assertThat(students.findElement(By.id("who")).getText()).containsIgnoringCase("vethari");

        // The federation's student offers the deal best for the worse off of federation and kaldari.
        students.switchTo().window(federationWindow);
        JsonNode deal = ClassApiTest.bestForBoth("federation", "kaldari");
        for (Iterator<Map.Entry<String, JsonNode>> it = deal.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> issue = it.next();
            choose(issue.getKey(), issue.getValue().asText());
        }
        Browsers.click(students, By.id("send-offer"));
        Browsers.textIs(students, By.id("state"), "Waiting for Kaldari");

        // Live on the dashboard: table 1 waits for the kaldari after the federation's offer.
        Browsers.waiting(teacher).until(ExpectedConditions.textToBePresentInElementLocated(card(1), "Waiting for Kaldari"));
        assertThat(Browsers.text(teacher, card(1))).contains("Last move: Federation offered (round 1)");
        // Table 2: its federation walks away (through the API, with the code): no deal.
        Http http = new Http(server.base());
        String table2 = negotiation(http, codes.get(4));
        Http.Response walked = http.post("/api/negotiations/" + table2 + "/moves", codes.get(4), "{\"type\": \"walk-away\"}");
        assertThat(walked.status()).as(walked.body()).isEqualTo(200);
        Browsers.waiting(teacher).until(ExpectedConditions.textToBePresentInElementLocated(card(2), "no agreement"));
        assertThat(Browsers.text(teacher, card(3))).contains("running").contains("Waiting for Federation");
        Browsers.screenshot(teacher, "class-03-dashboard-live");

        // The kaldari's student accepts: table 1 has a deal.
        students.switchTo().window(kaldariWindow);
        Browsers.textIs(students, By.id("state"), "Your turn");
        Browsers.click(students, By.id("accept"));
        acceptAnyWarning();
        Browsers.textIs(students, By.id("state"), "Negotiation over");
        assertThat(Browsers.text(students, By.id("outcome"))).contains("Agreement reached");
        students.switchTo().window(vethariWindow);
        Browsers.textIs(students, By.id("state"), "Negotiation over");
        Browsers.screenshot(students, "class-04-vethari-debriefing");

        // Table 3 through the API: the same offer, accepted.
        String table3 = negotiation(http, codes.get(7));
        ApiTest.turnOf(http, table3, codes.get(7));
        assertThat(http.post("/api/negotiations/" + table3 + "/moves", codes.get(7), "{\"type\": \"offer\", \"offer\": "
                + deal + "}").status()).isEqualTo(200);
        ApiTest.turnOf(http, table3, codes.get(8));
        assertThat(http.post("/api/negotiations/" + table3 + "/moves", codes.get(8), "{\"type\": \"accept\"}").status())
                .isEqualTo(200);

        // The results: every table ended, the scores, the averages and the three deals on one chart.
        Browsers.waiting(teacher).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-summary"),
                "all 3 ended"));
        Browsers.waiting(teacher).until(d -> d.findElements(By.cssSelector("#class-plot g.deal")).size() == 3);
        assertThat(teacher.findElements(By.cssSelector("#class-scores tbody tr"))).hasSize(3);
        assertThat(Browsers.text(teacher, By.id("results-summary"))).contains("3 of 3 tables ended").contains("2 agreements");
        assertThat(teacher.findElements(By.cssSelector("#averages-table tbody tr"))).hasSize(3);
        assertThat(Browsers.text(teacher, By.cssSelector("#averages-table tr[data-party='kaldari']"))).contains("2 of 3");
        assertThat(teacher.findElements(By.cssSelector("#class-plot g.deal[data-agreement='true']"))).hasSize(2);
        assertThat(teacher.findElements(By.id("class-frontier"))).hasSize(1);
        assertThat(Browsers.text(teacher, card(1))).contains("agreement").contains("signed by Federation and Kaldari");
        Browsers.screenshot(teacher, "class-05-dashboard-results");

        // The role sheets from the dashboard: the kaldari's as a page, and as a PDF with its brief and points.
        String pdfLink = teacher.findElement(By.cssSelector(".sheet-links[data-party='kaldari'] a.sheet-pdf"))
                .getAttribute("href");
        HttpResponse<byte[]> pdf = http.bytes(URI.create(pdfLink).getRawPath() + "?" + URI.create(pdfLink).getRawQuery());
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(document);
        }
        // (PDF text comes out in drawing order: the bold party name after its line.)
        assertThat(text).contains("Role sheet for").contains("for the player of kaldari only")
                .contains("Your brief").contains("You lead the government of Tavrik")
                .contains("Your points").contains("transition-guarantee none 0").contains("federation-guarantee 25")
                .contains("Your walk-away value").contains("Your non-negotiables");
        Browsers.click(teacher, By.cssSelector(".sheet-links[data-party='kaldari'] a.sheet-html"));
        List<String> windows = List.copyOf(teacher.getWindowHandles());
        teacher.switchTo().window(windows.get(windows.size() - 1));
        Browsers.waiting(teacher).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                "Your walk-away value"));
        Browsers.screenshot(teacher, "class-06-role-sheet");
        assertThat(classId).isNotBlank();
        assertThat(token).hasSize(43);
        teacher.switchTo().window(windows.get(0));
        Browsers.noConsoleErrors(teacher);
    }

    private static By card(int table) {
        return By.cssSelector(".table-card[data-table='" + table + "']");
    }

    private static void join(String code) {
        students.get(server.base() + "/join");
        Browsers.visible(students, By.id("code")).sendKeys(code);
        Browsers.click(students, By.id("join"));
        Browsers.waiting(students).until(d -> d.getCurrentUrl().contains("/n/"));
    }

    private static String negotiation(Http http, String code) {
        return http.post("/api/join", null, "{\"code\": \"" + code + "\"}").json().path("negotiation").asText();
    }

    /** Should the page ask to confirm what an acceptance does, confirm it. */
    private static void acceptAnyWarning() {
        try {
            students.switchTo().alert().accept();
        } catch (NoAlertPresentException e) {
            // No confirmation asked.
        }
    }

    private static void choose(String issue, String option) {
        By by = By.cssSelector(".choice[data-issue='" + issue + "'][data-option='" + option + "']");
        Browsers.click(students, by);
        Browsers.waiting(students).until(d -> d.findElement(by).getAttribute("class").contains("on"));
    }
}

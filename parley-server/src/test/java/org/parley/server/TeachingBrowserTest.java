package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The table that teaches, in a real browser, with tavrik-accord: the federation (a person at the
 * API) offers with a message; the kaldari (a person in Chromium) read it, see the protocol
 * explained, the margin of the offer, and the warning that accepting closes the deal without the
 * vethari; they answer with a message and accept; the debriefing shows what was said.
 */
class TeachingBrowserTest {

    static TestServer server;
    static Http http;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        Browsers.requireBrowser();
        server = new TestServer();
        http = new Http(server.base());
        browser = Browsers.open();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theKaldariAreWarnedThatAcceptingLeavesTheVethariOutAndTheyTalk() {
        JsonNode created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 10}, "seed": 5,
                 "parties": {"federation": {"player": "human"}, "kaldari": {"player": "human"},
                             "vethari": {"player": "ai", "strategy": "boulware"}}}""").json();
        String id = created.path("id").asText();
        String federation = created.path("parties").path("federation").path("token").asText();
        String kaldari = created.path("parties").path("kaldari").path("path").asText();
        String opening = "<b>Authority</b> stays with us; the rest is open, and we guarantee the transition.";
        Http.Response offered = http.post("/api/negotiations/" + id + "/moves", federation, "{\"type\": \"offer\","
                + " \"offer\": " + TeachingTableTest.DEAL + ", \"message\": " + Http.JSON.valueToTree(opening) + "}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);

        browser.get(server.base() + kaldari);
        Browsers.textIs(browser, By.id("state"), "Your turn");
        // The protocol in one line, with who moves now and next.
        assertThat(Browsers.text(browser, By.id("protocol-line"))).startsWith("Stacked alternating offers")
                .contains("federation → kaldari → vethari").endsWith("Now: kaldari; next: vethari.");
        // The federation's words, shown as text (no markup made from them).
        String table = Browsers.text(browser, By.id("on-table"));
        assertThat(table).contains("“" + opening + "”");
        assertThat(browser.findElements(By.cssSelector("#on-table .said b"))).isEmpty();
        // The margin over the walk-away value: 73 points against 20.
        assertThat(table).contains("+53 over your walk-away value");
        // Accepting now would close the deal for the federation and the kaldari, without the vethari.
        assertThat(Browsers.text(browser, By.id("accept-effect"))).isEqualTo("Before you accept: Accepting closes"
                + " the deal now for federation and kaldari; vethari stays out with its walk-away value.");
        assertThat(browser.findElement(By.id("accept-effect")).getAttribute("class")).contains("warn");
        // The offers received so far, scored for the kaldari: one point on the chart.
        assertThat(browser.findElements(By.cssSelector("#received-chart circle"))).hasSize(1);
        Browsers.screenshot(browser, "teach-01-accept-warning");

        browser.findElement(By.id("say")).sendKeys("Agreed: the guarantee was what we needed.");
        Browsers.click(browser, By.id("accept"));
        Browsers.textIs(browser, By.id("state"), "Negotiation over");
        Browsers.visible(browser, By.id("outcome"));
        assertThat(Browsers.text(browser, By.id("outcome"))).contains("Agreement reached");
        String conversation = Browsers.text(browser, By.id("conversation"));
        assertThat(conversation).containsIgnoringCase("What was said").contains("“" + opening + "”")
                .contains("“Agreed: the guarantee was what we needed.”");
        assertThat(browser.findElements(By.cssSelector("#conversation [data-party]"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#conversation b"))).isEmpty();
        // The federation, at the API, has the kaldari's answer.
        JsonNode seen = http.get("/api/negotiations/" + id, federation).json();
        assertThat(seen.path("moves").get(1).path("message").asText()).isEqualTo("Agreed: the guarantee was what we needed.");
        // The debriefing's terms explain themselves on hover or focus.
        By nash = By.cssSelector(".term[data-term='nash']");
        assertThat(browser.findElement(nash).getAttribute("data-tip")).contains("product");
        assertThat(browser.findElement(By.cssSelector(".term[data-term='pareto']")).getAttribute("data-tip"))
                .contains("cannot be improved for one party");
        assertThat(browser.findElements(By.cssSelector(".term[data-term='ruleFrontier']"))).hasSize(1);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(nash)).perform();
        String tip = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0], '::after').content", browser.findElement(nash));
        assertThat(tip).contains("Nash point");
        Browsers.screenshot(browser, "teach-02-debrief-conversation");
        Browsers.noConsoleErrors(browser);
    }

    @Test
    void theCreatePageTurnsTheAdvisorOn() {
        browser.get(server.base() + "/");
        Browsers.visible(browser, By.cssSelector("[data-scenario='tavrik-accord']")).click();
        browser.findElement(By.cssSelector("tr[data-party='federation'] .player-ai")).click();
        browser.findElement(By.cssSelector("tr[data-party='kaldari'] .player-human")).click();
        assertThat(browser.findElement(By.id("advisor")).isSelected()).as("off by default").isFalse();
        browser.findElement(By.id("advisor")).click();
        browser.findElement(By.id("create")).click();
        String href = Browsers.visible(browser, By.cssSelector("[data-link='kaldari'] a.open")).getAttribute("href");
        browser.get(href);
        // The federation's AI diplomat opens; the kaldari, to answer, have the advisor's card.
        Browsers.textIs(browser, By.id("state"), "Your turn");
        assertThat(Browsers.text(browser, By.id("advice"))).contains("Advisor").contains("judging only by the 1 offer Federation made");
        Browsers.noConsoleErrors(browser);
    }

    @Test
    void theAdvisorSuggestsATradeThatGoesIntoTheOffer() {
        JsonNode created = http.post("/api/negotiations", null, """
                {"scenario": "tavrik-accord", "deadline": {"rounds": 10}, "seed": 6, "advisor": true,
                 "parties": {"federation": {"player": "human"}, "kaldari": {"player": "human"},
                             "vethari": {"player": "human"}}}""").json();
        String id = created.path("id").asText();
        String[][] opening = {{"federation", AdvisorTest.FEDERATION_1}, {"kaldari", AdvisorTest.KALDARI_1},
            {"vethari", AdvisorTest.VETHARI_1}, {"federation", AdvisorTest.FEDERATION_2}};
        for (String[] move : opening) {
            Http.Response r = http.post("/api/negotiations/" + id + "/moves", created.path("parties").path(move[0])
                    .path("token").asText(), "{\"type\": \"offer\", \"offer\": " + move[1] + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        browser.get(server.base() + created.path("parties").path("kaldari").path("path").asText());
        Browsers.textIs(browser, By.id("state"), "Your turn");
        // Three offers received: the federation's two and the vethari's, each scored for the kaldari.
        assertThat(browser.findElements(By.cssSelector("#received-chart circle"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#received-chart .received-party[data-party='federation'] polyline")))
                .hasSize(1);
        String advice = Browsers.text(browser, By.id("advice"));
        assertThat(advice).contains("judging only by the 3 offers Federation and Vethari made");
        assertThat(browser.findElements(By.cssSelector("#advice .suggestion"))).hasSize(3);
        assertThat(Browsers.text(browser, By.cssSelector("#advice .suggestion[data-k='0']"))).contains("Pricing: single price → market price")
                .contains("40 pts").contains("+13 on the table’s offer");
        Browsers.screenshot(browser, "teach-03-advisor");
        Browsers.click(browser, By.cssSelector("#advice .suggestion[data-k='0'] .use-suggestion"));
        Browsers.waiting(browser).until(d -> "40".equals(Browsers.text(d, By.id("composer-score"))));
        browser.findElement(By.id("say")).sendKeys("Market pricing and the analytics, and we are close.");
        Browsers.click(browser, By.id("send-offer"));
        Browsers.waiting(browser).until(d -> !"Your turn".equals(Browsers.text(d, By.id("state"))));
        JsonNode moves = http.get("/api/negotiations/" + id, created.path("observer").path("token").asText()).json()
                .path("moves");
        JsonNode sent = moves.get(moves.size() - 1);
        assertThat(sent.path("party").asText()).isEqualTo("kaldari");
        assertThat(sent.path("offer").path("pricing").asText()).isEqualTo("market-price");
        assertThat(sent.path("offer").path("trust-measures").asText()).isEqualTo("medical-aid-and-trade-analytics");
        assertThat(sent.path("offer").path("authority").asText()).isEqualTo("federation");
        assertThat(sent.path("message").asText()).isEqualTo("Market pricing and the analytics, and we are close.");
        Browsers.noConsoleErrors(browser);
    }
}

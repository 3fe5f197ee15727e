package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A person plays the kaldari in tavrik-accord against two AI diplomats in a real browser: sets the
 * negotiation up, composes an offer and sees its score, sends it, answers until the end, and sees
 * the debriefing with its plot.
 */
class TavrikBrowserTest extends BrowsedTest {

    @Test
    void aPersonPlaysTheKaldariAgainstTwoAiDiplomats() {
        browser.get(server.base() + "/");
        Browsers.visible(browser, By.cssSelector("[data-scenario='tavrik-accord']")).click();
        row("federation").findElement(By.cssSelector(".player-ai")).click();
        row("kaldari").findElement(By.cssSelector(".player-human")).click();
        assertThat(row("vethari").findElement(By.cssSelector(".player-ai")).getAttribute("class")).contains("on");
        Browsers.screenshot(browser, "01-create-tavrik");
        browser.findElement(By.id("create")).click();
        WebElement kaldariLink = Browsers.visible(browser, By.cssSelector("[data-link='kaldari'] a.open"));
        assertThat(browser.findElements(By.cssSelector("[data-link]"))).hasSize(2);
        Browsers.screenshot(browser, "02-links-tavrik");
        String href = kaldariLink.getAttribute("href");
        assertThat(href).contains("/n/").contains("#");

        browser.get(href);
        Browsers.textIs(browser, By.id("state"), "Your turn");
        assertThat(browser.findElement(By.id("brief")).getText()).containsIgnoringCase("walk-away value");
        assertThat(browser.findElement(By.id("reservation")).getText()).isEqualTo("20");
        Browsers.screenshot(browser, "03-kaldari-turn");

        // Compose: everything the kaldari want, but the federation's authority it cannot do without.
        choose("authority", "federation");
        choose("strategic-resources", "kaldari");
        choose("local-resources", "kaldari-control");
        choose("export-control", "open-market");
        choose("pricing", "market-price");
        choose("trust-measures", "medical-aid-and-trade-analytics");
        choose("transition-guarantee", "none");
        // Open market without the guarantee breaks the kaldari's own rule: the page says so.
        Browsers.waiting(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("score-box"), "breaks"));
        assertThat(browser.findElement(By.id("composer-score")).getText()).startsWith("60");
        choose("transition-guarantee", "federation-guarantee");
        Browsers.waiting(browser).until(ExpectedConditions.textMatches(By.id("composer-score"), java.util.regex.Pattern.compile("^85.*")));
        assertThat(browser.findElement(By.id("score-box")).getText()).doesNotContain("breaks");
        Browsers.screenshot(browser, "04-kaldari-composes");
        Browsers.click(browser, By.id("send-offer"));

        // Answer each turn: accept what is acceptable, otherwise offer a little less; walk away at the end.
        for (int turn = 0; turn < 40 && !ended(); turn++) {
            Browsers.waiting(browser).until(d -> ended() || "Your turn".equals(Browsers.text(d, By.id("state"))));
            if (ended()) {
                break;
            }
            int moves = browser.findElements(By.cssSelector("#history .move")).size();
            String table = Browsers.text(browser, By.id("on-table"));
            boolean acceptable = !browser.findElements(By.id("accept")).isEmpty() && table.contains("acceptable to you")
                    && !table.contains("not acceptable to you");
            double offered = browser.findElements(By.id("offer-score")).isEmpty() ? 0
                    : Double.parseDouble(Browsers.text(browser, By.id("offer-score")));
            if (acceptable && (offered >= 40 || turn >= 8)) {
                Browsers.click(browser, By.id("accept"));
            } else if (turn < 12) {
                if (turn == 2) {
                    choose("strategic-resources", "joint-board");
                } else if (turn == 4) {
                    choose("local-resources", "kaldari-participation");
                }
                Browsers.click(browser, By.id("send-offer"));
            } else {
                Browsers.click(browser, By.id("walk-away"));
                browser.switchTo().alert().accept();
            }
            Browsers.waiting(browser).until(d -> ended() || d.findElements(By.cssSelector("#history .move")).size() != moves
                    || !d.findElements(By.cssSelector(".toast.bad")).isEmpty());
            assertThat(browser.findElements(By.cssSelector(".toast.bad"))).as("an error message").isEmpty();
        }
        Browsers.textIs(browser, By.id("state"), "Negotiation over");
        WebElement outcome = Browsers.visible(browser, By.id("outcome"));
        assertThat(outcome.getText()).containsAnyOf("Agreement reached", "No agreement");
        WebElement plot = Browsers.visible(browser, By.id("outcome-plot"));
        assertThat(plot.findElements(By.id("frontier"))).hasSize(1);
        assertThat(plot.findElements(By.id("nash"))).hasSize(1);
        // plot.js draws every concept the server lists, not a fixed set.
        for (String key : org.parley.core.analysis.SolutionConcepts.registered().keys()) {
            assertThat(plot.findElements(By.cssSelector(".concept[data-concept='" + key + "']"))).as(key).hasSize(1);
        }
        assertThat(plot.findElements(By.cssSelector("g.offers[data-party='kaldari'] circle"))).isNotEmpty();
        String scores = browser.findElement(By.id("scores")).getText();
        assertThat(scores).contains("Federation").contains("Kaldari").contains("Vethari");
        // The debrief judges the deal that was made, under the 2-of-3 rule: against the coalition that
        // signed it, or, without a deal, says why not and how far apart the last offers were.
        String measured = Browsers.text(browser, By.id("measured"));
        assertThat(measured).endsWith("under the rule: 2 of 3, federation and kaldari required.");
        if (outcome.getText().contains("Agreement reached")) {
            assertThat(measured).startsWith("Measured against the coalition that signed it, Federation + Kaldari");
            assertThat(browser.findElements(By.id("better-coalitions"))).hasSize(1);
            assertThat(browser.findElements(By.id("last-offers"))).isEmpty();
        } else {
            assertThat(measured).startsWith("No deal. Measured against the coalition that came nearest to one");
            assertThat(Browsers.text(browser, By.id("why-no-deal"))).contains("Federation + Kaldari");
            assertThat(browser.findElements(By.cssSelector("#last-offers tr[data-party='kaldari']"))).hasSize(1);
        }
        assertThat(Browsers.text(browser, By.cssSelector(".analysis-facts"))).containsIgnoringCase("Passing under the rule")
                .containsIgnoringCase("Distance to the rule’s frontier");
        Browsers.screenshot(browser, "05-kaldari-debriefing");
    }

    private static boolean ended() {
        return !browser.findElements(By.id("outcome")).isEmpty() && browser.findElement(By.id("outcome")).isDisplayed();
    }

    private static WebElement row(String party) {
        return browser.findElement(By.cssSelector("tr[data-party='" + party + "']"));
    }

    private static void choose(String issue, String option) {
        By by = By.cssSelector(".choice[data-issue='" + issue + "'][data-option='" + option + "']");
        Browsers.click(browser, by);
        Browsers.waiting(browser).until(d -> d.findElement(by).getAttribute("class").contains("on"));
    }
}

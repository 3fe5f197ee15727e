package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Two people in two browser sessions negotiate cardassian-talks with each other: each sees only its
 * own brief, the other's moves arrive live (no reload), and both see the debriefing.
 */
class CardassianBrowserTest {

    static TestServer server;
    static WebDriver federation;
    static WebDriver union;

    @BeforeAll
    static void start() {
        Browsers.requireBrowser();
        server = new TestServer();
        federation = Browsers.open();
        union = Browsers.open();
    }

    @AfterAll
    static void stop() {
        for (WebDriver driver : new WebDriver[] {federation, union}) {
            if (driver != null) {
                driver.quit();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoPeopleNegotiateInTwoBrowsers() {
        federation.get(server.base() + "/");
        Browsers.click(federation, By.cssSelector("[data-scenario='cardassian-talks']"));
        Browsers.click(federation, By.cssSelector("tr[data-party='federation'] .player-human"));
        Browsers.click(federation, By.cssSelector("tr[data-party='union'] .player-human"));
        Browsers.click(federation, By.id("create"));
        String federationLink = Browsers.visible(federation, By.cssSelector("[data-link='federation'] a.open")).getAttribute("href");
        String unionLink = federation.findElement(By.cssSelector("[data-link='union'] a.open")).getAttribute("href");
        String observerLink = federation.findElement(By.cssSelector("[data-link='observer'] a.open")).getAttribute("href");
        assertThat(federationLink).isNotEqualTo(unionLink);

        federation.get(federationLink);
        union.get(unionLink);
        Browsers.textIs(federation, By.id("state"), "Your turn");
        Browsers.textIs(union, By.id("state"), "Waiting for Federation");
        // Walking away is offered only to a party the table waits for.
        assertThat(union.findElements(By.id("walk-away"))).isEmpty();
        assertThat(federation.findElements(By.id("walk-away"))).hasSize(1);
        // Each brief is its own: the federation's reservation is 35, the union's 40.
        assertThat(Browsers.text(federation, By.id("reservation"))).isEqualTo("35");
        assertThat(Browsers.text(union, By.id("reservation"))).isEqualTo("40");
        assertThat(Browsers.text(federation, By.id("brief"))).contains("0.98");

        // The federation proposes: pact, patrols, humanitarian access, trade.
        choose(federation, "defence", "defensive-pact");
        choose(federation, "front", "patrol-support");
        choose(federation, "occupied-sector", "humanitarian-access");
        choose(federation, "exchange", "trade-agreement");
        Browsers.waiting(federation).until(d -> Browsers.text(d, By.id("composer-score")).startsWith("65"));
        Browsers.screenshot(federation, "11-federation-composes");
        Browsers.click(federation, By.id("send-offer"));

        // The union's page learns of it without a reload.
        Browsers.textIs(union, By.id("state"), "Your turn");
        assertThat(Browsers.text(union, By.id("offer-score"))).isEqualTo("57");
        Browsers.textIs(federation, By.id("state"), "Waiting for Union");
        Browsers.screenshot(union, "12-union-sees-offer");
        Browsers.click(union, By.id("accept"));

        for (WebDriver driver : new WebDriver[] {federation, union}) {
            Browsers.textIs(driver, By.id("state"), "Negotiation over");
            assertThat(Browsers.text(driver, By.id("outcome"))).contains("Agreement reached");
            Browsers.visible(driver, By.id("outcome-plot"));
            assertThat(Browsers.text(driver, By.id("scores"))).contains("65").contains("57");
        }
        Browsers.click(federation, By.id("download-record"));
        Browsers.click(federation, By.id("download-svg"));
        Browsers.click(federation, By.cssSelector("#debrief details summary"));
        assertThat(Browsers.text(federation, By.cssSelector("#debrief details"))).containsIgnoringCase("walk-away value");
        assertThat(federation.findElements(By.cssSelector(".toast.bad"))).isEmpty();
        // No console errors on the way, the favicon's 404 included.
        Browsers.noConsoleErrors(federation);
        Browsers.screenshot(federation, "13-federation-debriefing");
        Browsers.screenshot(union, "14-union-debriefing");

        union.get(observerLink);
        Browsers.visible(union, By.id("outcome-plot"));
        assertThat(Browsers.text(union, By.id("who"))).contains("Observer");
        Browsers.screenshot(union, "15-observer-debriefing");
    }

    private static void choose(WebDriver driver, String issue, String option) {
        By by = By.cssSelector(".choice[data-issue='" + issue + "'][data-option='" + option + "']");
        Browsers.click(driver, by);
        Browsers.waiting(driver).until(d -> d.findElement(by).getAttribute("class").contains("on"));
    }
}

package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** An organizer sets up a negotiation with their key in the browser, finds it on their page and ends it. */
class OrganizerBrowserTest {

    static final String KEY = "teacher-key-0123456789";
    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        Browsers.requireBrowser();
        server = new TestServer(ServerOptions.defaults().withOrganizerKeys(Set.of(KEY)));
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
    void anOrganizerSetsUpFindsAndEndsANegotiation() {
        browser.get(server.base() + "/");
        Browsers.visible(browser, By.id("organizer-key")).sendKeys(KEY);
        Browsers.click(browser, By.cssSelector("[data-scenario='cardassian-talks']"));
        Browsers.click(browser, By.cssSelector("tr[data-party='federation'] .player-human"));
        Browsers.click(browser, By.id("create"));
        String observer = Browsers.visible(browser, By.cssSelector("[data-link='observer'] a.open")).getAttribute("href");
        Browsers.screenshot(browser, "21-organizer-created");

        browser.get(server.base() + "/organizer#" + KEY);
        Browsers.visible(browser, By.cssSelector("[data-negotiation] .end"));
        assertThat(Browsers.text(browser, By.id("negotiations"))).contains("Cardassian talks").contains("running");
        Browsers.screenshot(browser, "22-organizer-page");
        Browsers.click(browser, By.cssSelector("[data-negotiation] .end"));
        browser.switchTo().alert().accept();
        Browsers.waiting(browser).until(d -> browser.findElements(By.cssSelector("[data-negotiation] .end")).isEmpty());
        assertThat(Browsers.text(browser, By.id("negotiations"))).doesNotContain("running");
        Browsers.noConsoleErrors(browser);

        browser.get(observer);
        Browsers.textIs(browser, By.id("state"), "Negotiation over");
        Browsers.screenshot(browser, "23-ended-by-the-organizer");
    }
}

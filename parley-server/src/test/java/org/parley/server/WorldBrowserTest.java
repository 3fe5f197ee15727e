package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A person plays the federation through a short world (test-worlds/duel.yaml) in Chromium: from
 * the start page to the world page, to the first table with the reputation panel beside it, an
 * agreement, the decision to break it (the gain shown), the kaldari's breach seen in the panel, a
 * second table, an agreement kept, and the end, where everything is revealed (a table's debriefing
 * included, which waits for the world's end).
 */
class WorldBrowserTest extends BrowsedTest {

    @Test
    void aPersonPlaysTheFederationThroughAWorld() {
        browser.get(server.base() + "/");
        Browsers.click(browser, By.id("world-link"));
        Browsers.visible(browser, By.cssSelector("#worlds [data-world=sector]"));
        // A world file of one's own: the file input is hidden behind its label, as on the set-up page.
        WebElement upload = browser.findElement(By.id("upload"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].classList.remove('hidden')", upload);
        upload.sendKeys(Path.of("src/test/resources/test-worlds/duel.yaml").toAbsolutePath().toString());
        Browsers.waiting(browser).until(d -> d.findElement(By.id("upload-status")).getText().contains("3 negotiations"));
        new Select(browser.findElement(By.id("power"))).selectByValue("federation");
        WebElement seed = browser.findElement(By.id("seed"));
        seed.clear();
        seed.sendKeys("3");
        Browsers.screenshot(browser, "world-01-choose");
        Browsers.click(browser, By.id("start"));

        // The world page: the first negotiation is the federation's.
        Browsers.visible(browser, By.id("go-table"));
        assertThat(Browsers.text(browser, By.id("schedule-table"))).contains("current").contains("upcoming");
        assertThat(Browsers.text(browser, By.id("reputation-table"))).contains("Kaldari").contains("stranger");
        Browsers.screenshot(browser, "world-02-world");
        Browsers.click(browser, By.id("go-table"));

        // The table, with the reputation panel beside it; the kaldari have opened, the person accepts.
        Browsers.textIs(browser, By.id("state"), "Your turn");
        Browsers.visible(browser, By.id("reputation-card"));
        assertThat(Browsers.text(browser, By.id("world-panel"))).contains("World: Duel").contains("Negotiation 1 of 3");
        Browsers.screenshot(browser, "world-03-table-with-reputation");
        Browsers.click(browser, By.id("accept"));
        Browsers.textIs(browser, By.id("state"), "Negotiation over");
        // The world is in play: the table's debriefing (the kaldari's brief) waits for its end.
        Browsers.visible(browser, By.id("debrief-withheld"));
        assertThat(Browsers.text(browser, By.id("debrief-withheld"))).contains("revealed when the world ends");
        assertThat(browser.findElements(By.id("scores"))).isEmpty();
        Browsers.screenshot(browser, "world-03b-debriefing-withheld");
        Browsers.textIs(browser, By.id("to-world"), "Decide: keep it or break it →");
        Browsers.click(browser, By.id("to-world"));

        // The execution phase: keeping it, breaking it, and what breaking gains.
        Browsers.visible(browser, By.id("breach"));
        assertThat(Browsers.text(browser, By.id("gain"))).startsWith("+");
        assertThat(Browsers.text(browser, By.id("cost"))).contains("Every power will see it");
        Browsers.screenshot(browser, "world-04-decision");
        Browsers.click(browser, By.id("breach"));

        // The kaldari negotiate with the union without the person, and break that deal; the federation saw it.
        Browsers.visible(browser, By.id("go-table"));
        String schedule = Browsers.text(browser, By.id("schedule-table"));
        assertThat(schedule).contains("broken by Federation").contains("broken by Kaldari");
        WebElement kaldari = browser.findElement(By.cssSelector("#reputation-table tr[data-power=kaldari]"));
        assertThat(kaldari.getText()).contains("1 / 1").contains("distrusted");
        Browsers.screenshot(browser, "world-05-reputation-after-breaches");

        // The last negotiation: the union opens, the person accepts and keeps the deal; the world ends.
        Browsers.click(browser, By.id("go-table"));
        Browsers.textIs(browser, By.id("state"), "Your turn");
        Browsers.click(browser, By.id("accept"));
        Browsers.textIs(browser, By.id("state"), "Negotiation over");
        Browsers.click(browser, By.id("to-world"));
        Browsers.click(browser, By.id("honour"));
        Browsers.visible(browser, By.id("your-welfare"));
        String panel = Browsers.text(browser, By.id("reputation-table"));
        assertThat(panel).doesNotContain("·").contains("honours never, standing");
        Browsers.screenshot(browser, "world-06-ended");
        // Now the first table's debriefing is open, everyone's scores with it.
        Browsers.visible(browser, By.id("debriefs-open"));
        Browsers.click(browser, By.cssSelector("#schedule-table tr[data-index='0'] a"));
        Browsers.visible(browser, By.id("scores"));
        assertThat(Browsers.text(browser, By.id("scores"))).contains("AI: conceder").contains("(you)");
        Browsers.noConsoleErrors(browser);
    }
}

package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A scenario file of one's own, on both set-up pages (a negotiation's and a class's): checked by
 * the server, shown as a selected card marked "uploaded"; a broken one is refused with the
 * server's located error, and the page stays usable.
 */
class UploadBrowserTest extends BrowsedTest {

    @TempDir
    static Path folder;

    static Path mine;
    static Path broken;

    @BeforeAll
    static void writeTheFiles() throws IOException {
        String talks = Files.readString(Path.of("..", "scenarios", "cardassian-talks.yaml"));
        mine = Files.writeString(folder.resolve("my-talks.yaml"),
                talks.replaceFirst("(?m)^name: cardassian-talks$", "name: my-talks"));
        assertThat(Files.readString(mine)).contains("name: my-talks");
        broken = Files.writeString(folder.resolve("broken.yaml"), "name: broken\nparties: [\n");
    }

    @Test
    void onTheNegotiationSetUpPage() {
        uploadsOn("/", "negotiation");
    }

    @Test
    void onTheClassSetUpPage() {
        uploadsOn("/class", "class");
    }

    private static void uploadsOn(String page, String shot) {
        browser.get(server.base() + page);
        Browsers.visible(browser, By.cssSelector("[data-scenario='tavrik-accord'].on"));

        browser.findElement(By.id("upload")).sendKeys(broken.toAbsolutePath().toString());
        Browsers.waiting(browser).until(d -> d.findElement(By.id("upload-status")).getAttribute("class").contains("bad"));
        assertThat(Browsers.text(browser, By.id("upload-status"))).startsWith("broken.yaml: ").contains(":2:11: not valid YAML");
        assertThat(browser.findElements(By.cssSelector("[data-scenario='broken']"))).isEmpty();

        browser.findElement(By.id("upload")).sendKeys(mine.toAbsolutePath().toString());
        Browsers.waiting(browser).until(d -> d.findElement(By.id("upload-status")).getAttribute("class").contains("good"));
        assertThat(Browsers.text(browser, By.id("upload-status"))).isEqualTo("my-talks.yaml: my-talks is ready to play.");
        assertThat(Browsers.text(browser, By.cssSelector("[data-scenario='my-talks'].on"))).contains("uploaded");
        assertThat(browser.findElements(By.cssSelector(".scenario.on"))).hasSize(1);
        assertThat(Browsers.text(browser, By.id("rule"))).contains("every party must sign");
        // (The broken file's 400 stands in the console by design: no check for a clean console here.)
        Browsers.screenshot(browser, "upload-" + shot + "-checked");
    }
}

package org.parley.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/**
 * The browser tests' fixture: one server over a fresh database and one Chromium per test class
 * (skipped without Chromium unless the build requires it). Static, like {@link ServedTest}: the
 * suite runs classes one at a time.
 */
abstract class BrowsedTest {

    static TestServer server;
    static WebDriver browser;

    @BeforeAll
    static void startServerAndBrowser() {
        Browsers.requireBrowser();
        server = new TestServer();
        browser = Browsers.open();
    }

    @AfterAll
    static void closeBrowserAndServer() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }
}

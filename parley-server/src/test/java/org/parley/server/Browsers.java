package org.parley.server;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver for the browser tests, named explicitly so that Selenium
 * Manager never runs (nothing is downloaded). Without them the tests are skipped, unless
 * {@code PARLEY_REQUIRE_BROWSER=1} (CI) makes that a failure.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "screenshots");

    private Browsers() {}

    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "Chromium (" + CHROMIUM + ") and ChromeDriver (" + CHROMEDRIVER + ") are needed for the"
                    + " browser tests: apt-get install chromium chromium-driver";
            if ("1".equals(System.getenv("PARLEY_REQUIRE_BROWSER"))) {
                fail(message + " (PARLEY_REQUIRE_BROWSER=1)");
            }
            Assumptions.abort(message);
        }
    }

    static WebDriver open() {
        requireBrowser();
        Path profile;
        try {
            profile = Files.createTempDirectory("parley-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--window-size=1440,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        // The console's messages, for noConsoleErrors.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(profile)));
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary folder is harmless.
        }
    }

    static WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** The element's text, read again if the page re-rendered it meanwhile. */
    static String text(WebDriver driver, By by) {
        return waiting(driver).until(d -> d.findElement(by).getText());
    }

    /** Clicks the element once it is clickable, finding it again if the page re-rendered it. */
    static void click(WebDriver driver, By by) {
        waiting(driver).until(d -> {
            WebElement element = d.findElement(by);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Fails on any error in the browser's console so far (a failed request, the favicon's 404, a script error). */
    static void noConsoleErrors(WebDriver driver) {
        var errors = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(entry -> entry.getMessage())
                .toList();
        org.assertj.core.api.Assertions.assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    static WebElement visible(WebDriver driver, By by) {
        return waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    static void textIs(WebDriver driver, By by, String text) {
        waiting(driver).until(ExpectedConditions.textToBe(by, text));
    }

    /** A screenshot of the whole page (the window grows to the page's height first). */
    static Path screenshot(WebDriver driver, String name) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        long height = ((Number) js.executeScript("return Math.max(document.body.scrollHeight,"
                + " document.documentElement.scrollHeight)")).longValue();
        var size = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(height + 140, 6000)));
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        driver.manage().window().setSize(size);
        try {
            Files.createDirectories(SHOTS);
            Path target = SHOTS.resolve(name + ".png");
            Files.copy(png.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.github.connectedcar.service;

import static io.github.connectedcar.service.SignIn.PICKUP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page in a real browser: Debian's headless Chromium, driven through its chromedriver. It signs in through the
 * page against the embedded simulator, starts the pickup, sees the progress and the status change, and leaves a
 * screenshot in {@code target/}. Run it alone with {@code -Dgroups=browser}.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"connectedcar.simulator.speed=20"})
class PageInBrowserIntegrationTests {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOT = Path.of("target", "page-after-remote-start.png");
    static final Path PHONE_SCREENSHOT = Path.of("target", "page-on-a-phone.png");
    static final Path FAILURE_SCREENSHOT = Path.of("target", "page-when-the-browser-test-failed.png");
    /** Generous: within the whole build on two busy cores, Chromium and the first page took more than 30 s once. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        assertThat(CHROMIUM).as("Debian's chromium (./test.sh installs it)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver (./test.sh installs it)").isExecutable();
        ChromeOptions options = new ChromeOptions()
            .setBinary(CHROMIUM.toFile())
            // No network beyond loopback here: the background services would only fail to reach Google.
            .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1000,1200");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Tag("browser")
    void signsInStartsThePickupAndSeesTheProgressAndTheStatusChange() throws IOException {
        try {
            signInStartAndWatch();
        } catch (RuntimeException | AssertionError failed) {
            screenshot(FAILURE_SCREENSHOT); // what the page showed, for whoever reads the failure
            throw failed;
        }
    }

    private void signInStartAndWatch() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get("http://127.0.0.1:" + port + "/");

        // Signed out: the page offers the login. It gives the URL to open; the person's browser step is played by
        // the simulator's BrowserLogin, and its fordapp:// URL pasted into the page.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("begin-login"))).click();
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("authorize-url")));
        wait.until(driver -> link.getAttribute("href").contains("/authorize"));
        assertThat(browser.findElement(By.id("simulator-hint")).getText()).contains("demo@example.com");
        browser.findElement(By.id("redirect-url")).sendKeys(SignIn.pastedUrlFor(link.getAttribute("href")));
        browser.findElement(By.id("complete-login")).click();

        // Signed in: the cars, each with its live status.
        By pickup = By.cssSelector("article[data-vin='" + PICKUP + "']");
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(pickup));
        WebElement remoteStart = card.findElement(By.cssSelector("[data-field='remoteStart']"));
        wait.until(ExpectedConditions.textToBePresentInElement(remoteStart, "Off"));
        assertThat(card.findElement(By.cssSelector("[data-field='energy']")).getText()).endsWith("% fuel");
        assertThat(browser.findElement(By.id("budget")).getText()).contains("requests left");

        card.findElement(By.cssSelector("button[data-command='start']")).click();

        WebElement progress = card.findElement(By.className("progress"));
        wait.until(ExpectedConditions.textToBePresentInElement(progress, "REQUESTED"));
        wait.until(ExpectedConditions.textToBePresentInElement(progress, "SUCCEEDED"));
        assertThat(progress.getText()).startsWith("start: REQUESTED").contains("→");
        // The change arrives over the status stream (EventSource), not by reloading.
        wait.until(ExpectedConditions.textToBePresentInElement(remoteStart, "Running"));
        assertThat(remoteStart.getText()).contains("left");

        screenshot(SCREENSHOT);

        // On a phone's width the cards stack and nothing needs a sideways scroll.
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> (Boolean) ((JavascriptExecutor) driver).executeScript(
            "return document.documentElement.scrollWidth <= window.innerWidth"));
        screenshot(PHONE_SCREENSHOT);
    }

    private void screenshot(Path target) throws IOException {
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(target).isNotEmptyFile();
    }
}

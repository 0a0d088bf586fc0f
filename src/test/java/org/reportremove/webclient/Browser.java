package org.reportremove.webclient;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium driven by its chromedriver, with what the browser tests need around it: axe-core
 * injected into any screen, screenshots under {@code target/}, and every request body the page sent (from the
 * DevTools network events in the performance log).
 *
 * <p>Without Chromium, chromedriver or axe-core the tests are skipped with a message that says what to install;
 * {@code -Dreportremove.browser-tests.required=true} (set by {@code .ci/run}) turns the skip into a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("reportremove.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("reportremove.chromedriver", "/usr/bin/chromedriver"));
    static final Path AXE = Path.of(System.getProperty("reportremove.axe",
            "node_modules/axe-core/axe.min.js")).toAbsolutePath();
    static final Path SCREENSHOTS = Path.of(System.getProperty("reportremove.test.dir", "target/test-run"))
            .resolve("../web-client-screenshots").normalize().toAbsolutePath();

    final ChromeDriver driver;
    private final String axeSource;
    /** Every request the page sent with a body: method, address and the body. */
    final List<SentRequest> sent = new ArrayList<>();

    record SentRequest(String method, String url, String body) {
    }

    private Browser(ChromeDriver driver, String axeSource) {
        this.driver = driver;
        this.axeSource = axeSource;
    }

    /** Skips (or, where required, fails) unless Chromium, chromedriver and axe-core are all there. */
    static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (apt-get install chromium-driver)");
        }
        if (!Files.isRegularFile(AXE)) {
            missing.add(AXE + " (npm install, in the project's folder)");
        }
        if (missing.isEmpty()) {
            return;
        }
        String message = "The browser tests need " + String.join(", ", missing) + ".";
        if (Boolean.getBoolean("reportremove.browser-tests.required")) {
            fail(message);
        }
        Assumptions.abort(message + " Skipped.");
    }

    static Browser open(Dimension window) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container has no user namespace for Chromium's sandbox; /dev/shm is small there too.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--lang=en-GB",
                // Nothing leaves the machine: the quick exit's neutral site fails to resolve, and that is enough.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--window-size=" + window.getWidth() + "," + window.getHeight());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(window);
        driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(3));
        return new Browser(driver, Files.readString(AXE, StandardCharsets.UTF_8));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Waits for the screen to be shown (its heading in place) and returns its heading. */
    String awaitScreen(String screen) {
        waiting().until(d -> !d.findElements(By.cssSelector("main[data-screen='" + screen + "'] h1")).isEmpty());
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    WebElement byId(String id) {
        return waiting().until(d -> d.findElement(By.id(id)));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    Object asyncScript(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
    }

    /** axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the screen as it is; the violations, one line each. */
    List<String> accessibilityViolations() {
        script(axeSource);
        String json = (String) asyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22a', 'wcag22aa']}}).then(r => done(JSON.stringify(r.violations)),"
                + " e => done(JSON.stringify([{id: 'axe-failed', help: String(e), nodes: []}])));");
        List<String> violations = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            for (JsonObject violation : reader.readArray().getValuesAs(JsonObject.class)) {
                violations.add(violation.getString("id") + ": " + violation.getString("help") + " "
                        + violation.getJsonArray("nodes").stream()
                        .map(node -> node.asJsonObject().get("target").toString()).toList());
            }
        }
        return violations;
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Reads the DevTools network events logged since the last call into {@link #sent}. */
    List<SentRequest> collectSentRequests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonObject message;
            try (JsonReader reader = Json.createReader(new StringReader(entry.getMessage()))) {
                message = reader.readObject().getJsonObject("message");
            }
            if (!"Network.requestWillBeSent".equals(message.getString("method", ""))) {
                continue;
            }
            JsonObject request = message.getJsonObject("params").getJsonObject("request");
            if (!request.getBoolean("hasPostData", false)) {
                continue;
            }
            String body = request.containsKey("postData") ? request.getString("postData") : postDataOf(request);
            sent.add(new SentRequest(request.getString("method"), request.getString("url"), body));
        }
        return sent;
    }

    /** A body DevTools did not inline (too large): the parts it lists, or a marker that fails any size check. */
    private static String postDataOf(JsonObject request) {
        JsonArray entries = request.getJsonArray("postDataEntries");
        if (entries == null) {
            return "\u0000".repeat(1 << 20);
        }
        StringBuilder body = new StringBuilder();
        entries.getValuesAs(JsonObject.class).forEach(e -> body.append(e.getString("bytes", "")));
        return body.toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

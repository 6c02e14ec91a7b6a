package io.rediscover.web.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through the system's chromedriver ({@code /usr/bin/chromedriver}, installed by
 * {@code .ci/run}): both paths are given, so Selenium Manager never runs and nothing is downloaded. Waits are on
 * conditions, never on time; each step can leave a screenshot under {@code target/ui-screenshots/}, and
 * {@link #assertAccessible} runs axe-core (from its WebJar) on the page as it is.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;
    private final String prefix;
    private int shots;

    /**
     * @param port      the host's port
     * @param downloads where the browser saves downloads
     * @param prefix    screenshot file names start with it
     */
    Browser(int port, Path downloads, String prefix) {
        this.base = "http://127.0.0.1:" + port + "/";
        this.downloads = downloads;
        this.prefix = prefix;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--disable-search-engine-choice-screen");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // An alert that a page opens stays open for the test to find (the safety test looks for one).
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /** @return whether Debian's chromium and chromedriver are installed */
    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** @param route a route of the UI, e.g. {@code #/search} */
    void open(String route) {
        driver.get(base + route);
    }

    /** Signs in through the sign-in page and waits for the signed-in shell (its user menu). */
    void signIn(String email, String password) {
        open("#/");
        type(By.id("email"), email);
        type(By.id("password"), password);
        click(By.cssSelector("button[type=submit]"));
        visible(By.cssSelector(".user-menu .menu-button"));
    }

    <T> T await(String what, Function<ChromeDriver, T> condition) {
        // A page that re-renders replaces elements under the test's feet: look again rather than fail.
        return new WebDriverWait(driver, PATIENCE).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.apply((ChromeDriver) d));
    }

    WebElement visible(By by) {
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement clickable(By by) {
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(by));
    }

    void click(By by) {
        clickable(by).click();
    }

    /** Waits for an element with exactly this text (after trimming) and returns it. */
    WebElement text(String css, String text) {
        return await("'" + text + "' in " + css, d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().strip().equals(text)).findFirst().orElse(null));
    }

    /** Waits until an element's text contains a string and returns it. */
    WebElement containing(String css, String text) {
        return await("an element " + css + " containing '" + text + "'", d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
    }

    void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void pressEscape() {
        keys(Keys.ESCAPE);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    String route() {
        return (String) script("return location.hash");
    }

    /** @return whether a page opened an alert (and dismisses it) */
    boolean alertOpen() {
        try {
            driver.switchTo().alert().dismiss();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** Saves a screenshot as {@code target/ui-screenshots/<prefix>-NN-<name>.png}. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", prefix, ++shots, name)), png);
    }

    /** Runs axe-core on the page and fails on any serious or critical violation, naming the rule and the elements. */
    void assertAccessible(String page) throws IOException {
        if (script("return typeof window.axe") .equals("undefined")) {
            script(axeSource());
        }
        Object found = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', '))),"
                + " e => done(['axe failed: ' + e]))");
        assertThat((List<?>) found).as("serious or critical accessibility violations on %s", page).isEmpty();
    }

    private static String axeSource() throws IOException {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("rediscover.test.axe", "4.6.3") + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("axe-core on the test class path at %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Waits for a finished download (no partial file left) and returns it. */
    Path download(String suffix) {
        return await("a downloaded *" + suffix, d -> {
            try (var files = Files.list(downloads)) {
                List<Path> all = files.toList();
                if (all.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                    return null;
                }
                return all.stream().filter(p -> p.toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    @Override
    public void close() {
        driver.quit();
    }

    File downloads() {
        return downloads.toFile();
    }
}

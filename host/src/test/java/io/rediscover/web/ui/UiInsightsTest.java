package io.rediscover.web.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.index.Indexes;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insights page in a real browser, as a recruiter uses it: a card per category with the API's counts, a row's
 * tooltip, a click on a row adding that filter (chip, URL, every card counted again), the XLSX export of what is shown,
 * and Print — accessible throughout.
 */
class UiInsightsTest {

    private static final String SECRET = "insights-ui-secret";
    private static final int PEOPLE = 60;

    @TempDir
    static Path dir;
    static ApiFixture api;
    static Http rex;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        api = new ApiFixture(dir, SECRET, PEOPLE, Map.of());
        api.org("acme", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "admin@acme.example", "ORG_ADMIN");
        rex = api.user("acme", "rex@acme.example", "RECRUITER");
        api.connectAndSync(admin, SECRET);
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();
        browser = new Browser(api.host().port(), Files.createDirectories(dir.resolve("downloads")), "insights");
        browser.signIn("rex@acme.example", ApiFixture.PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private static String total() {
        return browser.driver().findElement(By.cssSelector(".insights-head .total")).getText();
    }

    @Test
    void cardsCountWhatTheApiCountsAndARowNarrowsTheSearch() throws Exception {
        JsonNode all = rex.post("/api/insights", "{\"limit\":10}").json();
        browser.open("#/insights");
        browser.await("every candidate counted", d -> total().equals(PEOPLE + " candidates"));
        assertThat(browser.driver().findElements(By.cssSelector("section.card"))).hasSize(all.path("categories").size());

        JsonNode location = all.at("/categories/0");
        assertThat(location.path("key").asText()).isEqualTo("location");
        String value = location.at("/values/0/value").asText();
        long count = location.at("/values/0/count").asLong();
        WebElement row = browser.visible(By.cssSelector("#card-location + ul .bar"));
        assertThat(row.findElement(By.cssSelector(".bar-label")).getText()).isEqualTo(value);
        assertThat(row.findElement(By.cssSelector(".bar-count")).getText()).isEqualTo(Long.toString(count));
        assertThat(row.getAttribute("title")).as("the tooltip").startsWith(count + " candidate").contains(" · ").endsWith("%");
        assertThat(row.getAttribute("aria-pressed")).isEqualTo("false");
        browser.assertAccessible("insights");
        browser.screenshot("everything");

        row.click();
        browser.await("the row's count as the total", d -> total().startsWith(count + " candidate"));
        assertThat(browser.route()).contains("f=");
        browser.containing(".chips", value);
        assertThat(browser.visible(By.cssSelector("#card-location + ul .bar")).getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.driver().findElement(By.cssSelector(".print-head")).getAttribute("textContent"))
                .as("what a printed page says on top").contains("Filters: Location: " + value).contains("Total: " + count);
        browser.assertAccessible("insights with a filter");
        browser.screenshot("one-location");

        browser.click(By.xpath("//button[normalize-space()='Export XLSX']"));
        Path file = browser.download(".xlsx");
        List<String> summary = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            book.getSheet("Summary").forEach(r -> r.forEach((Cell c) -> summary.add(c.toString())));
            assertThat(book.getNumberOfSheets()).isEqualTo(1 + all.path("categories").size());
        }
        assertThat(summary).contains("Location: " + value, "Total candidates", Double.toString(count));

        browser.script("window.__printed = false; window.print = () => { window.__printed = true; };");
        browser.click(By.xpath("//button[normalize-space()='Print']"));
        assertThat(browser.script("return window.__printed")).isEqualTo(true);
    }
}

package io.rediscover.web.ui;

import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ATS data is the ATS's, not ours: a candidate whose name is markup ({@code <img src=x onerror=alert(1)>}) and whose
 * resume holds a {@code <script>} is shown everywhere as the text it is, and nothing of it runs — no alert, no
 * element made from it, no script. Also: the UI works from the keyboard alone ({@code /}, j, Enter, Escape).
 */
class UiSafetyTest {

    private static final String SECRET = "safety-secret";
    private static final String FIRST = "<img src=x onerror=alert(1)>";
    private static final String LAST = "<script>window.__pwned=1</script>";
    private static final String RESUME = "Kafka engineer\n<script>window.__pwned=2;alert(2)</script>\n"
            + "<img src=x onerror=\"window.__pwned=3\"> <a href=\"javascript:alert(4)\">portfolio</a>\n";

    @TempDir
    static Path dir;
    static ApiFixture api;
    static Browser browser;
    static String candidateId;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; "
                + ".ci/run installs them)").isTrue();
        api = new ApiFixture(dir, SECRET, 20, Map.of());
        long person = api.sim().tenant().createPerson(Map.of("firstname", FIRST, "lastname", LAST,
                "email", "payload@example.com"));
        api.sim().tenant().setResume(person, RESUME.getBytes(StandardCharsets.UTF_8), "text/plain", "<b>cv</b>.txt");
        api.org("safe", "ENTERPRISE", true, true);
        Http admin = api.user("safe", "admin@safe.example", "ORG_ADMIN");
        api.user("safe", "rex@safe.example", "RECRUITER");
        Http.Reply created = admin.post("/api/connections", api.icimsBody(SECRET, api.sim().streamId()));
        assertThat(created.status()).as("connect: %s", created).isEqualTo(201);
        String connection = created.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        ApiFixture.await("the payload candidate searchable", () -> admin.post("/api/search",
                "{\"query\":\"onerror\",\"size\":1}").body().contains("\"total\":1,"));
        candidateId = admin.get("/api/candidates?connection=" + connection + "&atsId=" + person).body()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        ApiFixture.await("the resume's text read", () -> admin.get("/api/candidates/" + candidateId + "/resume?text=true")
                .status() == 200);
        browser = new Browser(api.host().port(), Files.createDirectories(dir.resolve("downloads")), "safety");
        browser.signIn("rex@safe.example", ApiFixture.PASSWORD);
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

    @Test
    void markupFromTheAtsIsShownAsTextAndNeverRuns() throws Exception {
        browser.open("#/search?q=onerror");
        WebElement name = browser.visible(By.cssSelector(".hit h3 a"));
        assertThat(name.getText()).isEqualTo(FIRST + " " + LAST);
        assertThat(browser.visible(By.cssSelector(".hit .snippets")).getText()).contains(FIRST);
        assertThat(browser.visible(By.cssSelector(".hit mark")).getText()).isEqualToIgnoringCase("onerror");
        nothingRan("the results");

        name.click();
        WebElement heading = browser.visible(By.cssSelector(".profile-head h2"));
        assertThat(heading.getText()).isEqualTo(FIRST + " " + LAST);
        assertThat(browser.visible(By.cssSelector(".ats-data")).getText()).contains(FIRST + " " + LAST);
        browser.click(By.xpath("//button[normalize-space()='View resume']"));
        WebElement text = browser.visible(By.cssSelector("pre.resume-text"));
        assertThat(text.getText()).contains("<script>window.__pwned=2;alert(2)</script>").contains("javascript:alert(4)");
        assertThat(text.findElements(By.xpath(".//*"))).as("elements made from the resume").isEmpty();
        browser.screenshot("payload-as-text");
        nothingRan("the profile and the resume");
    }

    @Test
    void theKeyboardAloneSearchesOpensAndCloses() {
        browser.open("#/search");
        browser.visible(By.id("query"));
        browser.script("document.activeElement.blur()");
        browser.keys("/");
        browser.await("/ focuses the search box", d -> "query".equals(browser.script("return document.activeElement.id")));
        browser.keys("onerror", Keys.ENTER);
        browser.visible(By.cssSelector(".hit h3 a"));
        browser.script("document.activeElement.blur()");
        browser.keys("j");
        browser.await("j focuses the first result", d -> (Boolean) browser.script(
                "return document.activeElement.matches('.hit [data-nav-item]')"));
        browser.keys(Keys.ENTER);
        browser.visible(By.cssSelector(".profile-panel .ats-data"));
        assertThat(browser.route()).contains("open=");
        browser.pressEscape();
        browser.await("Escape closes the profile", d -> d.findElements(By.cssSelector(".profile-panel")).isEmpty());
        nothingRan("keyboard use");
    }

    private static void nothingRan(String where) {
        assertThat(browser.alertOpen()).as("an alert opened on %s", where).isFalse();
        assertThat(browser.script("return window.__pwned === undefined")).as("window.__pwned on %s", where).isEqualTo(true);
        assertThat(browser.script("return document.querySelectorAll('img').length")).as("images on %s", where).isEqualTo(0L);
        assertThat(browser.script("return [...document.scripts].every(s => s.src && new URL(s.src).origin === location.origin)"))
                .as("only our own script files on %s", where).isEqualTo(true);
        assertThat(browser.script("return document.querySelectorAll('a[href^=\"javascript:\"]').length"))
                .as("javascript: links on %s", where).isEqualTo(0L);
    }
}

package io.rediscover.web.ui;

import io.rediscover.index.Indexes;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.HeldStage;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While candidates wait to be indexed, the search and insights pages say so under the total — a recruiter does not
 * take a partial count for all there is — and stop saying it once everything is searchable.
 */
class UiIncompleteTest {

    private static final String SECRET = "incomplete-secret";

    @TempDir
    Path dir;
    private ApiFixture api;
    private Browser browser;

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void searchAndInsightsSayWhatIsNotSearchableYet() throws Exception {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (.ci/run installs them)").isTrue();
        HeldStage held = new HeldStage();
        api = new ApiFixture(dir, SECRET, 20, Map.of(), RecordingStage.module(held));
        api.org("acme", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "admin@acme.example", "ORG_ADMIN");
        api.user("acme", "rex@acme.example", "RECRUITER");
        api.connectAndSync(admin, SECRET);

        browser = new Browser(api.host().port(), Files.createDirectories(dir.resolve("downloads")), "incomplete");
        browser.signIn("rex@acme.example", ApiFixture.PASSWORD);

        String waiting = "20 candidates are still being indexed: results and counts may leave them out or show them as before.";
        browser.open("#/search");
        browser.await("a total of 0", d -> d.findElement(By.cssSelector(".results .total")).getText().startsWith("0 candidates"));
        assertThat(browser.containing(".results .notice.incomplete", waiting).getAttribute("role")).isEqualTo("note");
        assertThat(browser.visible(By.cssSelector(".results .synced")).getText()).as("the sync's end, though unindexed")
                .startsWith("Synced ").endsWith(" ago");
        browser.screenshot("search-incomplete");
        browser.assertAccessible("search, incomplete");
        browser.open("#/insights");
        browser.containing(".insights-page .notice.incomplete", waiting);
        browser.assertAccessible("insights, incomplete");

        held.release();
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();
        browser.open("#/search");
        browser.await("a total of 20", d -> d.findElement(By.cssSelector(".results .total")).getText().startsWith("20 candidates"));
        assertThat(browser.driver().findElements(By.cssSelector(".notice.incomplete"))).as("nothing waits any more").isEmpty();
    }
}

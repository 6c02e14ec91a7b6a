package io.rediscover.web.ui;

import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.Fault;
import io.rediscover.icims.simulator.FaultRule;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole product through the web UI, in headless Chromium, against a real host and the real iCIMS simulator: a
 * platform admin creates an org and switches on its integrations and the iCIMS plugin; its org admin connects iCIMS,
 * first with a wrong secret (the error shows at the field), then with the right one (green check), and watches the
 * progress bar move; a recruiter searches Your ATS with a Boolean query and an ATS filter and opens a profile with its
 * ATS panel. Every page passes axe-core without serious or critical violations; a screenshot per step is kept under
 * {@code target/ui-screenshots/}.
 */
class UiJourneyTest {

    /** Three pages of people (the connector reports progress per page of 1,000), so the bar has steps to show. */
    private static final int PEOPLE = 2500;
    private static final String SECRET = "journey-secret";

    @TempDir
    static Path dir;
    static ApiFixture api;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Browser.installed()).as("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; "
                + ".ci/run installs them)").isTrue();
        api = new ApiFixture(dir, SECRET, PEOPLE, Map.of());
        // Two short stalls while the people are read (inside the second and the third page of 1,000), so each
        // progress step stays on screen for a few of the page's refreshes; the GETs before them are the jobs and the
        // first page of people.
        Duration stall = Duration.ofSeconds(4);
        api.sim().faults().arm(new FaultRule(Endpoint.GET, new FaultRule.Trigger.CallRange(1600, 1603), new Fault.Delay(stall)));
        api.sim().faults().arm(new FaultRule(Endpoint.GET, new FaultRule.Trigger.CallRange(2400, 2403), new Fault.Delay(stall)));
        browser = new Browser(api.host().port(), Files.createDirectories(dir.resolve("downloads")), "journey");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.screenshot("end");
            browser.close();
        }
        if (api != null) {
            api.close();
        }
    }

    private void signOut() {
        browser.click(By.cssSelector(".user-menu .menu-button"));
        browser.click(By.xpath("//*[@role='menuitem'][normalize-space()='Sign out']"));
        browser.visible(By.id("email"));
    }

    private void userMenu(String item) {
        browser.click(By.cssSelector(".user-menu .menu-button"));
        browser.click(By.xpath("//*[@role='menuitem'][normalize-space()='" + item + "']"));
    }

    @Test
    void platformAdminThenOrgAdminThenRecruiter() throws Exception {
        // Platform admin: a new org, then integrations and the iCIMS plugin switched on for it, and two users.
        browser.open("#/");
        browser.visible(By.id("email"));
        browser.assertAccessible("sign-in");
        browser.screenshot("sign-in");
        browser.signIn(TestTenants.ADMIN_EMAIL, TestTenants.ADMIN_PASSWORD);
        browser.text("h1", "Organisations");
        browser.type(By.id("org-id"), "acme");
        browser.type(By.id("org-name"), "Acme Talent");
        new Select(browser.visible(By.id("org-tier"))).selectByValue("ENTERPRISE");
        browser.click(By.xpath("//button[normalize-space()='Create organisation']"));
        browser.text("h1", "Acme Talent");
        browser.click(By.id("settings-integrationsEnabled"));
        browser.type(By.id("settings-plugins"), "icims-stream");
        browser.click(By.xpath("//button[normalize-space()='Save']"));
        browser.containing(".success", "Saved");
        assertThat(api.platform().get("/api/admin/orgs/acme").body())
                .contains("\"integrationsEnabled\":true").contains("icims-stream");
        addUser("ada@acme.example", "Ada Admin", "ORG_ADMIN");
        addUser("rex@acme.example", "Rex Recruiter", "RECRUITER");
        browser.assertAccessible("organisation");
        browser.screenshot("org-enabled");
        signOut();

        // Org admin: Integrations from the user menu at the bottom left; the empty state; the wizard.
        browser.signIn("ada@acme.example", ApiFixture.PASSWORD);
        userMenu("Integrations");
        browser.containing(".empty", "No ATS connected yet");
        browser.assertAccessible("integrations, empty");
        browser.click(By.xpath("//a[normalize-space()='+ Add a Connection']"));
        browser.click(By.cssSelector("a[aria-label='Connect iCIMS Stream']"));
        WebElement rediscovery = browser.visible(By.id("capability-REDISCOVERY"));
        assertThat(rediscovery.isSelected()).isTrue();
        browser.assertAccessible("wizard, capabilities");
        browser.screenshot("capabilities");
        browser.click(By.xpath("//button[normalize-space()='Confirm Choices']"));
        browser.type(By.id("cred-clientId"), api.sim().clientId());
        browser.type(By.id("cred-clientSecret"), "not-the-secret");
        assertThat(browser.visible(By.id("cred-clientSecret")).getAttribute("type")).isEqualTo("password");
        browser.type(By.id("cred-streamId"), api.sim().streamId());
        // The budget part of the form: a budget of nothing is refused at its field before anything is verified.
        assertThat(browser.visible(By.id("budget-requestsPerDay-hint")).getText()).contains("10,000").contains("shared");
        browser.type(By.id("budget-requestsPerDay"), "0");
        browser.click(By.xpath("//button[normalize-space()='Submit']"));
        assertThat(browser.visible(By.id("budget-requestsPerDay-error")).getText()).isNotBlank();
        // The simulator counts no quota: the largest budget the form allows, so the first sync is not cut at a day's end.
        browser.type(By.id("budget-requestsPerDay"), "1000000");
        browser.click(By.xpath("//button[normalize-space()='Submit']"));
        WebElement atField = browser.visible(By.id("cred-clientSecret-error"));
        assertThat(atField.getText()).containsIgnoringCase("secret");
        browser.visible(By.cssSelector(".error-summary a[href='#cred-clientSecret']"));
        assertThat(browser.visible(By.id("cred-clientSecret")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible("wizard, credentials refused");
        browser.screenshot("wrong-secret");

        browser.click(By.cssSelector("button[aria-controls='cred-clientSecret']"));
        assertThat(browser.visible(By.id("cred-clientSecret")).getAttribute("type")).isEqualTo("text");
        browser.type(By.id("cred-clientSecret"), SECRET);
        browser.click(By.xpath("//button[normalize-space()='Submit']"));
        browser.containing(".success-panel", "iCIMS Stream is connected");
        browser.screenshot("connected");
        browser.click(By.xpath("//a[normalize-space()='Go to Integrations']"));
        browser.containing(".connection .state.ok", "Connected");

        // The progress bar moves: a value while the second page of people is read, then a larger one.
        long first = browser.await("a progress bar with people done", d -> progressOfPeople());
        browser.assertAccessible("integrations, syncing");
        browser.screenshot("syncing");
        long later = browser.await("the progress bar past " + first, d -> {
            Long now = progressOfPeople();
            return now != null && now > first ? now : null;
        });
        assertThat(later).isGreaterThan(first);
        // The first download of 2,500 people takes a while on a busy machine: wait for it by the API, then the page
        // (which polls) must say so.
        Http ada = api.anonymous().signIn("ada@acme.example", ApiFixture.PASSWORD);
        String connection = ada.get("/api/connections").json().at("/connections/0/id").asText();
        ApiFixture.await("the first sync", () -> "SUCCEEDED".equals(ada.get("/api/connections/" + connection + "/runs")
                .json().at("/runs/0/result").asText()));
        browser.containing(".sync-times", "succeeded");
        browser.screenshot("synced");

        // Sync health from the arrow menu.
        browser.click(By.cssSelector("button[aria-label='Actions for iCIMS Stream']"));
        browser.click(By.xpath("//*[@role='menuitem'][normalize-space()='Sync health']"));
        browser.text("h1", "Sync health");
        browser.containing("table.runs", "Succeeded".toLowerCase());
        browser.containing("section[aria-labelledby='budget-title']", "of 1,000,000 requests used today");
        browser.assertAccessible("sync health");
        browser.screenshot("sync-health");
        signOut();

        // Recruiter: Your ATS, a Boolean query, an ATS filter, a profile with its ATS panel.
        browser.signIn("rex@acme.example", ApiFixture.PASSWORD);
        browser.containing(".integrations-note", "your org's admins connect your ATS");
        Http rex = api.anonymous().signIn("rex@acme.example", ApiFixture.PASSWORD);
        ApiFixture.await("every candidate searchable", () -> rex.post("/api/search", "{\"size\":1}").body()
                .contains("\"total\":" + PEOPLE + ","));
        browser.open("#/search");
        browser.type(By.id("query"), "(engineer OR manager) NOT intern");
        browser.click(By.xpath("//form[@role='search']//button[normalize-space()='Search']"));
        long all = total();
        assertThat(all).isPositive();
        assertThat(browser.route()).contains("q=").contains("engineer");
        browser.visible(By.cssSelector(".hit mark"));
        WebElement atsGroup = browser.visible(By.cssSelector("details.ats-group"));
        WebElement status = atsGroup.findElement(By.xpath(".//details[summary[starts-with(normalize-space(), 'Status')]]"));
        status.findElement(By.tagName("summary")).click();
        WebElement value = status.findElement(By.cssSelector("input[type=checkbox]"));
        String label = status.findElement(By.cssSelector("label[for='" + value.getAttribute("id") + "']")).getText();
        String chosen = label.replaceAll("(?s)\\s*\\([\\d,]+\\)$", "");
        value.click();
        browser.text(".chips .chip span", "Status: " + chosen);
        long narrowed = browser.await("the results narrowed below " + all, d -> {
            long now = total();
            return now < all ? now : null;
        });
        assertThat(narrowed).isPositive();
        assertThat(rex.post("/api/search", "{\"query\":\"(engineer OR manager) NOT intern\",\"filters\":{\"status\":[\""
                + chosen + "\"]},\"size\":1}").body()).as("the API's total for the same search").contains("\"total\":" + narrowed + ",");
        assertThat(browser.route()).contains("f=");
        browser.assertAccessible("search with an ATS filter");
        browser.screenshot("search");

        browser.click(By.cssSelector(".hit h3 a"));
        WebElement ats = browser.visible(By.cssSelector(".profile-panel .ats-data"));
        assertThat(ats.getText()).contains("ATS data").contains("Candidate ID").contains("Workflows").contains("Status:")
                .contains("Source:").as("the connector's workflow fields that repeat the line are not shown again")
                .doesNotContain("Workflow Status:", "Workflow Source:", "Workflow ID:", "Workflow Last Updated");
        browser.assertAccessible("profile");
        browser.screenshot("profile");
        browser.pressEscape();
        browser.await("the profile closed", d -> d.findElements(By.cssSelector(".profile-panel")).isEmpty());
        browser.driver().navigate().back();
        browser.visible(By.cssSelector(".profile-panel .ats-data"));
    }

    private void addUser(String email, String name, String role) {
        browser.type(By.id("user-email"), email);
        browser.type(By.id("user-name"), name);
        new Select(browser.visible(By.id("user-role"))).selectByValue(role);
        browser.type(By.id("user-password"), ApiFixture.PASSWORD);
        browser.click(By.xpath("//button[normalize-space()='Add user']"));
        browser.containing(".success", email);
    }

    /** @return the people done in the progress bar now, or null when none shows the people phase */
    private Long progressOfPeople() {
        for (WebElement bar : browser.driver().findElements(By.cssSelector(".sync-progress"))) {
            String text = bar.getText();
            String value = bar.findElement(By.tagName("progress")).getAttribute("value");
            if (text.startsWith("people") && value != null && Double.parseDouble(value) > 0) {
                return (long) Double.parseDouble(value);
            }
        }
        return null;
    }

    /** @return the total the results header shows, once a search has answered */
    private long total() {
        String text = browser.await("a result count", d -> {
            var found = d.findElements(By.cssSelector(".results .total"));
            return found.isEmpty() || found.get(0).getText().isBlank() || "true".equals(
                    d.findElement(By.cssSelector(".results")).getAttribute("aria-busy")) ? null : found.get(0).getText();
        });
        return Long.parseLong(text.replaceAll("^([\\d,]+) candidates?.*$", "$1").replace(",", ""));
    }
}

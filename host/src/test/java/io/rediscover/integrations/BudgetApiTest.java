package io.rediscover.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily request budget in the connection form, over real HTTP: what the form says (the ATS's default quota, that it
 * is shared, UTC when no time zone is given), the default a connection gets, edits, the checks that name the field and
 * change nothing, and the budget in the sync status.
 */
class BudgetApiTest {

    @TempDir
    static Path dir;
    static ApiFixture fx;
    static Http admin;

    @BeforeAll
    static void start() throws Exception {
        fx = new ApiFixture(dir, "budget-secret", Map.of());
        fx.org("acme", "ENTERPRISE", true, true);
        admin = fx.user("acme", "ada@acme.test", "ORG_ADMIN");
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    private static String body(String budget) {
        return fx.icimsBody("budget-secret", fx.sim().streamId(), budget);
    }

    @Test
    void theFormSaysWhatTheBudgetIsAndTheDefaultIsHalfTheAtsQuota() {
        JsonNode form = admin.get("/api/connectors/icims-stream").json().get("budget");
        assertThat(form.get("label").asText()).isEqualTo("Requests per day Rediscover may use");
        assertThat(form.get("help").asText()).contains("10,000").contains("shared with every other integration");
        assertThat(form.get("atsDailyLimit").asLong()).isEqualTo(10_000);
        assertThat(form.get("defaultRequestsPerDay").asLong()).isEqualTo(5_000);
        assertThat(form.get("maxRequestsPerDay").asLong()).isEqualTo(1_000_000);
        assertThat(form.get("counts").asText()).contains("Token requests and Data Stream reads do not");
        assertThat(form.get("defaultTimeZone").asText()).isEqualTo("UTC");
        assertThat(form.get("timeZoneHelp").asText()).contains("Left empty: UTC");

        Http.Reply created = admin.post("/api/connections", body(null));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("budget").get("requestsPerDay").asLong()).isEqualTo(5_000);
        assertThat(created.json().get("budget").get("resetHour").asInt()).isZero();
        assertThat(created.json().get("budget").get("timeZone").asText()).isEqualTo("UTC");
        admin.delete("/api/connections/" + created.json().get("id").asText());
    }

    @Test
    void aBudgetOfZeroNegativeOrBeyondReasonIsRefusedNamingTheFieldAndNothingIsStored() {
        fx.org("badco", "ENTERPRISE", true, true);
        Http bad = fx.user("badco", "bo@badco.test", "ORG_ADMIN");
        Map<String, String> refusals = Map.of(
                "{\"requestsPerDay\":0}", "budget.requestsPerDay",
                "{\"requestsPerDay\":-5}", "budget.requestsPerDay",
                "{\"requestsPerDay\":2000000}", "budget.requestsPerDay",
                "{\"requestsPerDay\":1.5}", "budget.requestsPerDay",
                "{\"requestsPerDay\":100,\"resetHour\":24}", "budget.resetHour",
                "{\"requestsPerDay\":100,\"timeZone\":\"Mars/Olympus_Mons\"}", "budget.timeZone",
                "{\"requestsPerDay\":100,\"timeZone\":\"Europe/Berlin\\u202E\"}", "budget.timeZone");
        refusals.forEach((budget, field) -> {
            Http.Reply r = bad.post("/api/connections", body(budget));
            assertThat(r.status()).as(budget).isEqualTo(400);
            assertThat(r.field()).as(budget).isEqualTo(field);
        });
        assertThat(bad.get("/api/connections").json().get("connections")).isEmpty();
    }

    @Test
    void aBudgetWithoutATimeZoneCountsInUtcAndAnEditWithoutOneKeepsIt() throws Exception {
        Http.Reply created = admin.post("/api/connections", body("{\"requestsPerDay\":3000,\"resetHour\":6}"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().at("/budget/timeZone").asText()).isEqualTo("UTC");
        await("connected", () -> "CONNECTED".equals(admin.get("/api/connections/" + id).json().get("status").asText()));

        String edit = "{\"capabilities\":[\"REDISCOVERY\"],\"credentials\":{\"clientId\":\"" + fx.sim().clientId()
                + "\",\"clientSecret\":\"\",\"streamId\":\"" + fx.sim().streamId() + "\"}";
        JsonNode kept = admin.put("/api/connections/" + id, edit + "}").json();
        assertThat(kept.at("/budget/requestsPerDay").asLong()).isEqualTo(3_000);
        assertThat(kept.at("/budget/resetHour").asInt()).isEqualTo(6);
        JsonNode changed = admin.put("/api/connections/" + id, edit + ",\"budget\":{\"requestsPerDay\":2500,"
                + "\"timeZone\":\"America/New_York\"}}").json();
        assertThat(changed.at("/budget/requestsPerDay").asLong()).isEqualTo(2_500);
        assertThat(changed.at("/budget/resetHour").asInt()).as("what the edit left out stays").isEqualTo(6);
        assertThat(changed.at("/budget/timeZone").asText()).isEqualTo("America/New_York");
        Http.Reply refused = admin.put("/api/connections/" + id, edit + ",\"budget\":{\"requestsPerDay\":0}}");
        assertThat(refused.field()).isEqualTo("budget.requestsPerDay");
        assertThat(admin.get("/api/connections/" + id).json().at("/budget/requestsPerDay").asLong())
                .as("a refused edit changes nothing").isEqualTo(2_500);
        assertThat(admin.get("/api/audit").json().get("events").findValuesAsText("action")).contains("connection.updated");

        await("connected again", () -> "CONNECTED".equals(admin.get("/api/connections/" + id).json().get("status").asText()));
        await("a sync that counted its requests", () -> admin.get("/api/connections/" + id + "/sync").json()
                .at("/budget/usedToday").asLong() > 0);
        JsonNode budget = admin.get("/api/connections/" + id + "/sync").json().get("budget");
        assertThat(budget.get("requestsPerDay").asLong()).isEqualTo(2_500);
        assertThat(budget.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(budget.get("remainingToday").asLong()).isEqualTo(2_500 - budget.get("usedToday").asLong());
        assertThat(budget.get("resetsAt").asText()).as("06:00 in New York is 10:00 or 11:00 UTC").containsAnyOf("T10:00:00Z", "T11:00:00Z");
    }
}

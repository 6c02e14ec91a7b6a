package io.rediscover.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.index.Indexes;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.PrometheusText;
import io.rediscover.testing.RecordingStage;
import io.rediscover.testing.StderrCapture;
import io.rediscover.web.ApiResource;
import io.rediscover.web.WebModule;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's view of one journey — an org admin connects iCIMS with a client secret, the first sync runs, a recruiter
 * searches, a sign-in fails and a request fails with a 500 — through what the host logs (JSON lines, captured to a
 * file) and what it exposes at {@code /metrics} (parsed as Prometheus text, strictly).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityJourneyTest {

    static final String SECRET = "journey-client-secret-5f1c";
    static final String METRICS_TOKEN = "metrics-token-0123456789abcdef";
    static final ObjectMapper JSON = new ObjectMapper();

    /** A route that fails the way a bug would, with a secret in its exception message. */
    @Path("/test")
    public static final class FailingResource implements ApiResource {
        /** @return never */
        @GET
        @Path("/fail")
        public String fail() {
            throw new IllegalStateException("the ATS refused client secret " + SECRET);
        }
    }

    private ApiFixture api;
    private StderrCapture log;
    private String connection;
    private String runId;
    private Http.Reply failed;
    private long people;

    @BeforeAll
    void journey(@TempDir java.nio.file.Path dir) throws Exception {
        log = new StderrCapture(dir.resolve("rediscover.log"));
        api = new ApiFixture(dir, SECRET, 60, Map.of("log.format", "json", "metrics.token", METRICS_TOKEN),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        WebModule.addResource(binder(), FailingResource.class);
                    }
                });
        people = api.sim().tenant().size(ProfileType.PERSON);
        api.org("acme", "ENTERPRISE", true, true);
        Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
        Http recruiter = api.user("acme", "rita@acme.example", "RECRUITER");
        connection = api.connectAndSync(admin, SECRET);
        runId = admin.get("/api/connections/" + connection + "/runs").json().at("/runs/0/runId").asText();
        RecordingStage.awaitDrained(api.host());
        api.host().injector().getInstance(Indexes.class).publishNow();
        Http.Reply search = recruiter.post("/api/search", "{}");
        assertThat(search.json().path("total").asLong()).as("%s", search).isEqualTo(people);
        assertThat(api.anonymous().post("/api/session", "{\"email\":\"ada@acme.example\",\"password\":\"wrong password\"}")
                .status()).isEqualTo(401);
        failed = recruiter.get("/api/test/fail");
        assertThat(failed.status()).isEqualTo(500);
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
        log.close();
    }

    @Test
    void theLogIsJsonLinesWithTheIdsAndWithoutTheSecret() throws IOException {
        String text = log.text();
        assertThat(text).as("the client secret never reaches the log").doesNotContain(SECRET).contains("****");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).as("JSON lines").hasSizeGreaterThan(10);

        String incident = failed.json().at("/error/incident").asText();
        assertThat(failed.headers().get("x-request-id")).containsExactly(incident);
        List<JsonNode> ofTheRequest = lines.stream().filter(l -> incident.equals(l.path("request").asText())).toList();
        assertThat(ofTheRequest).as("the 500's lines carry its request id").isNotEmpty();
        JsonNode error = ofTheRequest.stream().filter(l -> l.path("level").asText().equals("ERROR")).findFirst().orElseThrow();
        assertThat(error.path("message").asText()).contains(incident).contains("GET /api/test/fail");
        assertThat(error.path("stack_trace").asText()).contains("IllegalStateException")
                .contains("the ATS refused client secret ****");

        String run = "acme/" + connection + "#" + runId;
        assertThat(lines.stream().filter(l -> run.equals(l.path("run").asText())).map(l -> l.path("message").asText()))
                .as("the sync run's lines carry its id")
                .anyMatch(m -> m.contains("sync run " + runId + " started")).anyMatch(m -> m.contains("run " + runId + " SUCCEEDED"));
    }

    @Test
    void metricsNeedTheTokenAndDescribeTheJourney() throws InterruptedException {
        assertThat(api.anonymous().get("/metrics").status()).isEqualTo(401);
        assertThat(api.anonymous().withToken("wrong-token-wrong-token").get("/metrics").status()).isEqualTo(401);
        Http scraper = api.anonymous().withToken(METRICS_TOKEN);
        // What is read from the host's state is measured every few seconds: wait for the measure after the journey.
        await("the index and the index stage to be measured", () -> {
            PrometheusText now = scrape(scraper);
            return now.sum("rediscover_index_size_bytes", Map.of("collection", "orgs/acme")) > 0
                    && now.sum("rediscover_pipeline_stage_processed_total", Map.of("stage", "index")) >= people;
        });
        PrometheusText m = scrape(scraper);

        assertThat(m.sum("rediscover_sync_runs_total", Map.of("connector", "icims-stream", "mode", "full",
                "result", "succeeded", "error", "none"))).isEqualTo(1);
        assertThat(m.type("rediscover_sync_run_seconds")).isEqualTo("summary");
        assertThat(m.sum("rediscover_sync_records_total", Map.of("connector", "icims-stream", "change", "added")))
                .as("every person, job and workflow added").isGreaterThanOrEqualTo(people);
        assertThat(m.sum("rediscover_sync_plugin_requests_total", Map.of("connector", "icims-stream"))).isPositive();
        assertThat(m.find("rediscover_ats_requests_seconds_count", Map.of("connector", "icims-stream", "status", "200")))
                .as("requests by endpoint").extracting(s -> s.labels().get("endpoint"))
                .contains("POST /oauth/token").anyMatch(e -> e.matches("GET /.*\\{id}.*"));

        Map<String, String> search = Map.of("method", "POST", "route", "/api/search", "status", "200");
        assertThat(m.sum("rediscover_http_server_requests_seconds_count", search)).isEqualTo(1);
        assertThat(m.find("rediscover_http_server_requests_seconds_bucket", search)).as("the search latency histogram")
                .extracting(s -> s.labels().get("le")).contains("0.1", "1.0", "+Inf");
        assertThat(m.sum("rediscover_http_server_requests_seconds_count",
                Map.of("route", "/api/test/fail", "status", "500"))).isEqualTo(1);
        assertThat(m.sum("rediscover_http_server_requests_seconds_count",
                Map.of("route", "/api/connections/{id}/runs", "status", "200"))).as("routes are templates").isPositive();
        assertThat(m.sum("rediscover_signin_failures_total", Map.of("reason", "wrong_credentials"))).isEqualTo(1);

        assertThat(m.sum("rediscover_pipeline_stage_processed_total", Map.of("stage", "index"))).isGreaterThanOrEqualTo(people);
        assertThat(m.find("rediscover_pipeline_stage_waiting", Map.of("stage", "index"))).hasSize(1);
        assertThat(m.find("rediscover_pipeline_backlog", Map.of())).hasSize(1);
        assertThat(m.find("rediscover_index_publish_lag_seconds", Map.of())).hasSize(1);
        assertThat(m.sum("rediscover_store_file_size_bytes", Map.of())).isPositive();
        assertThat(m.find("jvm_memory_used_bytes", Map.of())).isNotEmpty();
        assertThat(m.find("process_cpu_usage", Map.of())).isNotEmpty();
    }

    private static PrometheusText scrape(Http scraper) {
        Http.Reply r = scraper.get("/metrics");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(r.body());
    }
}

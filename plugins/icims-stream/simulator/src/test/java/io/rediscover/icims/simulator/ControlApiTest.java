package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rediscover.icims.simulator.SimHttp.filter;
import static io.rediscover.icims.simulator.SimHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP control API under /_sim/, and B2/B3: records change below the paging cursor mid-run. */
class ControlApiTest {
    static IcimsSimulator sim;
    static SimHttp http;
    static String cid;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(2500).seed(21).noise(false).tickingClock(false)
                .clockStart(Instant.parse("2025-06-02T09:00:00Z")).dailyQuota(0).build());
        http = new SimHttp(sim);
        cid = "/customers/" + sim.customerId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void stateRecordsAndLifecycleOverHttp() {
        JsonNode state = SimHttp.json(http.control("GET", "/state", null));
        assertThat(state.get("customerId").asText()).isEqualTo(sim.customerId());
        assertThat(state.get("clientSecret").asText()).isEqualTo(sim.clientSecret());
        assertThat(state.at("/records/people").asInt()).isEqualTo(2500);

        HttpResponse<String> created = http.control("POST", "/people", "{\"firstname\":\"Ada\",\"lastname\":\"Control\",\"folder\":\"Prospect\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = SimHttp.json(created).get("id").asLong();
        assertThat(id).isGreaterThan(sim.tenant().ids(ProfileType.PERSON).get(2499 - 1));
        http.control("POST", "/clock/advance", "{\"minutes\":5}");
        assertThat(http.control("PATCH", "/people/" + id, "{\"lastname\":\"Patched\",\"addresscity\":\"Lagos\"}").statusCode()).isEqualTo(200);
        JsonNode person = SimHttp.json(http.get(cid + "/people/" + id + "?fields=lastname,addresses,updateddate"));
        assertThat(person.get("lastname").asText()).isEqualTo("Patched");
        assertThat(person.at("/addresses/0/addresscity").asText()).isEqualTo("Lagos");
        assertThat(person.get("updateddate").asText()).isEqualTo("2025-06-02 09:05 AM");

        long job = sim.tenant().ids(ProfileType.JOB).get(1);
        HttpResponse<String> wf = http.control("POST", "/applicantworkflows", "{\"personId\":" + id + ",\"jobId\":" + job + ",\"status\":\"Reviewed\"}");
        long wfId = SimHttp.json(wf).get("id").asLong();
        assertThat(SimHttp.json(http.get(cid + "/applicantworkflows/" + wfId + "?fields=status")).at("/status/value").asText()).isEqualTo("Reviewed");
        assertThat(http.control("DELETE", "/applicantworkflows/" + wfId, null).statusCode()).isEqualTo(200);
        assertThat(http.get(cid + "/applicantworkflows/" + wfId).statusCode()).isEqualTo(404);

        long other = sim.tenant().ids(ProfileType.PERSON).get(5);
        assertThat(http.control("POST", "/people/" + id + "/merge", "{\"into\":" + other + "}").statusCode()).isEqualTo(200);
        assertThat(http.control("POST", "/people/" + id + "/purge", null).statusCode()).isEqualTo(200);
        assertThat(http.get(cid + "/people/" + id).statusCode()).isEqualTo(404);
        assertThat(http.control("POST", "/people/" + other + "/purge", null).statusCode()).isEqualTo(409);

        assertThat(http.control("POST", "/jobs/" + job + "/revoke-access", null).statusCode()).isEqualTo(200);
        assertThat(SimHttp.json(http.get(cid + "/jobs/" + job)).at("/errors/0/errorCode").asInt()).isEqualTo(3);
        http.control("POST", "/jobs/" + job + "/restore-access", null);

        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/people/" + other + "/resume?filename=cv.pdf"))
                .header("Content-Type", "application/pdf").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'%', 'P', 'D', 'F'})).build());
        assertThat(upload.statusCode()).isEqualTo(200);
        assertThat(http.getBytes(cid + "/people/" + other + "/fields/resume/binary").body()).containsExactly('%', 'P', 'D', 'F');

        JsonNode events = SimHttp.json(http.control("GET", "/events", null));
        assertThat(events.size()).isGreaterThanOrEqualTo(6);
        assertThat(http.control("GET", "/people/" + other, null).statusCode()).isEqualTo(200);
        assertThat(http.control("GET", "/nothing", null).statusCode()).isEqualTo(404);
        assertThat(http.control("PATCH", "/people/" + other, "{\"shoesize\":\"44\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void faultsQuotaTokensNoiseAndCountersOverHttp() {
        http.forgetToken();
        http.control("POST", "/counters/reset", null);
        String fault = "{\"endpoint\":\"SEARCH\",\"call\":1,\"fault\":{\"type\":\"SERVER_ERROR\",\"status\":503,\"retryAfterSeconds\":3}}";
        assertThat(http.control("POST", "/faults", fault).statusCode()).isEqualTo(200);
        HttpResponse<String> r = http.search("people", query(filter("person.id", ">", "0")));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(SimHttp.json(http.control("GET", "/faults", null)).get(0).get("fired").asInt()).isEqualTo(1);
        http.control("DELETE", "/faults", null);

        long used = SimHttp.json(http.control("GET", "/quota", null)).get("used").asLong(); // today's calls so far
        http.control("PUT", "/quota", "{\"dailyLimit\":" + (used + 1) + "}");
        try {
            assertThat(http.get(cid).statusCode()).isEqualTo(200);
            assertThat(http.get(cid).statusCode()).isEqualTo(429);
        } finally {
            http.control("PUT", "/quota", "{\"dailyLimit\":0}");
        }

        http.control("POST", "/tokens/revoke", null);
        assertThat(http.get(cid).statusCode()).isEqualTo(401);
        http.forgetToken();
        http.control("PUT", "/concurrency", "{\"maxInFlight\":0}");
        assertThat(SimHttp.json(http.control("PUT", "/noise", "{\"enabled\":false}")).get("enabled").asBoolean()).isFalse();

        JsonNode counters = SimHttp.json(http.control("GET", "/counters", null));
        assertThat(counters.get("SEARCH").asInt()).isEqualTo(1);
        assertThat(counters.get("SEARCH:people").asInt()).isEqualTo(1);
        assertThat(counters.get("CUSTOMER").asInt()).isEqualTo(3);
        assertThat(counters.get("TOKEN").asInt()).isEqualTo(1); // one token served all calls until revoked
        assertThat(sim.counters().count(Endpoint.TOKEN)).isEqualTo(1);
    }

    @Test
    void recordUpdatedBelowTheCursorMidRunIsFoundByTheNextIncrementalRun() {
        List<Long> all = sim.tenant().ids(ProfileType.PERSON);
        String watermark = IcimsDates.formatDateTime(sim.clock().nowMinute());
        // First page of a full run...
        List<Long> page1 = http.searchIds("people", query(filter("person.id", ">", "0")));
        long below = page1.get(10);
        long above = all.get(all.size() - 1);
        // ...meanwhile a record already paged past, and one not yet reached, change.
        sim.clock().advance(Duration.ofMinutes(2));
        sim.tenant().updatePerson(below, Map.of("email", "moved@example.com"));
        sim.tenant().updatePerson(above, Map.of("email", "ahead@example.com"));
        List<Long> rest = new ArrayList<>();
        long last = page1.get(page1.size() - 1);
        List<Long> page;
        do {
            page = http.searchIds("people", query(filter("person.id", ">", Long.toString(last))));
            rest.addAll(page);
            last = page.isEmpty() ? last : page.get(page.size() - 1);
        } while (page.size() == 1000);
        assertThat(rest).contains(above).doesNotContain(below);
        // The next incremental run, filtered on updateddate since the previous run's start, picks it up.
        List<Long> incremental = http.searchIds("people", query(filter("person.updateddate", ">=", watermark)));
        assertThat(incremental).contains(below, above);
    }
}

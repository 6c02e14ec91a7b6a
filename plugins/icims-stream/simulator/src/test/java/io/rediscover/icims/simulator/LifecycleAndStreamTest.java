package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rediscover.icims.simulator.SimHttp.filter;
import static io.rediscover.icims.simulator.SimHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

/** B1 stamps, B5 merge + purge, B6 hard delete, B7 access loss, E1 data-stream events and paging. */
class LifecycleAndStreamTest {
    static final Instant START = Instant.parse("2025-06-02T09:00:00Z");
    static IcimsSimulator sim;
    static SimHttp http;
    static String cid;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(200).seed(9).noise(false).tickingClock(false)
                .clockStart(START).streamPageSize(3).build());
        http = new SimHttp(sim);
        cid = sim.customerId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    long person(int index) {
        return sim.tenant().ids(ProfileType.PERSON).get(index);
    }

    @Test
    void mutationStampsUpdateddateAtMinuteResolutionAndWorkflowStatusTouchesOnlyTheWorkflow() {
        sim.clock().advance(Duration.ofSeconds(95));
        long id = person(1);
        sim.tenant().updatePerson(id, Map.of("lastname", "Renamed"));
        Person p = sim.tenant().person(id).orElseThrow();
        assertThat(p.updateddate()).isEqualTo(START.plusSeconds(60));
        assertThat(p.stamp(IcimsFieldNames.LASTNAME_LAST_UPDATED)).isEqualTo(START.plusSeconds(60));
        assertThat(SimHttp.json(http.get("/customers/" + cid + "/people/" + id + "?fields=updateddate")).get("updateddate").asText())
                .isEqualTo("2025-06-02 09:01 AM");

        Workflow w = sim.tenant().workflowsOf(person(2)).get(0);
        Instant personBefore = sim.tenant().person(person(2)).orElseThrow().updateddate();
        sim.clock().advance(Duration.ofMinutes(3));
        sim.tenant().updateWorkflow(w.id(), Map.of("status", "Offer Extended"));
        Workflow after = sim.tenant().workflow(w.id()).orElseThrow();
        assertThat(after.bin()).isEqualTo(ListCatalog.BIN_OFFER);
        assertThat(after.updateddate()).isEqualTo(sim.clock().nowMinute());
        assertThat(sim.tenant().person(person(2)).orElseThrow().updateddate()).isEqualTo(personBefore);
    }

    @Test
    void mergeRenamesAndMovesToPurgeThenPurgeMakesItGone() {
        long x = person(10);
        long y = person(11);
        sim.tenant().mergePerson(x, y);
        JsonNode merged = SimHttp.json(http.get("/customers/" + cid + "/people/" + x + "?fields=firstname,folder,updateddate"));
        assertThat(merged.get("firstname").asText()).startsWith("Merged with " + y + " - ");
        assertThat(merged.get("folder").get("value").asText()).isEqualTo("Purge");
        assertThat(http.searchIds("people", query(filter("person.folder", "=", "Purge")))).contains(x);
        assertThat(sim.tenant().workflowsOf(x)).isEmpty();

        sim.tenant().purgeFolder();
        HttpResponse<String> gone = http.get("/customers/" + cid + "/people/" + x);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(SimHttp.json(gone).at("/errors/0/errorCode").asInt()).isEqualTo(2);
        assertThat(http.searchIds("people", query(filter("person.id", "=", Long.toString(x))))).isEmpty();
    }

    @Test
    void hardDeleteAnswers404WithXErrorHeader() {
        long jobId = sim.tenant().ids(ProfileType.JOB).get(0);
        sim.tenant().delete(ProfileType.JOB, jobId);
        HttpResponse<String> r = http.get("/customers/" + cid + "/jobs/" + jobId);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("X-Error")).hasValue("2:Job not found.");
        assertThat(SimHttp.json(r).at("/errors/0/errorMessage").asText()).isEqualTo("Job not found.");
        assertThat(http.searchIds("jobs", query(filter("job.id", ">", "0")))).doesNotContain(jobId);
    }

    @Test
    void aBulkDeleteLeavesGapsTakesTheWorkflowsAlongAndSkipsUnknownIds() {
        List<Long> purged = List.of(person(150), person(151), person(153));
        List<Long> theirWorkflows = purged.stream().flatMap(p -> sim.tenant().workflowsOf(p).stream()).map(Workflow::id).toList();
        int events = sim.events().size();
        assertThat(sim.tenant().deleteAll(ProfileType.PERSON, List.of(purged.get(0), purged.get(1), purged.get(2), 999_999L)))
                .isEqualTo(3);
        assertThat(sim.events().size() - events).isEqualTo(3 + theirWorkflows.size());
        purged.forEach(p -> assertThat(sim.tenant().person(p)).isEmpty());
        theirWorkflows.forEach(w -> assertThat(sim.tenant().workflow(w)).isEmpty());
        assertThat(http.searchIds("people", query(filter("person.id", ">", Long.toString(purged.get(0) - 1)))))
                .doesNotContainAnyElementsOf(purged);
    }

    @Test
    void accessLossAnswersCode3AndHidesFromSearchButKeepsTheRecord() {
        long id = person(20);
        sim.tenant().revokeAccess(ProfileType.PERSON, id);
        HttpResponse<String> r = http.get("/customers/" + cid + "/people/" + id);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(SimHttp.json(r).at("/errors/0/errorCode").asInt()).isEqualTo(3);
        assertThat(http.searchIds("people", query(filter("person.id", ">", "0")))).doesNotContain(id);
        assertThat(sim.tenant().person(id)).isPresent();
        sim.tenant().restoreAccess(ProfileType.PERSON, id);
        assertThat(http.get("/customers/" + cid + "/people/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void everyChangeAppendsAStreamEventAndEventsPageWithLastEvaluatedKey() {
        int before = sim.events().size();
        long created = sim.tenant().createPerson(Map.of("firstname", "Stream", "lastname", "Tester"));
        sim.tenant().updatePerson(created, Map.of("email", "stream@example.com"));
        long job = sim.tenant().createJob(Map.of("jobtitle", "Stream Engineer"));
        long wf = sim.tenant().createWorkflow(created, job, Map.of());
        sim.tenant().mergePerson(person(30), created);
        assertThat(sim.events().size() - before).isGreaterThanOrEqualTo(6);

        // Resolve customer and subscription from the stream id alone.
        JsonNode streams = SimHttp.json(http.get("/datastream/v2/streams/"));
        assertThat(streams.at("/streams/0/streamId").asText()).isEqualTo(sim.streamId());
        assertThat(streams.at("/streams/0/customerId").asText()).isEqualTo(cid);
        JsonNode subs = SimHttp.json(http.get("/datastream/v2/streams/" + sim.streamId() + "/subscriptions"));
        assertThat(subs.at("/subscriptions/0/streamId").asText()).isEqualTo(sim.streamId());
        String sub = subs.at("/subscriptions/0/subscriptionId").asText();

        List<JsonNode> events = new ArrayList<>();
        String key = null;
        int pages = 0;
        do {
            String q = key == null ? "" : "?exclusiveStartKey=" + key;
            JsonNode page = SimHttp.json(http.get("/datastream/v2/streams/" + cid + "/subscriptions/" + sub + "/events" + q));
            page.get("events").forEach(events::add);
            key = page.hasNonNull("lastEvaluatedKey") ? page.get("lastEvaluatedKey").asText() : null;
            pages++;
        } while (key != null);
        assertThat(pages).isGreaterThan(1);
        assertThat(events).hasSize(sim.events().size());
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("profileType").asText()).isEqualTo("person");
            assertThat(e.get("systemId").asText()).isEqualTo(Long.toString(created));
            assertThat(e.get("eventType").asText()).isEqualTo("created");
            assertThat(Instant.parse(e.get("last_updated_timestamp").asText())).isNotNull();
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("eventType").asText()).isEqualTo("merged");
            assertThat(e.get("mergedInto").asText()).isEqualTo(Long.toString(created));
        });
        assertThat(events).anySatisfy(e -> assertThat(e.get("systemId").asText()).isEqualTo(Long.toString(wf)));
        // Resuming after the last event seen gives nothing new, then exactly the next change.
        String lastId = events.get(events.size() - 1).get("eventId").asText();
        String tail = "/datastream/v2/streams/" + cid + "/subscriptions/" + sub + "/events?exclusiveStartKey=" + lastId;
        assertThat(SimHttp.json(http.get(tail)).get("events")).isEmpty();
        sim.tenant().updateJob(job, Map.of("folder", "Closed"));
        JsonNode next = SimHttp.json(http.get(tail));
        assertThat(next.get("events")).hasSize(1);
        assertThat(next.has("lastEvaluatedKey")).isFalse();
        assertThat(http.get("/datastream/v2/streams/nope/subscriptions").statusCode()).isEqualTo(404);
    }
}

package io.rediscover.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.Outbox;
import io.rediscover.stage.PipelineItem;
import io.rediscover.stage.PipelineStage;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import io.rediscover.testing.RecordingStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static io.rediscover.testing.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline against a real host syncing from the simulator: stages run in order, a stage failing one candidate
 * records it (visible per connection) and the candidate goes on, a stage that is unavailable holds everything back
 * without losing it, a sync waits at the backlog bound, and removing a connection drops what waits and what was
 * derived.
 */
class PipelineTest {

    @TempDir
    Path dir;

    private static final AtomicLong TICKS = new AtomicLong();

    /** Records when each candidate passed, to check the order of stages. */
    static final class Timed extends RecordingStage {
        final Map<String, Long> at = new ConcurrentHashMap<>();

        Timed(String name, int order) {
            super(name, order);
        }

        @Override
        public void process(List<PipelineItem> batch, Results results) throws Exception {
            super.process(batch, results);
            batch.forEach(i -> at.putIfAbsent(i.candidateId(), TICKS.incrementAndGet()));
        }
    }

    /** Fails one candidate; is unavailable while {@link #down} is set. */
    static final class Flaky extends RecordingStage {
        volatile String failOn;
        volatile boolean down;
        final List<ConnectionRef> dropped = new CopyOnWriteArrayList<>();

        Flaky() {
            super("flaky", 2);
        }

        @Override
        public void process(List<PipelineItem> batch, Results results) throws Exception {
            if (down) {
                throw new PipelineStage.Unavailable("the flaky service is down for the test");
            }
            if (batch.stream().anyMatch(i -> i.candidateId().equals(failOn))) {
                throw new IllegalStateException("cannot read candidate " + failOn);
            }
            super.process(batch, results);
        }

        @Override
        public void dropConnection(ConnectionRef ref) {
            dropped.add(ref);
        }
    }

    @Test
    void stagesRunInOrderAndAFailureIsRecordedWhileTheCandidateGoesOn() throws Exception {
        Timed first = new Timed("first", 1);
        Flaky flaky = new Flaky();
        Timed last = new Timed("last", 3);
        try (ApiFixture api = new ApiFixture(dir, "pipeline-secret", 120, Map.of(), RecordingStage.module(last, flaky, first))) {
            String failing = Long.toString(api.sim().tenant().ids(ProfileType.PERSON).get(7));
            flaky.failOn = failing;
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String id = api.connectAndSync(admin, "pipeline-secret");
            RecordingStage.awaitDrained(api.host());

            Set<String> people = Set.copyOf(api.sim().tenant().ids(ProfileType.PERSON).stream().map(String::valueOf).toList());
            assertThat(first.heard()).isEqualTo(people);
            assertThat(last.heard()).as("the failed candidate went on to the next stage").isEqualTo(people);
            assertThat(flaky.heard()).hasSize(people.size() - 1).doesNotContain(failing);
            for (String p : people) {
                assertThat(first.at.get(p)).as("candidate %s: first before last", p).isLessThan(last.at.get(p));
            }

            JsonNode lag = admin.get("/api/connections/" + id + "/sync").json().path("pipeline");
            assertThat(lag.path("backlog").asLong()).isZero();
            assertThat(lag.path("failures").asLong()).isEqualTo(1);
            assertThat(lag.at("/recentFailures/0/stage").asText()).isEqualTo("flaky");
            assertThat(lag.at("/recentFailures/0/candidateId").asText()).isEqualTo(failing);
            assertThat(lag.at("/recentFailures/0/reason").asText()).contains("cannot read candidate " + failing);

            JsonNode status = api.platform().get("/api/admin/pipeline").json();
            assertThat(status.path("backlog").asLong()).isZero();
            assertThat(status.path("stages").findValuesAsText("name")).as("with the host's own stages")
                    .containsExactly("first", "flaky", "last", "text", "match", "index");
            assertThat(status.at("/stages/0/processed").asLong()).as("every version of every candidate")
                    .isGreaterThanOrEqualTo(people.size());
            assertThat(status.at("/stages/1/failed").asLong()).as("once per version that reached it").isPositive();
            assertThat(admin.get("/api/admin/pipeline").status()).as("platform admins only").isEqualTo(403);

            // The failing candidate changes in the ATS and now passes: its failure is forgotten.
            flaky.failOn = null;
            api.sim().tenant().updatePerson(Long.parseLong(failing), Map.of("lastname", "Fixed"));
            assertThat(admin.post("/api/connections/" + id + "/sync", "").status()).isEqualTo(202);
            await("the failure to clear", () -> admin.get("/api/connections/" + id + "/sync").json()
                    .at("/pipeline/failures").asLong() == 0);
            assertThat(flaky.heard()).contains(failing);
        }
    }

    @Test
    void anUnavailableStageHoldsEverythingBackAndASyncWaitsAtTheBacklogBound() throws Exception {
        Flaky flaky = new Flaky();
        flaky.down = true;
        RecordingStage last = new RecordingStage("last", 3);
        try (ApiFixture api = new ApiFixture(dir, "pipeline-secret", 1_500, Map.of("pipeline.maxBacklog", "1000"),
                RecordingStage.module(flaky, last))) {
            api.org("acme", "ENTERPRISE", true, true);
            Http admin = api.user("acme", "ada@acme.example", "ORG_ADMIN");
            String id = admin.post("/api/connections", api.icimsBody("pipeline-secret", api.sim().streamId())).json().path("id").asText();
            await("the sync to wait for the pipeline", () -> admin.get("/api/connections/" + id + "/sync").json()
                    .at("/running/progress/phase").asText().startsWith("waiting for the pipeline"));
            Outbox outbox = api.host().injector().getInstance(Outbox.class);
            assertThat(outbox.size()).as("the backlog stops at the bound").isBetween(1_000L, 1_000L + 2_000L);
            assertThat(last.heard()).as("nothing passes an unavailable stage").isEmpty();
            assertThat(api.platform().get("/api/admin/pipeline").json().path("waitingFor").asText())
                    .contains("the flaky service is down");

            flaky.down = false;
            await("the first full sync", () -> "SUCCEEDED".equals(admin.get("/api/connections/" + id + "/runs")
                    .json().at("/runs/0/result").asText()));
            RecordingStage.awaitDrained(api.host());
            assertThat(last.heard()).hasSize(api.sim().tenant().size(ProfileType.PERSON));
            assertThat(last.items()).as("no version twice: waiting repeated nothing").doesNotHaveDuplicates();

            // Removal: what waits is dropped and every stage is told to drop what it derived.
            flaky.down = true;
            api.sim().tenant().ids(ProfileType.PERSON).stream().limit(20)
                    .forEach(p -> api.sim().tenant().updatePerson(p, Map.of("lastname", "Again")));
            assertThat(admin.post("/api/connections/" + id + "/sync", "").status()).isEqualTo(202);
            await("changes waiting", () -> outbox.size() >= 20);
            assertThat(admin.delete("/api/connections/" + id).status()).isEqualTo(202);
            await("the removal", () -> admin.get("/api/connections/" + id).status() == 404);
            assertThat(outbox.size()).isZero();
            assertThat(flaky.dropped).extracting(ConnectionRef::connectionId).containsExactly(id);
        }
    }
}

package io.rediscover.icims;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored states outlive the code that wrote them: states of the previous versions (v1, v2) are read and carried on. */
class IcimsStateTest extends RigTest {

    /** A v1 state as the previous version wrote it, in the middle of its people stage. */
    private static final String V1_PEOPLE = "{\"v\":1,\"stage\":\"people\",\"lastId\":%d,\"fullStartedAt\":%d,\"watermark\":0,"
            + "\"streamKey\":null,\"lastReconciliation\":%d,\"recent\":{},\"retry\":{\"applicantworkflows\":[%d]}}";
    /** A v1 state after its full download. */
    private static final String V1_INCREMENTAL = "{\"v\":1,\"stage\":\"incremental\",\"lastId\":0,\"fullStartedAt\":%d,"
            + "\"watermark\":%d,\"streamKey\":null,\"lastReconciliation\":%d,\"recent\":{\"people\":[%d]},\"retry\":{}}";

    /** A v2 state as the previous version wrote it, in the middle of its people stage (jobs done, workflows to come). */
    private static final String V2_PEOPLE = "{\"v\":2,\"stage\":\"people\",\"cursors\":{\"jobs\":{\"last\":%d,\"done\":%d},"
            + "\"people\":{\"last\":%d,\"done\":1000}},\"fullStartedAt\":%d,\"watermark\":0,\"streamKey\":null,"
            + "\"lastReconciliation\":%d,\"recent\":{},\"retry\":{\"applicantworkflows\":[%d]}}";

    /**
     * What an earlier version had committed of its download: every job, the people up to {@code lastPerson}, and (v1,
     * which read workflows with their people) their workflows. Read from a complete mirror of the tenant.
     */
    private static RecordingSink committedBefore(RecordingSink complete, long lastPerson, boolean withWorkflows) {
        RecordingSink sink = new RecordingSink();
        complete.live(RecordKind.JOB).values().forEach(j -> sink.job((io.rediscover.pluginapi.record.AtsJob) j));
        complete.live(RecordKind.CANDIDATE).values().stream().map(AtsCandidate.class::cast)
                .filter(c -> Long.parseLong(c.externalId()) <= lastPerson).forEach(sink::candidate);
        if (withWorkflows) {
            complete.live(RecordKind.APPLICATION).values().stream().map(io.rediscover.pluginapi.record.AtsApplication.class::cast)
                    .filter(a -> Long.parseLong(a.candidateExternalId()) <= lastPerson).forEach(sink::application);
        }
        sink.checkpoint(SyncState.of("{\"v\":0}"));
        return sink;
    }

    @Test
    void aV1StateInTheMiddleOfPeopleGoesOnNewestFirstWithoutReadingAgainWhatItRead() throws Exception {
        rig = Rig.start(1_500);
        List<Long> people = rig.sim.tenant().ids(ProfileType.PERSON);
        long lastDone = people.get(999);
        long failedWorkflow = rig.sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).get(0);
        long start = Rig.START.toEpochMilli();
        RecordingSink sink = committedBefore(rig.sync(new RecordingSink()), lastDone, true);
        rig.sim.counters().reset();

        rig.sync(rig.good(), SyncState.of(V1_PEOPLE.formatted(lastDone, start, start, failedWorkflow)), sink);
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(people.size());
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        long retried = Rig.retried(sink);
        assertThat(Rig.sent(sink, "GET people")).as("only the people after the v1 cursor").isBetween(500L, 500 + retried);
        long workflowsLeft = people.subList(1_000, people.size()).stream()
                .mapToLong(p -> rig.sim.tenant().workflowsOf(p).size()).sum();
        assertThat(Rig.sent(sink, "GET applicantworkflows")).isBetween(workflowsLeft, workflowsLeft + retried);
        assertThat(rig.sim.counters().count("GET:jobs")).isZero();
        var last = new ObjectMapper().readTree(sink.lastState().value());
        assertThat(last.get("v").asInt()).isEqualTo(IcimsState.VERSION);
        assertThat(last.get("stage").asText()).isEqualTo("incremental");
        assertThat(last.at("/retry/applicantworkflows/0").asLong()).as("the v1 retry is carried").isEqualTo(failedWorkflow);
    }

    @Test
    void aV2StateInTheMiddleOfItsDownloadGoesOnNewestFirstAndBringsTheWorkflowsV2HadNotReached() throws Exception {
        rig = Rig.start(1_500);
        List<Long> people = rig.sim.tenant().ids(ProfileType.PERSON);
        List<Long> jobs = rig.sim.tenant().ids(ProfileType.JOB);
        long lastDone = people.get(999);
        long failedWorkflow = rig.sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).get(3);
        long start = Rig.START.toEpochMilli();
        RecordingSink sink = committedBefore(rig.sync(new RecordingSink()), lastDone, false);
        rig.sim.counters().reset();

        rig.sync(rig.good(), SyncState.of(V2_PEOPLE.formatted(jobs.get(jobs.size() - 1), jobs.size(), lastDone, start,
                start, failedWorkflow)), sink);
        int workflows = rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW);
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(people.size());
        assertThat(sink.live(RecordKind.APPLICATION)).as("all but the one v2 could not read").hasSize(workflows - 1);
        long retried = Rig.retried(sink);
        assertThat(Rig.sent(sink, "GET people")).as("only the people after the v2 cursor").isBetween(500L, 500 + retried);
        assertThat(Rig.sent(sink, "GET applicantworkflows")).as("v2 had read no workflow yet")
                .isBetween(workflows - 1L, workflows - 1L + retried);
        assertThat(rig.sim.counters().count("GET:jobs")).isZero();
        var last = new ObjectMapper().readTree(sink.lastState().value());
        assertThat(last.get("stage").asText()).isEqualTo("incremental");
        assertThat(last.get("watermark").asLong()).as("changes since the v2 download began come next").isEqualTo(start);
        assertThat(last.at("/retry/applicantworkflows/0").asLong()).as("the v2 retry is carried").isEqualTo(failedWorkflow);
        rig.at(Duration.ofHours(1));
        rig.sync(sink);
        assertThat(sink.live(RecordKind.APPLICATION)).as("read by the first change scan").hasSize(workflows);
    }

    @Test
    void aV1IncrementalStateKeepsItsWatermark() throws Exception {
        rig = Rig.start(80);
        long changed = rig.sim.tenant().ids(ProfileType.PERSON).get(5);
        long watermark = Rig.START.plus(Duration.ofHours(1)).toEpochMilli();
        rig.at(Duration.ofHours(2));
        rig.sim.tenant().updatePerson(changed, Map.of("lastname", "After-V1"));
        rig.at(Duration.ofHours(3));
        SyncState v1 = SyncState.of(V1_INCREMENTAL.formatted(Rig.START.toEpochMilli(), watermark, Rig.START.toEpochMilli(), changed));

        RecordingSink sink = rig.sync(rig.good(), v1, new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE).keySet()).as("changes since the v1 watermark only").containsExactly(Long.toString(changed));
        assertThat(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(changed))).lastName()).isEqualTo("After-V1");
        assertThat(new ObjectMapper().readTree(sink.lastState().value()).get("watermark").asLong())
                .isEqualTo(Rig.START.plus(Duration.ofHours(3)).toEpochMilli());
    }

    @Test
    void aStateFromANewerVersionIsRefusedNotMisread() {
        assertThatThrownBy(() -> IcimsState.read(SyncState.of("{\"v\":" + (IcimsState.VERSION + 1) + ",\"stage\":\"people\"}")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL);
                    assertThat(e.getMessage()).contains("version " + (IcimsState.VERSION + 1)).contains("newer");
                });
    }
}

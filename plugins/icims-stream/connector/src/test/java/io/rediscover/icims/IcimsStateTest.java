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

/** Stored states outlive the code that wrote them: states of the previous version (v1) are read and carried on. */
class IcimsStateTest extends RigTest {

    /** A v1 state as the previous version wrote it, in the middle of its people stage. */
    private static final String V1_PEOPLE = "{\"v\":1,\"stage\":\"people\",\"lastId\":%d,\"fullStartedAt\":%d,\"watermark\":0,"
            + "\"streamKey\":null,\"lastReconciliation\":%d,\"recent\":{},\"retry\":{\"applicantworkflows\":[%d]}}";
    /** A v1 state after its full download. */
    private static final String V1_INCREMENTAL = "{\"v\":1,\"stage\":\"incremental\",\"lastId\":0,\"fullStartedAt\":%d,"
            + "\"watermark\":%d,\"streamKey\":null,\"lastReconciliation\":%d,\"recent\":{\"people\":[%d]},\"retry\":{}}";

    @Test
    void aV1StateInTheMiddleOfPeopleResumesThereAndPagesWorkflowsByTheirOwnId() throws Exception {
        rig = Rig.start(1_500);
        List<Long> people = rig.sim.tenant().ids(ProfileType.PERSON);
        long lastDone = people.get(999);
        long failedWorkflow = rig.sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).get(0);
        long start = Rig.START.toEpochMilli();
        SyncState v1 = SyncState.of(V1_PEOPLE.formatted(lastDone, start, start, failedWorkflow));

        RecordingSink sink = rig.sync(rig.good(), v1, new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE).keySet()).as("only the people after the v1 cursor")
                .containsExactlyInAnyOrderElementsOf(people.subList(1_000, people.size()).stream().map(String::valueOf).toList());
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        var last = new ObjectMapper().readTree(sink.lastState().value());
        assertThat(last.get("v").asInt()).isEqualTo(IcimsState.VERSION);
        assertThat(last.get("stage").asText()).isEqualTo("incremental");
        assertThat(last.at("/retry/applicantworkflows/0").asLong()).as("the v1 retry is carried").isEqualTo(failedWorkflow);
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

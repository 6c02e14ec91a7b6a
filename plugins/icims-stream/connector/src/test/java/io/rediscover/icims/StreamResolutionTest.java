package io.rediscover.icims;

import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream resolution is as tolerant as nothing published demands: a subscription that names the stream, else the stream
 * path keyed by the Stream ID, else the customer's only subscription; and a tenant whose Data Stream cannot be used at
 * all still connects, with a warning, and still mirrors every change.
 */
class StreamResolutionTest extends RigTest {

    private Rig start(SimulatorConfig.Builder config) {
        rig = Rig.start(config.people(60).seed(21));
        return rig;
    }

    /** A hard delete only the Data Stream reports (no update stamp): found by the next run only if events are read. */
    private void deletionOnlyTheStreamReports(Credentials credentials) throws Exception {
        RecordingSink sink = rig.sync(credentials, SyncState.initial(), new RecordingSink());
        long gone = rig.sim.tenant().ids(ProfileType.PERSON).get(7);
        rig.sim.tenant().delete(ProfileType.PERSON, gone);
        rig.at(Duration.ofHours(1));
        rig.sync(credentials, sink.lastState(), sink);
        assertThat(sink.deleted(RecordKind.CANDIDATE)).contains(Long.toString(gone));
    }

    /** Connects without a warning, and the runs read the stream's events. */
    private void assertTheStreamIsUsed() throws Exception {
        CheckResult check = rig.connector.check(rig.good(), rig.context);
        assertThat(check.passed()).isTrue();
        assertThat(check.warning()).isNull();
        deletionOnlyTheStreamReports(rig.good());
    }

    @Test
    void aListingWithoutStreamIdsResolvesByTheStreamPathKeyedByTheStreamId() throws Exception {
        start(SimulatorConfig.builder().subscriptionsNameStream(false));
        assertTheStreamIsUsed();
    }

    @Test
    void whenOnlyTheCustomerKeysTheStreamItsOnlySubscriptionIsUsed() throws Exception {
        start(SimulatorConfig.builder().subscriptionsNameStream(false).streamPathAcceptsStreamId(false));
        assertTheStreamIsUsed();
    }

    @Test
    void withoutADataStreamLicenceTheCustomerIdConnectsWithAWarningAndSearchFindsEveryChange() throws Exception {
        start(SimulatorConfig.builder().dataStreamLicensed(false));
        Credentials byCustomer = rig.credentials(rig.sim.clientId(), rig.sim.clientSecret(), rig.sim.customerId());
        CheckResult check = rig.connector.check(byCustomer, rig.context);
        assertThat(check.passed()).as(String.valueOf(check.message())).isTrue();
        assertThat(check.warning()).contains("Data Stream cannot be used").contains("403").contains("searching");

        RecordingSink sink = rig.sync(byCustomer, SyncState.initial(), new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(rig.sim.tenant().size(ProfileType.PERSON));
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));

        // Changed twice inside one overlap window: without events, the second change must still be read.
        List<Long> people = rig.sim.tenant().ids(ProfileType.PERSON);
        long twice = people.get(3);
        rig.at(Duration.ofMinutes(30));
        rig.sim.tenant().updatePerson(twice, Map.of("lastname", "First"));
        rig.at(Duration.ofMinutes(31));
        rig.sync(byCustomer, sink.lastState(), sink);
        rig.at(Duration.ofMinutes(35));
        rig.sim.tenant().updatePerson(twice, Map.of("lastname", "Second"));
        rig.at(Duration.ofMinutes(36));
        rig.sync(byCustomer, sink.lastState(), sink);
        assertThat(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(twice))).lastName()).isEqualTo("Second");

        // A purge no search can see is found by reconciliation.
        long purged = people.get(9);
        rig.sim.tenant().delete(ProfileType.PERSON, purged);
        rig.context.set("reconcileEveryDays", "1");
        rig.at(Duration.ofDays(2));
        rig.sync(byCustomer, sink.lastState(), sink);
        assertThat(sink.deleted(RecordKind.CANDIDATE)).contains(Long.toString(purged));
    }

    @Test
    void aStreamIdThatIsNeitherAStreamNorACustomerNamesTheField() throws Exception {
        start(SimulatorConfig.builder().dataStreamLicensed(false));
        CheckResult named = rig.connector.check(rig.good(), rig.context);
        assertThat(named.passed()).isFalse();
        assertThat(named.field()).isEqualTo("streamId");
        assertThat(named.message()).contains("not licensed").contains("customer id");
        CheckResult wrongCustomer = rig.connector.check(rig.credentials(rig.sim.clientId(), rig.sim.clientSecret(), "98765"),
                rig.context);
        assertThat(wrongCustomer.passed()).isFalse();
        assertThat(wrongCustomer.field()).isEqualTo("streamId");
    }
}

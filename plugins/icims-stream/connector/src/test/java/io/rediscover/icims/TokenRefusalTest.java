package io.rediscover.icims;

import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.Fault;
import io.rediscover.icims.simulator.FaultRule;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transient fault is not a configuration error: a 401 is answered with a fresh token (one per revocation, shared by
 * every request in flight), a 401 that persists fails the run as TRANSIENT, and only the token endpoint's refusal of
 * the credentials or a 403 on a resource is CONFIG.
 */
class TokenRefusalTest extends RigTest {

    @Test
    void aFullDownloadUnderTokenRevocationCompletesExactWithOneTokenPerRevocation() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(2_200).seed(31).tokenRevocationRate(0.005));
        rig.context.set("getConcurrency", "8");
        RecordingSink sink = rig.sync(new RecordingSink());

        for (ProfileType type : ProfileType.values()) {
            RecordKind kind = switch (type) {
                case PERSON -> RecordKind.CANDIDATE;
                case JOB -> RecordKind.JOB;
                case APPLICANT_WORKFLOW -> RecordKind.APPLICATION;
            };
            assertThat(sink.live(kind).keySet()).as("every %s, exactly", type)
                    .containsExactlyInAnyOrderElementsOf(rig.sim.tenant().ids(type).stream().map(String::valueOf).toList());
        }
        assertThat(sink.failures()).isEmpty();
        long revocations = rig.sim.tokens().revocations();
        System.out.printf("token revocation: %d revocations, %d token requests, requests %s%n", revocations,
                rig.sim.counters().count(Endpoint.TOKEN), rig.sim.counters().snapshot());
        assertThat(revocations).as("revocations during the run").isGreaterThanOrEqualTo(5);
        // Single-flight: the requests in flight when a token is revoked share one new token.
        assertThat(rig.sim.counters().count(Endpoint.TOKEN)).isBetween(2L, revocations + 1);
    }

    @Test
    void aPersistent401FailsTheRunAsTransientAfterBoundedAttempts() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(20).seed(32));
        rig.context.set("maxRetries", "3");
        rig.sim.faults().arm(FaultRule.always(Endpoint.SEARCH, Fault.unauthorized()));
        assertThatThrownBy(() -> rig.sync(new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
            assertThat(e.getMessage()).contains("401");
        });
        assertThat(rig.sim.counters().count(Endpoint.TOKEN)).as("the first token and one per refusal").isEqualTo(4);
    }

    @Test
    void aTokenEndpointThatThrottlesUsForMinutesEndsTheRunAsRateLimited() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(20).seed(34));
        rig.sync(new RecordingSink());
        rig.sim.tokens().setThrottle(1, java.time.Duration.ofMinutes(10)); // D5: the next run gets no token for ten minutes
        assertThatThrownBy(() -> rig.sync(new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(IcimsHttp.MAX_INLINE_WAIT));
        });
    }

    @Test
    void onlyTheTokenEndpointsRefusalAndA403OnAResourceAreConfigurationErrors() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(20).seed(33));
        assertThatThrownBy(() -> rig.sync(rig.credentials(rig.sim.clientId(), "wrong", rig.sim.streamId()), SyncState.initial(),
                new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
                    assertThat(e.field()).contains("clientSecret");
                });

        rig.sim.faults().arm(FaultRule.onCall(Endpoint.GET, 3, new Fault.Forbidden()));
        assertThatThrownBy(() -> rig.sync(new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(e.getMessage()).contains("403").contains("permissions");
        });

        rig.sim.faults().clear();
        rig.sim.faults().arm(FaultRule.nextCalls(Endpoint.TOKEN, 2, Fault.serverError(503)));
        RecordingSink afterOutage = rig.sync(new RecordingSink());
        assertThat(afterOutage.live(RecordKind.CANDIDATE)).hasSize(rig.sim.tenant().size(ProfileType.PERSON));
    }
}

package io.rediscover.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import io.rediscover.pluginapi.testkit.TestBudget;
import io.rediscover.pluginapi.testkit.TestConnectorContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the contract kit cannot know about this ATS: its mapping, deletions, bad records and each kind of failure. */
class TemplateConnectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateConnector connector = new TemplateConnector();
    private FakeAts ats;
    private TestConnectorContext context;

    @BeforeEach
    void start() {
        ats = FakeAts.start(120);
        context = new TestConnectorContext(Map.of("baseUrl", ats.baseUrl(), "pageSize", "50"));
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        ats.close();
    }

    private Credentials credentials(String apiKey) {
        return Credentials.of(connector.descriptor(), Map.of(TemplateDescriptor.ACCOUNT_ID, FakeAts.ACCOUNT,
                TemplateDescriptor.API_KEY, apiKey));
    }

    private RecordingSink read(SyncState from, RecordingSink sink) throws ConnectorException {
        try (SyncSource source = connector.openSync(credentials(FakeAts.API_KEY), context)) {
            source.read(from, sink);
        }
        return sink;
    }

    @Test
    void mapsEveryFieldTheAtsGives() throws Exception {
        AtsCandidate c = (AtsCandidate) read(SyncState.initial(), new RecordingSink()).live(RecordKind.CANDIDATE).get("c00008");
        assertThat(c.displayName()).isEqualTo("Alex8 Doe8");
        assertThat(c.emails()).containsExactly("alex8@example.com");
        assertThat(c.workHistory()).singleElement().satisfies(w -> {
            assertThat(w.title()).isEqualTo("Engineer 1");
            assertThat(w.company()).isEqualTo("Company 8");
            assertThat(w.current()).isTrue();
        });
        assertThat(c.location().country()).isEqualTo("US");
        assertThat(c.skills()).containsExactly("SQL", "Python");
        assertThat(c.attributes()).containsEntry(TemplateDescriptor.STATUS, List.of("Hired"));
    }

    @Test
    void aFullReadTellsTheHostWhatItStillNeeds() throws Exception {
        RecordingSink sink = read(SyncState.initial(), new RecordingSink());
        assertThat(sink.progress()).extracting(p -> p.requestsLeft()).containsExactly(2L, 1L, 0L);
        assertThat(sink.progress()).extracting(p -> p.estimatedTotal()).containsOnly(120L);
        ats.change(1);
        assertThat(read(sink.lastState(), new RecordingSink()).progress()).extracting(p -> p.requestsLeft()).containsOnly(-1L);
    }

    @Test
    void deletionsAndBadRecordsAreReportedAndTheRunGoesOn() throws Exception {
        RecordingSink full = read(SyncState.initial(), new RecordingSink());
        ats.delete("c00002");
        ats.putRaw("c00003", JSON.createObjectNode().put("id", "c00003").put("updatedAt", "yesterday"));
        ats.putRaw("c00004", (ObjectNode) JSON.readTree(
                "{\"id\":\"c00004\",\"updatedAt\":\"2026-02-01T00:00:00Z\",\"skills\":\"Java\"}"));
        ats.change(1);

        RecordingSink changes = read(full.lastState(), new RecordingSink());

        assertThat(changes.deleted(RecordKind.CANDIDATE)).containsExactly("c00002");
        assertThat(changes.failures()).containsExactlyInAnyOrder(
                "CANDIDATE c00003: updatedAt is not an ISO-8601 instant: yesterday",
                "CANDIDATE c00004: skills is not a list: \"Java\"");
        assertThat(changes.live(RecordKind.CANDIDATE)).containsOnlyKeys("c00001");
        assertThat(changes.checkpoints()).isNotEmpty();
    }

    @Test
    void aRateLimitCarriesTheAtsRetryAfter() {
        ats.failNext(429);
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> read(SyncState.initial(), new RecordingSink()));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aSpentBudgetEndsTheRunAfterItsLastCheckpointUntilTheReset() throws Exception {
        TestBudget budget = context.budget(connector.descriptor().requestQuota().orElseThrow(), 2);
        RecordingSink first = new RecordingSink();
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> read(SyncState.initial(), first));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.quotaResetsAt()).isPresent();
        assertThat(first.checkpoints()).hasSize(2);
        assertThat(first.live(RecordKind.CANDIDATE)).hasSize(100);
        assertThat(ats.requestUris()).hasSize(2);

        budget.newDay();
        RecordingSink next = read(first.lastState(), new RecordingSink());
        assertThat(next.live(RecordKind.CANDIDATE)).hasSize(20);
    }

    @Test
    void aServerErrorIsTransientAndTheNextRunContinuesFromTheLastCheckpoint() throws Exception {
        ats.failAfter(2, 503);
        RecordingSink failed = new RecordingSink();
        ConnectorException e = catchThrowableOfType(ConnectorException.class, () -> read(SyncState.initial(), failed));
        assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(failed.checkpoints()).hasSize(2);
        assertThat(failed.live(RecordKind.CANDIDATE)).hasSize(100);

        ats.failAfter(Integer.MAX_VALUE / 2, 503);
        RecordingSink resumed = read(failed.lastState(), new RecordingSink());
        assertThat(resumed.live(RecordKind.CANDIDATE)).hasSize(20);
        Set<String> all = new HashSet<>(failed.live(RecordKind.CANDIDATE).keySet());
        all.addAll(resumed.live(RecordKind.CANDIDATE).keySet());
        assertThat(all).hasSize(120);
    }

    @Test
    void theApiKeyTravelsInAHeaderOnlyAndNoMessageCarriesIt() throws Exception {
        CheckResult wrong = connector.check(credentials("tk_live_not_this_one"), context);
        assertThat(wrong.field()).isEqualTo(TemplateDescriptor.API_KEY);
        assertThat(wrong.message()).doesNotContain("tk_live_not_this_one");
        read(SyncState.initial(), new RecordingSink());
        assertThat(ats.requestUris()).isNotEmpty().noneMatch(u -> u.contains(FakeAts.API_KEY));
    }

    @Test
    void anUnreachableAtsFailsTheCheckWithoutAField() throws Exception {
        String base = ats.baseUrl();
        ats.close();
        context.set("baseUrl", base);
        CheckResult r = connector.check(credentials(FakeAts.API_KEY), context);
        assertThat(r.passed()).isFalse();
        assertThat(r.field()).isNull();
        assertThat(r.message()).contains("did not answer");
    }

    @Test
    void aHostWithoutTheBaseUrlSettingIsAConfigurationError() {
        TestConnectorContext bare = new TestConnectorContext(Map.of());
        try {
            assertThatThrownBy(() -> connector.openSync(credentials(FakeAts.API_KEY), bare))
                    .isInstanceOf(ConnectorException.class)
                    .hasMessageContaining("connectors.template-ats.baseUrl")
                    .extracting(t -> ((ConnectorException) t).kind()).isEqualTo(ErrorKind.CONFIG);
        } finally {
            try {
                bare.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

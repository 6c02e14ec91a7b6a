package io.rediscover.icims;

import io.rediscover.icims.simulator.Endpoint;
import io.rediscover.icims.simulator.Fault;
import io.rediscover.icims.simulator.FaultRule;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import io.rediscover.pluginapi.testkit.TestConnectorContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iCIMS Stream connector against the iCIMS simulator over real HTTP. */
class IcimsSyncTest extends RigTest {

    private static final Instant START = Rig.START;

    private IcimsSimulator sim;
    private TestConnectorContext context;
    private final IcimsStreamConnector connector = new IcimsStreamConnector();

    private IcimsSimulator start(int people) {
        rig = Rig.start(people);
        sim = rig.sim;
        context = rig.context;
        return sim;
    }

    private Credentials credentials(String id, String secret, String stream) {
        return rig.credentials(id, secret, stream);
    }

    private Credentials good() {
        return rig.good();
    }

    private RecordingSink sync(RecordingSink sink) throws ConnectorException {
        return rig.sync(sink);
    }

    private RecordingSink syncFrom(SyncState state, RecordingSink sink) throws ConnectorException {
        return rig.sync(good(), state, sink);
    }

    @Test
    void fullSyncMirrorsEveryPersonJobAndWorkflowAcrossPagesWithMinimalRequests() throws Exception {
        start(2_501);
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(sim.tenant().size(ProfileType.PERSON));
        assertThat(sink.live(RecordKind.JOB)).hasSize(sim.tenant().size(ProfileType.JOB));
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(sink.live(RecordKind.CANDIDATE).keySet()).isEqualTo(sim.tenant().ids(ProfileType.PERSON).stream()
                .map(String::valueOf).collect(Collectors.toSet()));

        // People newest window first (13 windows), then every id once; the estimate costs at most 30 searches.
        assertThat(sim.counters().count("SEARCH:people")).as("the estimate, the windows and the listing of every id")
                .isBetween(13L + 3, 13L + 3 + 3 + CountEstimator.BUDGET);
        assertThat(sim.counters().count("SEARCH:applicantworkflows")).as("the workflows of each batch of people, and the listing")
                .isLessThan(sim.tenant().size(ProfileType.PERSON) / 100 + 20L);
        long gets = sim.counters().count(Endpoint.GET);
        long records = sim.tenant().size(ProfileType.PERSON) + sim.tenant().size(ProfileType.JOB)
                + sim.tenant().size(ProfileType.APPLICANT_WORKFLOW);
        long asked = Rig.sent(sink, "GET people") + Rig.sent(sink, "GET jobs") + Rig.sent(sink, "GET applicantworkflows");
        assertThat(asked).as("every record asked for once (and again only when a request was retried)")
                .isBetween(records, records + Rig.retried(sink));
        assertThat(gets).as("every record reached iCIMS").isGreaterThanOrEqualTo(records);
        assertThat(sim.counters().count(Endpoint.RESUME)).isEqualTo(sim.tenant().size(ProfileType.PERSON));
        assertThat(sim.counters().count(Endpoint.TOKEN)).as("C3: one token per run").isEqualTo(1);
        assertThat(sink.checkpoints()).as("a checkpoint per batch of people").hasSizeGreaterThanOrEqualTo(26);
        assertThat(sink.lastState().value()).contains("\"stage\":\"incremental\"");
        // A total from the first report of the windows, within 20 %, and every person counted by the end.
        List<SyncProgress> windows = sink.progress().stream().filter(p -> p.phase().startsWith("people updated")).toList();
        long actual = sim.tenant().size(ProfileType.PERSON);
        assertThat(windows.get(0).done()).isZero();
        assertThat(windows.get(0).estimatedTotal()).as("first estimate").isBetween(actual * 8 / 10, actual * 12 / 10);
        assertThat(windows.get(0).requestsLeft()).as("what the download will cost").isBetween(actual * 2, actual * 6);
        assertThat(windows.get(windows.size() - 1).done()).isEqualTo(actual);
        assertThat(sink.progress().get(sink.progress().size() - 1).requestsLeft()).isZero();

        AtsCandidate someone = sink.live(RecordKind.CANDIDATE).values().stream().map(AtsCandidate.class::cast)
                .filter(c -> !c.emails().isEmpty()).findFirst().orElseThrow();
        assertThat(someone.displayName()).isNotBlank();
        assertThat(someone.attributes()).containsKeys("candidateId", "candidateName", "email");
        assertThat(someone.workHistory().size() + someone.education().size()).isNotNegative();
        long withWork = sink.live(RecordKind.CANDIDATE).values().stream()
                .filter(c -> !((AtsCandidate) c).workHistory().isEmpty()).count();
        assertThat(withWork).isPositive();
        long withLinkedIn = sink.live(RecordKind.CANDIDATE).values().stream()
                .filter(c -> ((AtsCandidate) c).links().stream().anyMatch(l -> l.startsWith("https://www.linkedin.com/in/"))).count();
        assertThat(withLinkedIn).isPositive();
        long withResume = sink.live(RecordKind.CANDIDATE).values().stream().filter(c -> ((AtsCandidate) c).resume() != null).count();
        assertThat(withResume).isPositive();
        AtsApplication app = (AtsApplication) sink.live(RecordKind.APPLICATION).values().iterator().next();
        assertThat(app.status()).isNotBlank();
        assertThat(app.jobTitle()).isNotBlank();
        assertThat(app.recruiter()).isNotBlank();
        Set<String> declared = new java.util.HashSet<>();
        connector.descriptor().filters().forEach(f -> declared.add(f.key()));
        connector.descriptor().profileFields().forEach(f -> declared.add(f.key()));
        sink.live(RecordKind.CANDIDATE).values().forEach(c -> assertThat(declared).containsAll(((AtsCandidate) c).attributes().keySet()));
        sink.live(RecordKind.APPLICATION).values().forEach(a -> assertThat(declared).containsAll(((AtsApplication) a).attributes().keySet()));
    }

    @Test
    void workflowsComeWithTheirPeopleByEqualitySoATenantWithoutReferenceRangesLosesNone() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(1_300).seed(12).referenceRangeFilters(false));
        sim = rig.sim;
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.APPLICATION).keySet()).containsExactlyInAnyOrderElementsOf(
                sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).stream().map(String::valueOf).toList());
        // Linked to their people by associatedprofile.
        sink.live(RecordKind.APPLICATION).values().forEach(a -> {
            AtsApplication app = (AtsApplication) a;
            long person = sim.tenant().workflow(Long.parseLong(app.externalId())).orElseThrow().personId();
            assertThat(app.candidateExternalId()).isEqualTo(Long.toString(person));
        });
        assertThat(sink.failures()).isEmpty();
        long records = sim.tenant().size(ProfileType.PERSON) + sim.tenant().size(ProfileType.JOB)
                + sim.tenant().size(ProfileType.APPLICANT_WORKFLOW);
        long asked = Rig.sent(sink, "GET people") + Rig.sent(sink, "GET jobs") + Rig.sent(sink, "GET applicantworkflows");
        assertThat(asked).as("no workflow read twice").isBetween(records, records + Rig.retried(sink));
        assertThat(sim.counters().count(Endpoint.GET)).as("every record reached iCIMS").isGreaterThanOrEqualTo(records);
    }

    @Test
    void aTenantThatRefusesToSearchWorkflowsByPersonConnectsWithAWarningAndGetsThemAtTheEndOfTheDownload() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(300).seed(12).referenceFilters(false));
        sim = rig.sim;
        assertThat(connector.check(good(), rig.context).warning()).contains("applicantworkflow.person.id");
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
        assertThat(sink.live(RecordKind.JOB)).hasSize(sim.tenant().size(ProfileType.JOB));
        assertThat(sink.failures()).isEmpty();
    }

    @Test
    void aTenantThatRefusesToPageWorkflowsByIdConnectsWithAWarning() throws Exception {
        start(20);
        // The check's second search pages workflows by their id; this tenant answers it as invalid.
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 2, new Fault.SearchValidationError()));
        CheckResult check = connector.check(good(), context);
        assertThat(check.passed()).isTrue();
        assertThat(check.warning()).contains("applicantworkflow.id");
    }

    @Test
    void exactlyOneThousandPeopleNeedOneMoreSearchAndAnEmptyPageEndsPaging() throws Exception {
        start(2_000);
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(sim.tenant().size(ProfileType.PERSON));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(sink.lastState().value()).at("/sizes/people").asLong())
                .as("the listing of every id, 1000 + 1000 + an empty page").isEqualTo(2_000);
    }

    @Test
    void incrementalReadsOnlyChangesIncludingMergeDeleteAndAccessLoss() throws Exception {
        start(300);
        RecordingSink sink = sync(new RecordingSink());
        var ids = sim.tenant().ids(ProfileType.PERSON);
        long renamed = ids.get(0);
        long deletedId = ids.get(1);
        long merged = ids.get(2);
        long survivor = ids.get(3);
        long hidden = ids.get(4);
        long workflow = sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).get(0);
        sim.clock().advance(Duration.ofHours(2));
        sim.tenant().updatePerson(renamed, Map.of("lastname", "Renamed"));
        sim.tenant().delete(ProfileType.PERSON, deletedId);
        sim.tenant().mergePerson(merged, survivor);
        sim.tenant().revokeAccess(ProfileType.PERSON, hidden);
        sim.tenant().updateWorkflow(workflow, Map.of("status", "Offer Extended"));
        sim.clock().advance(Duration.ofMinutes(5));
        context.clock(java.time.Clock.fixed(START.plus(Duration.ofHours(3)), java.time.ZoneOffset.UTC));
        sim.counters().reset();

        sync(sink);
        assertThat(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(renamed))).lastName()).isEqualTo("Renamed");
        assertThat(sink.deleted(RecordKind.CANDIDATE)).contains(Long.toString(deletedId), Long.toString(merged));
        assertThat(sink.live(RecordKind.CANDIDATE)).containsKey(Long.toString(survivor));
        assertThat(((AtsApplication) sink.live(RecordKind.APPLICATION).get(Long.toString(workflow))).status())
                .isEqualTo("Offer Extended");
        assertThat(sim.counters().count(Endpoint.GET)).as("requests ≈ changes, not tenant size").isLessThan(40);
        assertThat(sim.counters().count(Endpoint.RESUME)).isLessThan(10);
    }

    @Test
    void reconciliationFindsDeletionsNoEventReportedAndFlagsAccessLoss() throws Exception {
        start(120);
        RecordingSink sink = sync(new RecordingSink());
        var ids = sim.tenant().ids(ProfileType.PERSON);
        long purged = ids.get(5);
        long hidden = ids.get(6);
        sim.tenant().revokeAccess(ProfileType.PERSON, hidden);
        // A purge that happened out of sight: no event, no update stamp.
        sim.tenant().delete(ProfileType.PERSON, purged);
        sim.events();
        context.set("reconcileEveryDays", "1");
        context.clock(java.time.Clock.fixed(START.plus(Duration.ofDays(2)), java.time.ZoneOffset.UTC));
        sim.clock().advance(Duration.ofDays(2));
        sync(sink);
        assertThat(sink.deleted(RecordKind.CANDIDATE)).contains(Long.toString(purged));
        assertThat(sink.accessLost(RecordKind.CANDIDATE)).contains(Long.toString(hidden));
        assertThat(sink.live(RecordKind.CANDIDATE)).containsKey(Long.toString(hidden));
    }

    @Test
    void aCrashMidDownloadResumesFromTheLastCheckpointWithoutGaps() throws Exception {
        start(2_200);
        RecordingSink sink = new RecordingSink().crashAtCheckpoint(4);
        assertThatThrownBy(() -> sync(sink)).isInstanceOf(RecordingSink.SimulatedCrash.class);
        SyncState saved = sink.lastState();
        RecordingSink resumed = new RecordingSink();
        syncFrom(saved, resumed);
        Set<String> all = new java.util.HashSet<>(sink.live(RecordKind.CANDIDATE).keySet());
        all.addAll(resumed.live(RecordKind.CANDIDATE).keySet());
        assertThat(all).hasSize(sim.tenant().size(ProfileType.PERSON));
    }

    @Test
    void transientFaultsAreRetriedAndTheRunCompletes() throws Exception {
        start(150);
        context.set("requestTimeoutSeconds", "2"); // the 4 s delay below times out
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 2, Fault.serverError(503)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 3, Fault.truncatedBody()));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 5, Fault.invalidJson()));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 7, Fault.tooManyRequests(Fault.RetryAfter.SECONDS, 1)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 9, Fault.unauthorized()));
        sim.faults().arm(FaultRule.onCall(Endpoint.RESUME, 2, Fault.serverError(502)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 11, Fault.delay(Duration.ofSeconds(4))));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 13, Fault.tooManyRequests(Fault.RetryAfter.HTTP_DATE, 1)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 15, Fault.serverError(504)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 17, Fault.slowDrip(64, Duration.ofMillis(100))));
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 4, Fault.tooManyRequests(Fault.RetryAfter.NONE, 0)));
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(sim.tenant().size(ProfileType.PERSON));
        assertThat(sink.failures()).isEmpty();
        assertThat(sim.counters().count(Endpoint.TOKEN)).as("D1: one refresh after the 401").isEqualTo(2);
        assertThat(sink.progress().get(sink.progress().size() - 1).requestsByEndpoint()).containsKey("token");
    }

    @Test
    void anExhaustedDailyQuotaEndsTheRunAsRateLimitedWithItsWait() throws Exception {
        start(50);
        sim.quota().setDailyLimit(5);
        assertThatThrownBy(() -> sync(new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(e.retryAfter()).isPresent();
        });
    }

    @Test
    void persistentFailuresEndTheRunWithTheRightKindAndKeepTheWatermark() throws Exception {
        start(50);
        sim.faults().arm(FaultRule.always(Endpoint.SEARCH, Fault.serverError(500)));
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> sync(sink)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        sim.faults().clear();
        sim.faults().arm(FaultRule.always(Endpoint.SEARCH, Fault.tooManyRequests(Fault.RetryAfter.NONE, 0)));
        assertThatThrownBy(() -> sync(new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
        sim.faults().clear();
        sim.faults().arm(FaultRule.always(Endpoint.SEARCH, new Fault.SearchValidationError()));
        assertThatThrownBy(() -> sync(new RecordingSink())).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("rejected");
    }

    @Test
    void checkNamesTheFieldAtFault() throws Exception {
        start(20);
        assertThat(connector.check(good(), context).passed()).isTrue();
        CheckResult badId = connector.check(credentials("nobody", sim.clientSecret(), sim.streamId()), context);
        assertThat(badId.field()).isEqualTo("clientId");
        CheckResult badSecret = connector.check(credentials(sim.clientId(), "wrong-secret", sim.streamId()), context);
        assertThat(badSecret.field()).isEqualTo("clientSecret");
        assertThat(badSecret.message()).doesNotContain("wrong-secret");
        CheckResult badStream = connector.check(credentials(sim.clientId(), sim.clientSecret(), "no-such-stream"), context);
        assertThat(badStream.field()).isEqualTo("streamId");
        Map<String, String> unreachable = new HashMap<>(context.settings());
        unreachable.put("tokenUrl", "http://127.0.0.1:9/oauth/token");
        unreachable.put("apiBaseUrl", "http://127.0.0.1:9");
        try (TestConnectorContext offline = new TestConnectorContext(unreachable)) {
            CheckResult down = connector.check(good(), offline);
            assertThat(down.passed()).isFalse();
            assertThat(down.field()).isNull();
            assertThat(down.message()).contains("127.0.0.1");
        }
    }

    @Test
    void cancellationStopsTheRunPromptly() throws Exception {
        start(600);
        sim.faults().arm(FaultRule.always(Endpoint.GET, Fault.delay(Duration.ofMillis(20))));
        RecordingSink sink = new RecordingSink();
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            context.cancel();
        });
        canceller.start();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> sync(sink)).isInstanceOf(ConnectorException.class).hasMessageContaining("stopped");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(sink.live(RecordKind.CANDIDATE).size()).isLessThan(600);
    }

    @Test
    void faultsOnSingleRecordsBecomeDeletionsAccessLossOrAClearFailure() throws Exception {
        start(60);
        var people = sim.tenant().ids(ProfileType.PERSON);
        // D7 / D8: the search listed ids whose GET answers 404 code 2 / code 3.
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 1, new Fault.RecordNotFound()));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 2, new Fault.AccessDenied()));
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.deleted(RecordKind.JOB).size() + sink.deleted(RecordKind.CANDIDATE).size()).isEqualTo(1);
        assertThat(sink.accessLost(RecordKind.JOB).size() + sink.accessLost(RecordKind.CANDIDATE).size()).isEqualTo(1);
        assertThat(sink.live(RecordKind.CANDIDATE).size()).isGreaterThanOrEqualTo(people.size() - 2);

        // D13: an HTTP version refusal is a configuration error, not something to retry.
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 1, new Fault.HttpVersionNotSupported()));
        assertThatThrownBy(() -> sync(new RecordingSink())).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG));
    }

    @Test
    void anEmptyPageAfterAFullOneEndsPagingAndTokensAreNeverThrottled() throws Exception {
        start(1_000);
        sim.tokens().setThrottle(2, Duration.ofMinutes(10)); // D5: the client must not need more
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 3, new Fault.EmptySearchPage())); // D12
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(1_000);
        assertThat(sim.counters().count(Endpoint.TOKEN)).isEqualTo(1);
    }

    @Test
    void getConcurrencyIsBoundedAsConfigured() throws Exception {
        start(200);
        sim.concurrency().setMaxInFlight(3); // D11: more than 3 in flight would get 429s
        context.set("getConcurrency", "3");
        sim.faults().arm(FaultRule.always(Endpoint.GET, Fault.delay(Duration.ofMillis(5))));
        RecordingSink sink = sync(new RecordingSink());
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(200);
        assertThat(sim.concurrency().peakInFlight()).isLessThanOrEqualTo(3);
        assertThat(sim.counters().count(Endpoint.GET)).as("no request was refused and repeated")
                .isEqualTo(sim.tenant().size(ProfileType.PERSON) + sim.tenant().size(ProfileType.JOB)
                        + sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
    }

    @Test
    void theOverlapFindsARecordUpdatedJustBeforeTheLastRunEndedDespiteTheSearchCache() throws Exception {
        start(80);
        RecordingSink sink = sync(new RecordingSink());
        long person = sim.tenant().ids(ProfileType.PERSON).get(10);
        // C2: updated one minute before the run "ended" (the watermark), and with iCIMS's default 15-minute cache.
        sim.clock().set(START.minus(Duration.ofMinutes(1)));
        sim.tenant().updatePerson(person, Map.of("lastname", "Late-Change"));
        sim.clock().set(START.plus(Duration.ofMinutes(10)));
        context.set("staleness", "15");
        context.clock(java.time.Clock.fixed(START.plus(Duration.ofMinutes(10)), java.time.ZoneOffset.UTC));
        sync(sink);
        assertThat(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(person))).lastName()).isEqualTo("Late-Change");
    }

    @Test
    void aRunWhoseReadsFailKeepsItsWatermarkSoTheNextRunReadsTheWindowAgain() throws Exception {
        start(40);
        RecordingSink sink = sync(new RecordingSink());
        String before = sink.lastState().value();
        long person = sim.tenant().ids(ProfileType.PERSON).get(3);
        sim.clock().advance(Duration.ofHours(1));
        sim.tenant().updatePerson(person, Map.of("lastname", "Changed"));
        sim.faults().arm(FaultRule.always(Endpoint.GET, Fault.serverError(500)));
        context.clock(java.time.Clock.fixed(START.plus(Duration.ofHours(2)), java.time.ZoneOffset.UTC));
        assertThatThrownBy(() -> sync(sink)).isInstanceOfSatisfying(ConnectorException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        // C4: nothing checkpointed a newer watermark.
        assertThat(watermark(sink.lastState().value())).isEqualTo(watermark(before));
        sim.faults().clear();
        sync(sink);
        assertThat(((AtsCandidate) sink.live(RecordKind.CANDIDATE).get(Long.toString(person))).lastName()).isEqualTo("Changed");
        assertThat(watermark(sink.lastState().value())).isGreaterThan(watermark(before));
    }

    @Test
    void recordsThatCouldNotBeReadAreReadAgainByTheNextRun() throws Exception {
        start(400);
        sim.noise().setEnabled(true);
        sim.noise().setRates(0.0, 0.05); // iCIMS leaves out a requested field now and then (B4)
        RecordingSink sink = sync(new RecordingSink());
        int workflows = sim.tenant().size(ProfileType.APPLICANT_WORKFLOW);
        assertThat(sink.failures()).isNotEmpty();
        assertThat(sink.live(RecordKind.APPLICATION).size()).isLessThan(workflows);
        sim.noise().setEnabled(false);
        context.clock(java.time.Clock.fixed(START.plus(Duration.ofMinutes(5)), java.time.ZoneOffset.UTC));
        sync(sink);
        assertThat(sink.live(RecordKind.APPLICATION)).hasSize(workflows);
    }

    private static long watermark(String state) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(state).get("watermark").asLong();
    }
}

package io.rediscover.pluginapi.testkit;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.DescriptorRules;
import io.rediscover.pluginapi.record.AtsApplication;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncSource;
import io.rediscover.pluginapi.sync.SyncState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every ATS connector must keep, as a JUnit suite. A plugin extends it in its own tests, pointing it at
 * its fake ATS (iCIMS runs it against the iCIMS simulator):
 * <ul>
 *   <li>the descriptor follows the host's rules ({@link DescriptorRules});</li>
 *   <li>{@code check} passes with good credentials and names the field of each bad one;</li>
 *   <li>a full read ends with a checkpoint, and every attribute key it emits is declared;</li>
 *   <li>reading again from that checkpoint returns only what changed;</li>
 *   <li>resuming from a checkpoint in the middle leaves no gap;</li>
 *   <li>cancellation is honoured promptly; no thread is left behind.</li>
 * </ul>
 * A fresh fake ATS and context are made for every test ({@link #startAts()}, {@link #stopAts()}).
 */
public abstract class ConnectorContractTest {

    private TestConnectorContext context;

    /** @return the connector under test (a new instance is fine) */
    protected abstract AtsConnector connector();

    /**
     * Starts a fresh fake ATS with at least two checkpoints' worth of candidates and returns the context settings that
     * point the connector at it.
     *
     * @return connector settings
     */
    protected abstract Map<String, String> startAts();

    /** Stops the fake ATS. */
    protected abstract void stopAts() throws Exception;

    /** @return credentials the fake ATS accepts */
    protected abstract Map<String, String> goodCredentials();

    /** @return for each credential key the ATS can tell is wrong, credentials with just that key wrong */
    protected abstract Map<String, Map<String, String>> badCredentialsByField();

    /** @return how many candidates the fake ATS holds */
    protected abstract int candidateCount();

    /**
     * Changes {@code n} existing candidates in the fake ATS so that an incremental read must return them.
     *
     * @param n how many
     */
    protected abstract void changeCandidates(int n);

    /**
     * @param threadName a live thread's name
     * @return whether the thread belongs to the fake ATS (its server pool), not to the connector
     */
    protected boolean isFakeAtsThread(String threadName) {
        return false;
    }

    /** @return the context of the current test */
    protected TestConnectorContext context() {
        return context;
    }

    @BeforeEach
    void startContract() {
        context = new TestConnectorContext(startAts());
    }

    @AfterEach
    void stopContract() throws Exception {
        context.close();
        stopAts();
    }

    private Credentials credentials(Map<String, String> values) {
        return Credentials.of(connector().descriptor(), values);
    }

    private RecordingSink read(SyncState from, RecordingSink sink) throws ConnectorException {
        try (SyncSource source = connector().openSync(credentials(goodCredentials()), context)) {
            source.read(from, sink);
        }
        return sink;
    }

    @Test
    void descriptorFollowsTheHostsRules() {
        assertThat(DescriptorRules.problems(connector().descriptor())).isEmpty();
    }

    @Test
    void checkPassesWithGoodCredentialsAndNamesEachBadField() throws Exception {
        assertThat(connector().check(credentials(goodCredentials()), context).passed()).isTrue();
        for (Map.Entry<String, Map<String, String>> bad : badCredentialsByField().entrySet()) {
            CheckResult r = connector().check(credentials(bad.getValue()), context);
            assertThat(r.passed()).as("check with a bad %s", bad.getKey()).isFalse();
            assertThat(r.field()).as("field named for a bad %s", bad.getKey()).isEqualTo(bad.getKey());
        }
    }

    @Test
    void aFullReadEndsWithACheckpointAndDeclaresEveryAttribute() throws Exception {
        RecordingSink sink = read(SyncState.initial(), new RecordingSink());
        assertThat(sink.checkpoints()).isNotEmpty();
        assertThat(sink.live(RecordKind.CANDIDATE)).hasSize(candidateCount());
        Set<String> declared = new HashSet<>();
        connector().descriptor().filters().forEach(f -> declared.add(f.key()));
        connector().descriptor().profileFields().forEach(f -> declared.add(f.key()));
        sink.live(RecordKind.CANDIDATE).values().forEach(c ->
                assertThat(declared).containsAll(((AtsCandidate) c).attributes().keySet()));
        sink.live(RecordKind.APPLICATION).values().forEach(a ->
                assertThat(declared).containsAll(((AtsApplication) a).attributes().keySet()));
    }

    @Test
    void readingFromTheLastCheckpointReturnsOnlyChanges() throws Exception {
        RecordingSink full = read(SyncState.initial(), new RecordingSink());
        changeCandidates(3);
        RecordingSink changes = read(full.lastState(), new RecordingSink());
        int upserted = changes.live(RecordKind.CANDIDATE).size();
        assertThat(upserted).isGreaterThanOrEqualTo(3).isLessThan(candidateCount());
    }

    @Test
    void resumingFromAMiddleCheckpointLeavesNoGap() throws Exception {
        RecordingSink crashed = new RecordingSink().crashAtCheckpoint(3);
        assertThatThrownBy(() -> read(SyncState.initial(), crashed)).isInstanceOf(RecordingSink.SimulatedCrash.class);
        RecordingSink resumed = read(crashed.lastState(), new RecordingSink());
        Set<String> all = new HashSet<>(crashed.live(RecordKind.CANDIDATE).keySet());
        all.addAll(resumed.live(RecordKind.CANDIDATE).keySet());
        assertThat(all).hasSize(candidateCount());
    }

    @Test
    void cancellationIsHonouredPromptly() {
        context.cancel();
        long t0 = System.nanoTime();
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> read(SyncState.initial(), sink)).isInstanceOf(ConnectorException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(sink.live(RecordKind.CANDIDATE)).isEmpty();
    }

    @Test
    void noThreadIsLeftBehind() throws Exception {
        Set<String> before = liveThreads();
        read(SyncState.initial(), new RecordingSink());
        Thread.sleep(200);
        Set<String> after = liveThreads();
        after.removeAll(before);
        assertThat(after).as("threads started by the connector and still alive").isEmpty();
    }

    private Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName)
                // The context's executors and the JDK HTTP client's selector belong to the host, not the plugin.
                .filter(n -> !n.startsWith("testkit-") && !n.startsWith("HttpClient-"))
                .filter(n -> !isFakeAtsThread(n))
                .collect(Collectors.toCollection(HashSet::new));
    }
}

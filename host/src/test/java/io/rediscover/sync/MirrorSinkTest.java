package io.rediscover.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.config.HostConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.mirror.Outbox;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.record.Location;
import io.rediscover.pluginapi.sync.MirroredVersion;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.store.DataDirectory;
import io.rediscover.store.Store;
import io.rediscover.store.StoreWatch;
import io.rediscover.store.WorkingSets;
import io.rediscover.testing.Mirrors;
import io.rediscover.testing.TestHosts;
import io.rediscover.web.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The mirror sink on a real MVStore and MapDB working sets: checkpoint atomicity and reconciliation. */
class MirrorSinkTest {

    @TempDir
    Path dir;
    private final ObjectMapper json = JsonMapper.create();
    private String originalTmp;
    private DataDirectory data;
    private Store store;
    private WorkingSets sets;
    private MirrorStore mirror;
    private RunHistory history;
    private BacklogGate gate;
    private final ConnectionRef ref = new ConnectionRef("acme", "c1");

    @BeforeEach
    void open() throws Exception {
        originalTmp = System.getProperty("java.io.tmpdir");
        data = new DataDirectory(dir);
        data.start();
        store = new Store(data.storeDir().resolve("rediscover.mv.db"), false);
        store.start();
        sets = new WorkingSets(data);
        sets.start();
        Outbox outbox = Mirrors.outbox(store);
        mirror = new MirrorStore(store, outbox);
        HostConfig config = TestHosts.config(dir, dir, Map.of("data.minFreeMegabytes", "0"));
        gate = new BacklogGate(outbox, new StoreWatch(store, data, config), config);
        history = new RunHistory(store);
    }

    @AfterEach
    void close() throws Exception {
        sets.stop();
        store.stop();
        data.stop();
        System.setProperty("java.io.tmpdir", originalTmp);
    }

    private MirrorSink sink() {
        SyncRun run = new SyncRun(history.nextRunId(ref), ref.org(), ref.connectionId(), SyncRun.Mode.FULL, Instant.now(),
                null, SyncRun.Result.RUNNING, SyncRun.Progress.starting(), SyncRun.Counts.zero(), Map.of(), null);
        return new MirrorSink(ref, run, mirror, history, gate, Cancellation.never(), sets, Clock.systemUTC(), json);
    }

    private static AtsCandidate candidate(String id) {
        return AtsCandidate.builder(id, Instant.parse("2026-01-01T00:00:00Z")).name("P", null, id).build();
    }

    @Test
    void thePluginLearnsWhatTheHostHoldsIncludingWhatItEmittedSinceTheLastCheckpoint() throws Exception {
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = Instant.parse("2026-02-01T00:00:00Z");
        try (MirrorSink sink = sink()) {
            sink.candidate(AtsCandidate.builder("7", t1).name("Ada", null, "Lovelace")
                    .resume(new AtsDocument("cv.txt", "text/plain", "cv".getBytes(StandardCharsets.UTF_8))).build());
            sink.job(new AtsJob("9", t1, "Engineer", null, null, "Grace Hopper", null,
                    new Location("Paris", null, null, "France"), Map.of()));
            assertThat(sink.mirrored(RecordKind.CANDIDATE, "7")).as("emitted, not committed")
                    .contains(new MirroredVersion(t1, true));
            sink.checkpoint(SyncState.of("{\"page\":1}"));
            // A newer version read without its resume: the host keeps the resume it has.
            sink.candidate(AtsCandidate.builder("7", t2).name("Ada", null, "King").build());
            assertThat(sink.mirrored(RecordKind.CANDIDATE, "7")).contains(new MirroredVersion(t2, true));
            assertThat(sink.mirroredJob("9").orElseThrow().recruiter()).isEqualTo("Grace Hopper");
            assertThat(sink.mirroredJob("9").orElseThrow().location().city()).isEqualTo("Paris");
            sink.job(new AtsJob("9", t2, "Staff Engineer", null, null, null, null, null, Map.of()));
            assertThat(sink.mirroredJob("9").orElseThrow()).as("merged: a field left out keeps the stored value")
                    .extracting(AtsJob::title, AtsJob::recruiter).containsExactly("Staff Engineer", "Grace Hopper");
            sink.deleted(RecordKind.CANDIDATE, "7");
            assertThat(sink.mirrored(RecordKind.CANDIDATE, "7")).isEmpty();
            assertThat(sink.mirrored(RecordKind.APPLICATION, "1")).isEmpty();
            assertThat(sink.mirroredJob("404")).isEmpty();
        }
    }

    @Test
    void recordsBecomeVisibleOnlyWithTheirCheckpointAndAFailedRunDiscardsTheRest() throws Exception {
        try (MirrorSink sink = sink()) {
            sink.candidate(candidate("1"));
            assertThat(mirror.record(ref, RecordKind.CANDIDATE, "1")).isEmpty();
            sink.checkpoint(SyncState.of("{\"page\":1}"));
            assertThat(mirror.record(ref, RecordKind.CANDIDATE, "1")).isPresent();
            assertThat(mirror.state(ref)).contains("{\"page\":1}");
            sink.candidate(candidate("2"));
            SyncRun end = sink.finish(SyncRun.Result.FAILED, new SyncRun.RunError(io.rediscover.pluginapi.ErrorKind.TRANSIENT, "x"));
            assertThat(end.result()).isEqualTo(SyncRun.Result.FAILED);
        }
        assertThat(mirror.record(ref, RecordKind.CANDIDATE, "2")).isEmpty();
        assertThat(mirror.state(ref)).contains("{\"page\":1}");
    }

    @Test
    void reconciliationHandsBackExactlyTheMirroredIdsThatWereNotSeen() throws ConnectorException {
        try (MirrorSink sink = sink()) {
            for (int i = 0; i < 5_000; i++) {
                sink.candidate(candidate(Integer.toString(i)));
            }
            sink.checkpoint(SyncState.of("{}"));
            sink.deleted(RecordKind.CANDIDATE, "4999");
            sink.checkpoint(SyncState.of("{}"));
            for (int i = 0; i < 5_000; i++) {
                if (i % 1000 != 7) {
                    sink.seen(RecordKind.CANDIDATE, Integer.toString(i));
                }
            }
            List<String> unseen = new ArrayList<>();
            sink.forEachUnseen(RecordKind.CANDIDATE, id -> {
                unseen.add(id);
                sink.deleted(RecordKind.CANDIDATE, id);
            });
            assertThat(unseen).containsExactlyInAnyOrder("7", "1007", "2007", "3007", "4007");
            sink.checkpoint(SyncState.of("{}"));
        }
        assertThat(mirror.counts(ref).live().get(RecordKind.CANDIDATE)).isEqualTo(5_000 - 6);
        assertThat(mirror.counts(ref).tombstones().get(RecordKind.CANDIDATE)).isEqualTo(6);
        assertThat(dir.resolve("tmp/working-sets")).isEmptyDirectory();
    }

    @Test
    void oldTombstonesArePurgedAndCountsFollow() throws Exception {
        try (MirrorSink sink = sink()) {
            sink.candidate(candidate("1"));
            sink.candidate(candidate("2"));
            sink.checkpoint(SyncState.of("{}"));
            sink.deleted(RecordKind.CANDIDATE, "2");
            sink.checkpoint(SyncState.of("{}"));
        }
        assertThat(mirror.purgeTombstones(ref, Instant.now().minusSeconds(3600))).isZero();
        assertThat(mirror.purgeTombstones(ref, Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(mirror.record(ref, RecordKind.CANDIDATE, "2")).isEmpty();
        assertThat(mirror.counts(ref).tombstones().get(RecordKind.CANDIDATE)).isZero();
        assertThat(mirror.counts(ref).live().get(RecordKind.CANDIDATE)).isEqualTo(1);
    }
}

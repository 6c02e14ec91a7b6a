package io.rediscover.pluginapi;

import com.sun.net.httpserver.HttpServer;
import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.record.AtsJob;
import io.rediscover.pluginapi.sync.MirroredVersion;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.pluginapi.sync.SyncProgress;
import io.rediscover.pluginapi.sync.SyncState;
import io.rediscover.pluginapi.testkit.RecordingSink;
import io.rediscover.pluginapi.testkit.TestBudget;
import io.rediscover.pluginapi.testkit.TestConnectorContext;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The budget part of the contract: what a quota counts, the metered client, the signal that ends a run, read-back. */
class BudgetContractTest {

    private static final RequestQuota QUOTA = RequestQuota.daily(10_000).notCounting("/oauth/token$")
            .describedAs("every API request but tokens");

    @Test
    void aQuotaCountsEveryPathButTheOnesItExcludes() {
        assertThat(QUOTA.counts(URI.create("https://api.example/customers/1/people/5"))).isTrue();
        assertThat(QUOTA.counts(URI.create("https://login.example/oauth/token"))).isFalse();
        assertThat(QUOTA.counts(URI.create("https://api.example/oauth/token/info"))).as("the pattern is anchored").isTrue();
        assertThat(RequestQuota.daily(5).counts(URI.create("https://x.example"))).isTrue();
        assertThatThrownBy(() -> RequestQuota.daily(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> RequestQuota.daily(1).notCounting("[")).hasMessageContaining("does not compile");
    }

    @Test
    void descriptorsDeclareAQuotaOrNoneAndTheOneZeroConstructorStillWorks() {
        ConnectorDescriptor with = ConnectorDescriptor.builder("a", "A").capabilities(Capability.REDISCOVERY)
                .requestQuota(QUOTA).build();
        assertThat(with.requestQuota()).contains(QUOTA);
        ConnectorDescriptor old = new ConnectorDescriptor("a", "A", "1", with.capabilities(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty());
        assertThat(old.requestQuota()).isEmpty();
        assertThat(new SyncProgress("people", 1, 2, Map.of()).requestsLeft()).isEqualTo(-1);
    }

    @Test
    void theMeteredClientSendsWhatItAdmitsAndNothingItRefuses() throws Exception {
        AtomicInteger served = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        try (TestConnectorContext context = new TestConnectorContext(Map.of())) {
            context.clock(Clock.fixed(now, ZoneOffset.UTC));
            TestBudget budget = context.budget(QUOTA, 2);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            HttpRequest counted = HttpRequest.newBuilder(URI.create(base + "/customers/1/people/5")).build();
            HttpRequest token = HttpRequest.newBuilder(URI.create(base + "/oauth/token")).build();
            assertThat(context.http().send(counted, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
            assertThat(context.http().sendAsync(counted, HttpResponse.BodyHandlers.ofString()).get().statusCode()).isEqualTo(200);
            assertThat(context.budget().remaining()).isZero();

            assertThatThrownBy(() -> context.http().send(counted, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOfSatisfying(BudgetExhaustedException.class, e -> {
                        assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
                        ConnectorException end = e.toConnectorException();
                        assertThat(end.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                        assertThat(end.quotaResetsAt()).contains(e.resetsAt());
                        assertThat(end.retryAfter()).contains(Duration.ofHours(14));
                    });
            assertThatThrownBy(() -> context.http().sendAsync(counted, HttpResponse.BodyHandlers.ofString()).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(BudgetExhaustedException.class);
            assertThat(context.http().send(token, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("a request that does not count passes a spent budget").isEqualTo(200);
            assertThat(served.get()).as("refused requests never left").isEqualTo(3);
            assertThat(budget.refused()).isEqualTo(2);

            budget.newDay();
            assertThat(context.http().send(counted, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(budget.total()).isEqualTo(3);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aContextWithoutABudgetIsUnlimitedAndAnOrdinaryRateLimitIsNoQuota() {
        RequestBudget unlimited = RequestBudget.unlimited();
        assertThat(unlimited.limited()).isFalse();
        assertThat(unlimited.remaining()).isEqualTo(Long.MAX_VALUE);
        assertThat(unlimited.resetsAt()).isEmpty();
        assertThat(ConnectorException.rateLimited("slow down", Duration.ofSeconds(5)).quotaResetsAt()).isEmpty();
    }

    @Test
    void theRecordingSinkAnswersWhatItHoldsAndMergesAsTheHostDoes() {
        RecordingSink sink = new RecordingSink();
        Instant t1 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        AtsDocument cv = new AtsDocument("cv.txt", "text/plain", "resume".getBytes(StandardCharsets.UTF_8));
        sink.candidate(AtsCandidate.builder("7", t1).name("Ada", null, "Lovelace").resume(cv).build());
        assertThat(sink.mirrored(RecordKind.CANDIDATE, "7")).as("emitted, not yet checkpointed")
                .contains(new MirroredVersion(t1, true));
        sink.checkpoint(SyncState.of("1"));
        // A newer version read without its resume keeps the stored resume and name; an older one is ignored.
        sink.candidate(AtsCandidate.builder("7", t2).email("ada@example.org").build());
        sink.candidate(AtsCandidate.builder("7", t1).name("Old", null, "Name").build());
        sink.job(new AtsJob("9", t1, "Engineer", null, null, "Grace", null, null, Map.of()));
        sink.checkpoint(SyncState.of("2"));
        AtsCandidate held = (AtsCandidate) sink.live(RecordKind.CANDIDATE).get("7");
        assertThat(held.firstName()).isEqualTo("Ada");
        assertThat(held.emails()).containsExactly("ada@example.org");
        assertThat(held.resume()).isEqualTo(cv);
        assertThat(sink.mirrored(RecordKind.CANDIDATE, "7")).contains(new MirroredVersion(t2, true));
        assertThat(sink.mirroredJob("9").orElseThrow().recruiter()).isEqualTo("Grace");
        sink.deleted(RecordKind.CANDIDATE, "7");
        assertThat(sink.mirrored(RecordKind.CANDIDATE, "7")).isEmpty();
        assertThat(sink.mirrored(RecordKind.APPLICATION, "1")).isEmpty();
    }
}

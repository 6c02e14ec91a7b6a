package io.rediscover.icims.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.rediscover.icims.simulator.SimHttp.filter;
import static io.rediscover.icims.simulator.SimHttp.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Section D faults as a client observes them over real HTTP. */
class FaultsTest {
    static final Instant START = Instant.parse("2025-06-02T09:00:00Z");
    static IcimsSimulator sim;
    static SimHttp http;
    static String customer;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(50).seed(1).noise(false).tickingClock(false)
                .clockStart(START).tokenLifetime(Duration.ofHours(1)).build());
        http = new SimHttp(sim);
        customer = "/customers/" + sim.customerId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void freshToken() {
        http.forgetToken(); // tests move the clock and revoke tokens
    }

    @AfterEach
    void reset() {
        sim.faults().clear();
        sim.concurrency().setMaxInFlight(0);
        sim.quota().setDailyLimit(0);
    }

    @Test
    void d1TokenExpiryRevocationAndArmed401() {
        assertThat(http.get(customer).statusCode()).isEqualTo(200);
        sim.clock().advance(Duration.ofMinutes(61));
        HttpResponse<String> expired = http.get(customer);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        http.forgetToken();
        assertThat(http.get(customer).statusCode()).isEqualTo(200);

        sim.tokens().revokeAll();
        assertThat(http.get(customer).statusCode()).isEqualTo(401);
        http.forgetToken();

        sim.faults().arm(FaultRule.onCall(Endpoint.CUSTOMER, 2, Fault.unauthorized()));
        assertThat(http.get(customer).statusCode()).isEqualTo(200);
        assertThat(http.get(customer).statusCode()).isEqualTo(401);
        assertThat(http.get(customer).statusCode()).isEqualTo(200);
    }

    @Test
    void d2TooManyRequestsWithSecondsDateOrNoRetryAfter() {
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 1, Fault.tooManyRequests(Fault.RetryAfter.SECONDS, 7)));
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 2, Fault.tooManyRequests(Fault.RetryAfter.HTTP_DATE, 30)));
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 3, Fault.tooManyRequests(Fault.RetryAfter.NONE, 0)));
        String q = query(filter("person.id", ">", "0"));
        HttpResponse<String> seconds = http.search("people", q);
        assertThat(seconds.statusCode()).isEqualTo(429);
        assertThat(seconds.headers().firstValue("Retry-After")).hasValue("7");
        HttpResponse<String> date = http.search("people", q);
        assertThat(date.statusCode()).isEqualTo(429);
        ZonedDateTime retryAt = ZonedDateTime.parse(date.headers().firstValue("Retry-After").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(retryAt.toInstant()).isAfter(sim.clock().now());
        HttpResponse<String> none = http.search("people", q);
        assertThat(none.statusCode()).isEqualTo(429);
        assertThat(none.headers().firstValue("Retry-After")).isEmpty();
        assertThat(http.search("people", q).statusCode()).isEqualTo(200);
    }

    @Test
    void d3ServerErrors() {
        long person = sim.tenant().ids(ProfileType.PERSON).get(0);
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 1, Fault.serverError(500)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 2, Fault.serverError(502)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 3, new Fault.ServerError(503, 2)));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 4, Fault.serverError(504)));
        String path = customer + "/people/" + person;
        HttpResponse<String> r500 = http.get(path);
        assertThat(r500.statusCode()).isEqualTo(500);
        assertThat(SimHttp.json(r500).at("/errors/0/errorCode").asInt()).isEqualTo(0);
        HttpResponse<String> r502 = http.get(path);
        assertThat(r502.statusCode()).isEqualTo(502);
        assertThat(r502.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> r503 = http.get(path);
        assertThat(r503.statusCode()).isEqualTo(503);
        assertThat(r503.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(http.get(path).statusCode()).isEqualTo(504);
        assertThat(http.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void d4SlowResponseBeyondReadTimeoutAndSlowDrip() {
        sim.faults().arm(FaultRule.onCall(Endpoint.CUSTOMER, 1, Fault.delay(Duration.ofMillis(1500))));
        HttpRequest slow = http.api(customer).timeout(Duration.ofMillis(300)).GET().build();
        assertThatThrownBy(() -> http.client.send(slow, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        sim.faults().arm(FaultRule.onCall(Endpoint.CUSTOMER, 1, Fault.slowDrip(8, Duration.ofMillis(40))));
        long t0 = System.nanoTime();
        HttpResponse<String> dripped = http.get(customer);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(dripped.statusCode()).isEqualTo(200);
        assertThat(SimHttp.json(dripped).get("customerId").asText()).isEqualTo(sim.customerId());
        assertThat(millis).isGreaterThan(300);
    }

    @Test
    void d6TruncatedBodyAndInvalidJson() {
        String q = query(filter("person.id", ">", "0"));
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 1, Fault.truncatedBody()));
        assertThatThrownBy(() -> http.search("people", q)).hasRootCauseInstanceOf(IOException.class);

        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 1, Fault.invalidJson()));
        HttpResponse<String> broken = http.search("people", q);
        assertThat(broken.statusCode()).isEqualTo(200);
        assertThat(broken.headers().firstValueAsLong("Content-Length").orElseThrow())
                .isEqualTo(broken.body().getBytes(StandardCharsets.UTF_8).length);
        assertThatThrownBy(() -> SimHttp.JSON.readTree(broken.body())).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void d7D8D9ArmedPerEndpoint() {
        long person = sim.tenant().ids(ProfileType.PERSON).get(1);
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 1, new Fault.RecordNotFound()));
        sim.faults().arm(FaultRule.onCall(Endpoint.GET, 2, new Fault.AccessDenied()));
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 1, new Fault.SearchValidationError()));
        assertThat(SimHttp.json(http.get(customer + "/people/" + person)).at("/errors/0/errorCode").asInt()).isEqualTo(2);
        assertThat(SimHttp.json(http.get(customer + "/people/" + person)).at("/errors/0/errorCode").asInt()).isEqualTo(3);
        assertThat(http.search("people", query(filter("person.id", ">", "0"))).statusCode()).isEqualTo(400);
    }

    @Test
    void d10DailyQuotaThenResetAtConfiguredTime() {
        sim.quota().setResetAt(LocalTime.of(6, 0));
        sim.quota().setDailyLimit(3);
        long base = sim.quota().used();
        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < 3 - base + 2; i++) {
            last = http.get(customer);
            ok += last.statusCode() == 200 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(3 - base);
        assertThat(last.statusCode()).isEqualTo(429);
        long wait = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).isPositive().isLessThanOrEqualTo(86_400);
        sim.clock().advance(Duration.ofSeconds(wait));
        http.forgetToken();
        assertThat(http.get(customer).statusCode()).isEqualTo(200);
        sim.quota().setResetAt(LocalTime.MIDNIGHT);
    }

    @Test
    void d11ConcurrencyCapAnswers429ToTheExtraRequests() throws InterruptedException {
        for (int i = 0; i < 100 && sim.concurrency().inFlight() > 0; i++) {
            Thread.sleep(50); // a delayed request of another test may still be sleeping on the server
        }
        sim.concurrency().setMaxInFlight(2);
        sim.faults().arm(FaultRule.always(Endpoint.CUSTOMER, Fault.delay(Duration.ofMillis(600))));
        http.token();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(http.client.sendAsync(http.api(customer).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<Integer> codes = calls.stream().map(c -> c.join().statusCode()).toList();
        assertThat(codes).filteredOn(c -> c == 200).hasSize(2);
        assertThat(codes).filteredOn(c -> c == 429).hasSize(3);
        assertThat(sim.concurrency().peakInFlight()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void d13Http2IsRejectedWith505() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> upgrade = h2.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + customer))
                .header("Authorization", "Bearer " + http.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upgrade.statusCode()).isEqualTo(505);

        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 505");
        }

        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.getOutputStream().write(("GET " + customer + " HTTP/1.0\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).contains(" 505 ");
        }
    }

    @Test
    void probabilisticFaultsAreSeededAndCounted() {
        FaultPlan.Armed armed = sim.faults().arm(FaultRule.withProbability(Endpoint.CUSTOMER, 0.5, Fault.serverError(503)));
        long before = sim.counters().count(Endpoint.CUSTOMER);
        int failures = 0;
        for (int i = 0; i < 30; i++) {
            failures += http.get(customer).statusCode() == 503 ? 1 : 0;
        }
        assertThat(failures).isBetween(5, 25).isEqualTo((int) armed.fired());
        assertThat(sim.counters().count(Endpoint.CUSTOMER) - before).isEqualTo(30);
        assertThat(sim.counters().count("CUSTOMER")).isGreaterThanOrEqualTo(30);
    }
}

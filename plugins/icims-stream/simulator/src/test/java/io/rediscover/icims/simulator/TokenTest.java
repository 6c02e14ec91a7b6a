package io.rediscover.icims.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A1 token endpoint, A7 bearer auth, A6 customer health check, D5 token throttling. */
class TokenTest {
    static IcimsSimulator sim;
    static SimHttp http;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(20).tokenLifetime(Duration.ofHours(1))
                .tokenThrottle(5, Duration.ofMinutes(10)).build());
        http = new SimHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void issuesBearerTokenForGoodCredentialsAndItOpensTheApi() {
        HttpResponse<String> r = http.tokenRequest(SimHttp.form(sim.clientId(), sim.clientSecret(), sim.audience()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SimHttp.json(r).get("token_type").asText()).isEqualTo("Bearer");
        assertThat(SimHttp.json(r).get("expires_in").asLong()).isEqualTo(3600);
        assertThat(r.headers().firstValue("Content-Length")).isPresent();

        HttpResponse<String> customer = http.get("/customers/" + sim.customerId());
        assertThat(customer.statusCode()).isEqualTo(200);
        assertThat(SimHttp.json(customer).get("customerId").asText()).isEqualTo(sim.customerId());
    }

    @Test
    void rejectsBadCredentialsGrantAndAudience() {
        HttpResponse<String> badSecret = http.tokenRequest(SimHttp.form(sim.clientId(), "wrong", sim.audience()));
        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(SimHttp.json(badSecret).get("error").asText()).isEqualTo("access_denied");

        HttpResponse<String> badAudience = http.tokenRequest(SimHttp.form(sim.clientId(), sim.clientSecret(), "https://example.com/"));
        assertThat(badAudience.statusCode()).isEqualTo(401);

        HttpResponse<String> badGrant = http.tokenRequest("grant_type=password&client_id=x&client_secret=y&audience=z");
        assertThat(badGrant.statusCode()).isEqualTo(400);
        assertThat(SimHttp.json(badGrant).get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void apiWithoutOrWithUnknownTokenIs401InvalidToken() {
        HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim.baseUrl() + "/customers/" + sim.customerId())).GET().build());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(SimHttp.json(r).at("/errors/0/errorCode").asInt()).isEqualTo(6);

        HttpResponse<String> wrongCustomer = http.get("/customers/9999");
        assertThat(wrongCustomer.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenEndpointThrottlesBurstsAndCountsRequests() {
        TokenService tokens = sim.tokens();
        tokens.setThrottle(3, Duration.ofMinutes(10));
        sim.clock().advance(Duration.ofMinutes(11)); // empty the window
        long before = sim.counters().count(Endpoint.TOKEN);
        int throttled = 0;
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> r = http.tokenRequest(SimHttp.form(sim.clientId(), sim.clientSecret(), sim.audience()));
            if (r.statusCode() == 429) {
                throttled++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(throttled).isEqualTo(2);
        assertThat(sim.counters().count(Endpoint.TOKEN) - before).isEqualTo(5);
        tokens.setThrottle(500, Duration.ofMinutes(10));
        sim.clock().advance(Duration.ofMinutes(11));
    }

    @Test
    void basicAuthIsAcceptedOnlyWhenConfigured() {
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("apiuser:apipass".getBytes());
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim.baseUrl() + "/customers/" + sim.customerId())).header("Authorization", basic).GET().build();
        assertThat(http.send(request).statusCode()).isEqualTo(401);
        try (IcimsSimulator legacy = IcimsSimulator.start(SimulatorConfig.builder().people(5).basicAuth("apiuser", "apipass").build())) {
            SimHttp legacyHttp = new SimHttp(legacy);
            assertThat(legacyHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(legacy.baseUrl() + "/customers/"
                    + legacy.customerId())).header("Authorization", basic).GET().build()).statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = legacyHttp.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(legacy.baseUrl()
                    + "/customers/" + legacy.customerId())).header("Authorization", "Basic eDp5").GET().build());
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(SimHttp.json(wrong).at("/errors/0/errorMessage").asText()).isEqualTo("Invalid Username or Password credentials provided.");
        }
    }
}

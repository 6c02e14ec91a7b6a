package io.rediscover.testing;

import com.google.inject.Module;
import io.rediscover.Host;
import io.rediscover.icims.simulator.IcimsSimulator;
import io.rediscover.icims.simulator.SimulatorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running host with the iCIMS plugin, pointed at a running iCIMS simulator, and a signed-in platform admin: the
 * setting of the API tests. Orgs and users are made through the API itself.
 */
public final class ApiFixture implements AutoCloseable {

    /** Every fixture user's password. */
    public static final String PASSWORD = "fixture-password-1";

    private final IcimsSimulator sim;
    private final Map<String, String> simulatorSettings;
    private final Host host;
    private final Http anonymous;
    private final Http platform;

    /**
     * @param dir          a temporary directory
     * @param clientSecret the simulator's client secret
     * @param overrides    further host configuration
     * @throws Exception when the host does not start
     */
    public ApiFixture(Path dir, String clientSecret, Map<String, String> overrides) throws Exception {
        this(dir, clientSecret, 120, overrides);
    }

    /**
     * @param dir          a temporary directory
     * @param clientSecret the simulator's client secret
     * @param people       people in the simulated tenant
     * @param overrides    further host configuration
     * @param extra        further modules for the host (test pipeline stages)
     * @throws Exception when the host does not start
     */
    public ApiFixture(Path dir, String clientSecret, int people, Map<String, String> overrides, Module... extra)
            throws Exception {
        this(dir, clientSecret, b -> b.people(people), overrides, extra);
    }

    /**
     * @param dir          a temporary directory
     * @param clientSecret the simulator's client secret
     * @param simulator    further simulator settings (people, a profile corpus to derive them from)
     * @param overrides    further host configuration
     * @param extra        further modules for the host (test pipeline stages)
     * @throws Exception when the host does not start
     */
    public ApiFixture(Path dir, String clientSecret, UnaryOperator<SimulatorConfig.Builder> simulator,
                      Map<String, String> overrides, Module... extra) throws Exception {
        sim = IcimsSimulator.start(simulator.apply(SimulatorConfig.builder().people(120).seed(5)
                .credentials("fixture-client", clientSecret).dailyQuota(0).noise(false)).build());
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims-stream.zip"));
        Map<String, String> config = new LinkedHashMap<>(Map.of("connectors.icims-stream.apiBaseUrl", sim.baseUrl(),
                "connectors.icims-stream.tokenUrl", sim.tokenUrl(), "connectors.icims-stream.streamBaseUrl", sim.baseUrl(),
                "connectors.icims-stream.audience", sim.audience(), "connectors.icims-stream.retryBaseMillis", "5",
                "connectors.icims-stream.maxRetries", "1"));
        simulatorSettings = Map.copyOf(config);
        config.putAll(overrides);
        host = Host.start(TestHosts.config(dir.resolve("data"), plugins, config), extra);
        anonymous = new Http(host.port());
        platform = anonymous.signIn(TestTenants.ADMIN_EMAIL, TestTenants.ADMIN_PASSWORD);
    }

    /** @return the simulator */
    public IcimsSimulator sim() {
        return sim;
    }

    /** @return the configuration that points a host's iCIMS connector at the simulator */
    public Map<String, String> simulatorSettings() {
        return simulatorSettings;
    }

    /** @return the host */
    public Host host() {
        return host;
    }

    /** @return a client that is not signed in */
    public Http anonymous() {
        return anonymous;
    }

    /** @return the signed-in platform admin */
    public Http platform() {
        return platform;
    }

    /**
     * Creates an org through the API.
     *
     * @param id                  org id
     * @param tier                licence tier
     * @param integrationsEnabled the switch
     * @param icims               whether the iCIMS plugin is allowed
     */
    public void org(String id, String tier, boolean integrationsEnabled, boolean icims) {
        Http.Reply r = platform.post("/api/admin/orgs", "{\"id\":\"" + id + "\",\"name\":\"" + id + " Inc\",\"tier\":\"" + tier
                + "\",\"integrationsEnabled\":" + integrationsEnabled + ",\"plugins\":" + (icims ? "[\"icims-stream\"]" : "[]") + "}");
        assertThat(r.status()).as("create org %s: %s", id, r).isEqualTo(201);
    }

    /**
     * Adds a user through the API and signs them in.
     *
     * @param org   their org
     * @param email their address
     * @param role  ORG_ADMIN or RECRUITER
     * @return a client signed in as them
     */
    public Http user(String org, String email, String role) {
        Http.Reply r = platform.post("/api/admin/orgs/" + org + "/users", "{\"email\":\"" + email + "\",\"name\":\"" + email
                + "\",\"role\":\"" + role + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as("add user %s: %s", email, r).isEqualTo(201);
        return anonymous.signIn(email, PASSWORD);
    }

    /**
     * @param clientSecret the secret to send
     * @param streamId     the stream id to send
     * @return a connection request body for the simulator, with the largest budget the form allows: the simulator
     *         counts no quota here, so only the budget tests (which set their own) ever meet the end of a day
     */
    public String icimsBody(String clientSecret, String streamId) {
        return icimsBody(clientSecret, streamId, "{\"requestsPerDay\":1000000}");
    }

    /**
     * @param clientSecret the secret to send
     * @param streamId     the stream id to send
     * @param budget       the budget's JSON, or null for none (the connector's default)
     * @return a connection request body for the simulator
     */
    public String icimsBody(String clientSecret, String streamId, String budget) {
        return "{\"connectorId\":\"icims-stream\",\"capabilities\":[\"REDISCOVERY\"],\"credentials\":{\"clientId\":\""
                + sim.clientId() + "\",\"clientSecret\":\"" + clientSecret + "\",\"streamId\":\"" + streamId + "\"}"
                + (budget == null ? "" : ",\"budget\":" + budget) + "}";
    }

    /**
     * Connects the simulated iCIMS as an org admin and waits for the first full sync to succeed.
     *
     * @param admin        an org admin of the org to connect
     * @param clientSecret the simulator's client secret
     * @return the connection's id
     * @throws InterruptedException when interrupted
     */
    public String connectAndSync(Http admin, String clientSecret) throws InterruptedException {
        String id = admin.post("/api/connections", icimsBody(clientSecret, sim.streamId())).json().path("id").asText();
        await("the first full sync", () -> "SUCCEEDED".equals(admin.get("/api/connections/" + id + "/runs")
                .json().at("/runs/0/result").asText()));
        return id;
    }

    /**
     * Polls a condition for up to a minute.
     *
     * @param what      for the failure message
     * @param condition the condition
     * @throws InterruptedException when interrupted
     */
    public static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L; // generous: a loaded CI machine is slow, a hang is still caught
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws IOException {
        host.close();
        sim.close();
    }
}

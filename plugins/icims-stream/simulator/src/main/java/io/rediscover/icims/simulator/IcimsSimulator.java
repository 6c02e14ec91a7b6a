package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A running iCIMS stand-in: an HTTP/1.1 server on 127.0.0.1 holding one seeded customer tenant.
 *
 * <pre>{@code
 * try (IcimsSimulator sim = IcimsSimulator.start(SimulatorConfig.builder().people(2500).seed(7).build())) {
 *     String api = sim.baseUrl();              // http://127.0.0.1:PORT  (API, token and stream host)
 *     String token = sim.tokenUrl();           // http://127.0.0.1:PORT/oauth/token
 *     sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 3, Fault.serverError(503)));
 *     sim.tenant().updatePerson(id, Map.of("lastname", "Smith"));
 *     sim.clock().advance(Duration.ofMinutes(20));
 *     long gets = sim.counters().count(Endpoint.GET);
 * }
 * }</pre>
 *
 * Everything the Java API does is also reachable over HTTP under {@code /_sim/} (see {@link ControlEndpoint}).
 */
public final class IcimsSimulator implements AutoCloseable {
    private final SimulatorConfig config;
    private final SimClock clock;
    private final EventLog events = new EventLog();
    private final Tenant tenant;
    private final TokenService tokens;
    private final Quota quota;
    private final RequestCounters counters = new RequestCounters();
    private final FaultPlan faults;
    private final ConcurrencyGate concurrency;
    private final ForwardCompatNoise noise;
    private final String streamId;
    private final String subscriptionId;
    private final Server server;
    private SearchEngine searchEngine;
    private DataStreamEndpoint dataStream;
    private String baseUrl;

    private IcimsSimulator(SimulatorConfig config, TenantData data) {
        this.config = config;
        this.clock = new SimClock(config.clockStart, config.tickingClock);
        this.tenant = new Tenant(data, clock, events,
                new PersonDetailsGenerator(config.clockStart.atZone(ZoneOffset.UTC).toLocalDate()),
                new RecordPatches(config.linkedinFieldId), config.seed, config.workflowChangesBumpPerson,
                config.resumeChangesBumpPerson);
        this.tokens = new TokenService(clock, config.tokenLifetime, config.tokenThrottleMax, config.tokenThrottleWindow,
                config.seed, config.tokenRevocationRate);
        this.quota = new Quota(clock, config.dailyQuota, config.quotaResetAt, config.otherIntegrationsPerDay);
        this.faults = new FaultPlan(config.seed);
        this.concurrency = new ConcurrencyGate(config.maxInFlight);
        this.noise = new ForwardCompatNoise(config.seed, config.noise, config.noiseUnknownKeyRate, config.noiseOmitRate);
        Dice ids = Dice.forItem(config.seed, 77, 0);
        this.streamId = config.streamId != null ? config.streamId : new UUID(ids.nextLong(), ids.nextLong()).toString();
        this.subscriptionId = config.subscriptionId != null ? config.subscriptionId : new UUID(ids.nextLong(), ids.nextLong()).toString();
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("icims-sim");
        threads.setDaemon(true);
        this.server = new Server(threads);
    }

    /** Generates the tenant and starts serving; returns once the port is bound. */
    public static IcimsSimulator start(SimulatorConfig config) {
        ObjectMapper json = objectMapper();
        List<ProfileCorpusReader.Derived> imported = List.of();
        if (config.profiles != null) {
            try {
                imported = new ProfileCorpusReader(json, config.seed, config.linkedinFieldRate).read(config.profiles,
                        Math.min(config.people, config.profilePeople));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read profiles " + config.profiles, e);
            }
        }
        TenantData data = new TenantGenerator(config.seed, config.clockStart, config.linkedinFieldRate)
                .generate(config.people, config.jobs, imported);
        IcimsSimulator sim = new IcimsSimulator(config, data);
        sim.serve(json);
        return sim;
    }

    /** Starts with all defaults: 1,000 people, seed 42, random port. */
    public static IcimsSimulator start() {
        return start(SimulatorConfig.builder().build());
    }

    private void serve(ObjectMapper json) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server,
                new DetectorConnectionFactory(new Http2PrefaceRejector()), new HttpConnectionFactory(http));
        connector.setHost(config.host);
        connector.setPort(config.port);
        server.addConnector(connector);
        IcimsErrors errors = new IcimsErrors(json);
        // The handler needs the base URL for self links, which needs the bound port: bind first.
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + config.host + ":" + config.port, e);
        }
        baseUrl = "http://" + config.host + ":" + connector.getLocalPort();
        String apiBase = baseUrl + "/customers/" + config.customerId;
        FieldRenderer renderer = new FieldRenderer(apiBase, config.linkedinFieldId, tenant);
        searchEngine = new SearchEngine(tenant, clock);
        dataStream = new DataStreamEndpoint(new DataStreamFormat(json), events, config.customerId, streamId, subscriptionId,
                config);
        server.setHandler(new SimulatorHandler(this, errors,
                new TokenEndpoint(json, tokens, config.clientId, config.clientSecret, config.audience),
                new SearchEndpoint(json, searchEngine, renderer, errors, noise, config.referenceRangeFilters,
                        config.referenceFilters),
                new ProfileEndpoint(tenant, renderer, errors, noise),
                new ResumeEndpoint(tenant, new ResumeService(tenant), errors),
                new CustomerEndpoint(json, errors, config.customerId, apiBase),
                dataStream,
                new ControlEndpoint(this, json)));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the iCIMS simulator", e);
        }
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** {@code http://127.0.0.1:PORT}: the API host; also the token and data-stream host. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Full URL of the token endpoint. */
    public String tokenUrl() {
        return baseUrl + config.tokenPath;
    }

    /** Base of the data-stream API: {@code …/datastream/v2/streams/}. */
    public String dataStreamUrl() {
        return baseUrl + "/datastream/v2/streams/";
    }

    public int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    public String customerId() {
        return config.customerId;
    }

    public String clientId() {
        return config.clientId;
    }

    public String clientSecret() {
        return config.clientSecret;
    }

    public String audience() {
        return config.audience;
    }

    /** The customer's data stream id (E1). */
    public String streamId() {
        return streamId;
    }

    /** The stream's one subscription (E1). */
    public String subscriptionId() {
        return subscriptionId;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The records and every change the control API can make to them. */
    public Tenant tenant() {
        return tenant;
    }

    public SimClock clock() {
        return clock;
    }

    public FaultPlan faults() {
        return faults;
    }

    public Quota quota() {
        return quota;
    }

    public RequestCounters counters() {
        return counters;
    }

    public TokenService tokens() {
        return tokens;
    }

    /** Every change since start: the data stream's content. */
    public EventLog events() {
        return events;
    }

    public ConcurrencyGate concurrency() {
        return concurrency;
    }

    /** B4 forward-compatibility noise. */
    public ForwardCompatNoise noise() {
        return noise;
    }

    /** Grants or withdraws the Data Stream licence (see {@link SimulatorConfig.Builder#dataStreamLicensed}). */
    public void setDataStreamLicensed(boolean licensed) {
        dataStream.setLicensed(licensed);
    }

    /** @return whether the integration user holds a Data Stream licence now */
    public boolean dataStreamLicensed() {
        return dataStream.licensed();
    }

    /** Drops cached search results, so the next search is live whatever its staleness. */
    public void clearSearchCache() {
        searchEngine.clearCache();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the iCIMS simulator", e);
        }
    }
}

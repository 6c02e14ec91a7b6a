package io.rediscover.integrations;

import io.rediscover.budget.BudgetLedger;
import io.rediscover.lifecycle.DaemonThreads;
import io.rediscover.lifecycle.Managed;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.plugins.ConnectorContexts;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.plugins.Redactor;
import io.rediscover.sync.SyncScheduler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Verifies connections in the background: the connector's own {@code check} with the stored credentials, then
 * CONNECTED (the scheduler starts the first full sync by itself; a warning the check raised becomes the status
 * message, so the org admin sees it) or FAILED with the field and message. Passing ATS
 * faults (timeouts, 5xx, rate limits) are retried twice before the connection is marked failed. At start-up,
 * connections left VERIFYING by a restart are verified again, and secrets sealed with a previous master key are sealed
 * again with the current one (key rotation).
 */
@Singleton
public final class Verifier implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(Verifier.class);
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(3), Duration.ofSeconds(15));

    private final ConnectionStore connections;
    private final ConnectorRegistry registry;
    private final ConnectorContexts contexts;
    private final SyncScheduler scheduler;
    private final BudgetLedger budgets;
    private ExecutorService workers;

    /**
     * @param connections stored connections
     * @param registry    loaded connectors
     * @param contexts    host services for calls
     * @param scheduler   starts a sync once a connection is verified
     * @param budgets     counts a check's requests against the connection's budget
     */
    @Inject
    public Verifier(ConnectionStore connections, ConnectorRegistry registry, ConnectorContexts contexts,
                    SyncScheduler scheduler, BudgetLedger budgets) {
        this.connections = connections;
        this.registry = registry;
        this.contexts = contexts;
        this.scheduler = scheduler;
        this.budgets = budgets;
    }

    @Override
    public void start() {
        int resealed = connections.resealWithCurrentKey();
        if (resealed > 0) {
            LOG.info("sealed {} secret(s) again with the current master key; previous keys can be retired", resealed);
        }
        workers = Executors.newFixedThreadPool(2, DaemonThreads.named("verify"));
        try (Stream<Connection> all = connections.all()) {
            all.filter(c -> c.status() == Connection.Status.VERIFYING).toList().forEach(this::verify);
        }
    }

    @Override
    public void stop() throws InterruptedException {
        DaemonThreads.stopNow(workers, 10);
    }

    @Override
    public String name() {
        return "connection verifier";
    }

    /** @param c a connection just created or edited (VERIFYING); its check runs in the background */
    public void verify(Connection c) {
        workers.execute(() -> {
            try {
                check(c);
            } catch (RuntimeException e) {
                LOG.error("verification of {} failed unexpectedly", c, e);
                connections.verified(ref(c), c.revision(), Connection.Status.FAILED, null,
                        "the check failed unexpectedly on our side; edit the connection to try again");
            }
        });
    }

    private static ConnectionRef ref(Connection c) {
        return new ConnectionRef(c.org(), c.id());
    }

    private void check(Connection c) {
        Optional<LoadedConnector> connector = registry.find(c.connectorId());
        if (connector.isEmpty()) {
            connections.verified(ref(c), c.revision(), Connection.Status.FAILED, null,
                    "the connector '" + c.connectorId() + "' is not installed on this server");
            return;
        }
        Credentials credentials = connections.credentials(c, connector.get().descriptor());
        Redactor redactor = Redactor.of(connector.get().descriptor(), credentials);
        CheckResult result = null;
        for (int attempt = 0; result == null; attempt++) {
            if (!stillVerifying(c)) {
                return; // edited or removed meanwhile: that revision's own check decides
            }
            // A check's requests count against the connection's budget, but a spent budget does not refuse them: an
            // admin waits at the form, and a check costs a handful.
            try (BudgetLedger.CallMeter meter = budgets.meter(ref(c), c.budget(connector.get().descriptor()),
                    connector.get().descriptor().requestQuota(), false)) {
                result = connector.get().call(() -> connector.get().connector().check(credentials,
                        contexts.forCall(connector.get(), "verify " + c.id(), credentials, Cancellation.never(), meter)));
            } catch (ConnectorException e) {
                boolean passing = e.kind() == ErrorKind.TRANSIENT || e.kind() == ErrorKind.RATE_LIMITED;
                if (!passing || attempt >= RETRY_DELAYS.size()) {
                    result = CheckResult.failed(e.field().orElse(null), redactor.redact(e.getMessage()));
                } else if (!sleep(RETRY_DELAYS.get(attempt))) {
                    return;
                }
            } catch (Exception e) {
                LOG.warn("the check of {} threw: {}", c, redactor.redact(String.valueOf(e.getMessage())));
                result = CheckResult.failed(null, "the connector failed while checking: " + redactor.redact(String.valueOf(e.getMessage())));
            }
        }
        Connection.Status status = result.passed() ? Connection.Status.CONNECTED : Connection.Status.FAILED;
        String message = redactor.redact(result.passed() ? result.warning() : result.message());
        if (connections.verified(ref(c), c.revision(), status, result.field(), message)) {
            if (result.passed()) {
                // New: its first full sync; edited: a sync with the new credentials (resuming a run the edit stopped).
                scheduler.syncNow(ref(c));
            }
            LOG.info("{}: {}{}", ref(c), status, message == null ? "" : " (" + (result.field() == null ? "" : result.field() + ": ") + message + ")");
        }
    }

    private boolean stillVerifying(Connection c) {
        return connections.get(c.org(), c.id())
                .filter(now -> now.revision() == c.revision() && now.status() == Connection.Status.VERIFYING).isPresent();
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package io.rediscover;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import io.rediscover.audit.AuditModule;
import io.rediscover.auth.AuthModule;
import io.rediscover.backup.BackupModule;
import io.rediscover.budget.BudgetModule;
import io.rediscover.candidates.CandidatesModule;
import io.rediscover.config.ConfigModule;
import io.rediscover.config.HostConfig;
import io.rediscover.documents.DocumentsModule;
import io.rediscover.health.HealthModule;
import io.rediscover.index.IndexModule;
import io.rediscover.insights.InsightsModule;
import io.rediscover.integrations.IntegrationsModule;
import io.rediscover.lifecycle.Lifecycle;
import io.rediscover.logging.Logging;
import io.rediscover.matching.MatchingModule;
import io.rediscover.metrics.MetricsModule;
import io.rediscover.mirror.MirrorModule;
import io.rediscover.pipeline.PipelineModule;
import io.rediscover.plugins.PluginsModule;
import io.rediscover.profiles.ProfilesModule;
import io.rediscover.search.SearchModule;
import io.rediscover.security.SecurityModule;
import io.rediscover.store.StoreModule;
import io.rediscover.sync.SyncModule;
import io.rediscover.tenancy.TenancyModule;
import io.rediscover.web.WebModule;
import io.rediscover.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One running Rediscover host: composes one Guice injector from one module per capability, in the order data flows
 * (config, store, security, plugins, tenancy, audit, auth, sync, integrations, ..., web last), and starts the managed services in that order. Closing it
 * stops them in reverse.
 */
public final class Host implements AutoCloseable {

    private final Injector injector;
    private final Lifecycle lifecycle;

    private Host(Injector injector) {
        this.injector = injector;
        this.lifecycle = injector.getInstance(Lifecycle.class);
    }

    /**
     * Builds and starts a host.
     *
     * @param config the validated configuration
     * @param extra  additional modules (tests add resources); installed before the web module
     * @return the started host
     * @throws Exception when a service cannot start; everything started is stopped again
     */
    public static Host start(HostConfig config, Module... extra) throws Exception {
        return start(config, Clock.systemUTC(), extra);
    }

    /**
     * Builds and starts a host that reads time from {@code clock} (tests move a clock by hand).
     *
     * @param config the validated configuration
     * @param clock  the host's one clock
     * @param extra  additional modules (tests add resources); installed before the web module
     * @return the started host
     * @throws Exception when a service cannot start; everything started is stopped again
     */
    public static Host start(HostConfig config, Clock clock, Module... extra) throws Exception {
        Logging.configure(config.logLevel(), config.logFormat());
        Logger log = LoggerFactory.getLogger(Host.class);
        config.warnings().forEach(warning -> log.warn("{}", warning));
        List<Module> modules = new ArrayList<>(List.of(
                new ConfigModule(config, clock),
                new StoreModule(),
                new SecurityModule(),
                new PluginsModule(),
                new TenancyModule(),
                new AuditModule(),
                new AuthModule(),
                new MirrorModule(),
                new ProfilesModule(),
                new BudgetModule(),
                new SyncModule(),
                new IndexModule(),
                new CandidatesModule(),
                new SearchModule(),
                new InsightsModule(),
                new DocumentsModule(),
                new MatchingModule(),
                new PipelineModule(),
                new IntegrationsModule(),
                new HealthModule(),
                new MetricsModule(),
                new BackupModule()));
        modules.addAll(List.of(extra));
        modules.add(new WebModule());
        Host host = new Host(Guice.createInjector(Stage.PRODUCTION, modules));
        host.lifecycle.start();
        return host;
    }

    /** @return the port the web server listens on */
    public int port() {
        return injector.getInstance(WebServer.class).port();
    }

    /** @return the injector, for tests and commands that need a service */
    public Injector injector() {
        return injector;
    }

    /** Stops every service in reverse start order. Idempotent. */
    @Override
    public void close() {
        lifecycle.stop();
    }
}

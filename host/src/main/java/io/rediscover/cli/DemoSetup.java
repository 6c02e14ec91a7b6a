package io.rediscover.cli;

import io.rediscover.Host;
import io.rediscover.budget.DailyBudget;
import io.rediscover.integrations.Connection;
import io.rediscover.integrations.ConnectionStore;
import io.rediscover.integrations.Verifier;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.MirrorStore;
import io.rediscover.pipeline.Pipeline;
import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.sync.RecordKind;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.profiles.ProfileImport;
import io.rediscover.profiles.ProfileImports;
import io.rediscover.profiles.ProfileStore;
import io.rediscover.sync.RunHistory;
import io.rediscover.sync.SyncRun;
import io.rediscover.tenancy.LicenceTier;
import io.rediscover.tenancy.OrgStore;
import io.rediscover.tenancy.Role;
import io.rediscover.tenancy.UserStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's tenant: an Enterprise org {@value #ORG} with ATS integrations on, an org admin and a recruiter with
 * fixed demo passwords, and a connection to the demo's simulated ATS — whichever connector and credentials it names —
 * verified by the same background check as one made through the API, so the first full sync starts by itself. Existing
 * parts are kept (a restarted demo resumes).
 */
final class DemoSetup {

    static final String ORG = "demo";
    static final String ADMIN_EMAIL = "admin@demo.rediscover";
    static final String ADMIN_PASSWORD = "demo-admin-password";
    static final String RECRUITER_EMAIL = "recruiter@demo.rediscover";
    static final String RECRUITER_PASSWORD = "demo-recruiter-password";

    private DemoSetup() {
    }

    /**
     * Imports the demo's public profiles through the same import service as the API, once: when the corpus is empty.
     *
     * @param host the demo's host
     * @param file the generated corpus
     */
    static void importProfiles(Host host, Path file) {
        if (host.injector().getInstance(ProfileStore.class).count() > 0) {
            return;
        }
        try {
            ProfileImport end = host.injector().getInstance(ProfileImports.class).importFile(file, "demo", p -> { });
            ProfilesCommand.summary(end).forEach(line -> System.out.println("  " + line));
        } catch (IOException e) {
            System.err.println("The demo's public profiles could not be imported: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return lines saying who can sign in and what the demo syncs */
    static List<String> ensure(Host host, DemoClassPath.Ats ats) {
        List<String> lines = new ArrayList<>();
        Optional<LoadedConnector> connector = host.injector().getInstance(ConnectorRegistry.class).find(ats.connectorId());
        host.injector().getInstance(OrgStore.class).create(ORG, "Demo Company", LicenceTier.ENTERPRISE, true,
                connector.map(c -> Set.of(c.pluginId())).orElse(Set.of()));
        UserStore users = host.injector().getInstance(UserStore.class);
        users.create(ADMIN_EMAIL, "Demo Admin", Role.ORG_ADMIN, ORG, ADMIN_PASSWORD, false);
        users.create(RECRUITER_EMAIL, "Demo Recruiter", Role.RECRUITER, ORG, RECRUITER_PASSWORD, false);
        lines.add("Org admin: " + ADMIN_EMAIL + " / " + ADMIN_PASSWORD);
        lines.add("Recruiter: " + RECRUITER_EMAIL + " / " + RECRUITER_PASSWORD);
        if (connector.isEmpty()) {
            lines.add("No plugin with the " + ats.connectorId() + " connector in the plugins directory: the demo syncs nothing.");
            return lines;
        }
        ConnectionStore connections = host.injector().getInstance(ConnectionStore.class);
        Optional<Connection> existing = connections.list(ORG).stream()
                .filter(c -> c.connectorId().equals(ats.connectorId())).findFirst();
        if (existing.isPresent()) {
            lines.add("Demo connection " + existing.get().id() + " (" + existing.get().status() + ") resumes from its last sync.");
            return lines;
        }
        // The demo's simulated ATS counts no quota: its connection may use the largest budget the form allows.
        Connection created = connections.create(ORG, connector.get().descriptor(), Set.of(Capability.REDISCOVERY),
                ats.credentials(), Optional.of(new DailyBudget(DailyBudget.MAX_REQUESTS_PER_DAY, 0, DailyBudget.DEFAULT_TIME_ZONE)));
        host.injector().getInstance(Verifier.class).verify(created);
        lines.add("Demo connection " + created.id() + " is being verified; its first full sync starts once it is connected.");
        return lines;
    }

    /**
     * Waits, at most {@code limit}, until the demo connection's first sync has succeeded and the pipeline has caught up
     * with it, so that a newcomer who opens the web UI finds the candidates already there.
     *
     * @return a line saying what Your ATS holds, or that the sync is still going
     */
    static String awaitData(Host host, Duration limit) {
        ConnectionStore connections = host.injector().getInstance(ConnectionStore.class);
        RunHistory history = host.injector().getInstance(RunHistory.class);
        Pipeline pipeline = host.injector().getInstance(Pipeline.class);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ConnectionRef> ref = connections.list(ORG).stream().findFirst().map(c -> new ConnectionRef(ORG, c.id()));
            boolean synced = ref.isPresent() && history.latest(ref.get(), 5).stream()
                    .anyMatch(r -> r.result() == SyncRun.Result.SUCCEEDED);
            if (synced && pipeline.lag(ref.get()).backlog() == 0) {
                long people = host.injector().getInstance(MirrorStore.class).counts(ref.get()).live().get(RecordKind.CANDIDATE);
                return "Your ATS holds " + people + " candidates, synced and searchable.";
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping: print what there is
                break;
            }
        }
        return "The first sync is still running: the org admin sees its progress under Integrations.";
    }
}

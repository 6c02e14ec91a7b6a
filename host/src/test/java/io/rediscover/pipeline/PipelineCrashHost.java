package io.rediscover.pipeline;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.rediscover.Host;
import io.rediscover.config.ConfigLoader;
import io.rediscover.config.HostConfig;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.mirror.Outbox;
import io.rediscover.stage.PipelineStage;
import io.rediscover.store.Store;
import io.rediscover.sync.SyncConnections;
import io.rediscover.sync.SyncRunner;
import io.rediscover.sync.SyncScheduler;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host process {@link PipelineCrashTest} kills: a normal server with three counting stages (the middle one slow).
 * Prints the outbox's size, and whether a sync is running, ten times a second. Runs until killed.
 */
public final class PipelineCrashHost {

    private PipelineCrashHost() {
    }

    /**
     * @param args the configuration file
     * @throws Exception when the host cannot start
     */
    public static void main(String[] args) throws Exception {
        HostConfig config = new ConfigLoader(Path.of(args[0]).getParent()).load(Optional.of(Path.of(args[0])), Map.of(), Map.of());
        Host host = Host.start(config, new AbstractModule() {
            @ProvidesIntoSet
            PipelineStage a(Store store) {
                return new CountingStage(store, "a", 1, 0);
            }

            @ProvidesIntoSet
            PipelineStage b(Store store) {
                return new CountingStage(store, "b", 2, 5);
            }

            @ProvidesIntoSet
            PipelineStage c(Store store) {
                return new CountingStage(store, "c", 3, 0);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "shutdown")); // SIGTERM stops it as serve does
        // As if someone pressed "sync now" at every start: the changes made between kills come in as new versions.
        host.injector().getInstance(SyncConnections.class).active()
                .forEach(ref -> host.injector().getInstance(SyncScheduler.class).syncNow(ref));
        System.out.println("PIPELINE-CRASH-HOST STARTED");
        Outbox outbox = host.injector().getInstance(Outbox.class);
        SyncRunner runner = host.injector().getInstance(SyncRunner.class);
        List<ConnectionRef> refs = host.injector().getInstance(SyncConnections.class).active();
        while (true) {
            boolean syncing = refs.stream().anyMatch(r -> runner.current(r).isPresent());
            System.out.println("OUTBOX " + outbox.size() + (syncing ? " syncing" : " idle"));
            Thread.sleep(100);
        }
    }
}

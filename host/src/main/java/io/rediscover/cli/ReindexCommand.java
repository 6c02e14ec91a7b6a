package io.rediscover.cli;

import io.rediscover.index.ProfileIndexer;
import io.rediscover.mirror.Outbox;
import io.rediscover.pipeline.Pipeline;
import io.rediscover.pipeline.Reindexer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code rediscover reindex}: rebuilds everything derived from the mirror and the corpus — every candidate goes through
 * the pipeline again, the public-profile index is rebuilt — with progress bars (done / total, rate, ETA), and returns
 * when both have caught up. Runs with the
 * server stopped (the data directory allows one process at a time); a running server offers
 * {@code POST /api/admin/reindex}.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild everything derived from the mirror (run with the server stopped).")
final class ReindexCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file")
    Path config;

    @Override
    public Integer call() {
        return Launch.runOffline(config, "reindex", host -> {
            Reindexer.Progress enqueued = host.injector().getInstance(Reindexer.class).reindex(p -> { });
            Outbox outbox = host.injector().getInstance(Outbox.class);
            Pipeline pipeline = host.injector().getInstance(Pipeline.class);
            long total = outbox.size();
            System.out.printf("reindex: %d candidate(s) of the mirror handed to the pipeline %s%n", enqueued.done(),
                    pipeline.status().stages().stream().map(Pipeline.StageStatus::name).toList());
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("reindex").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1_000).showSpeed().build()) {
                long left;
                while ((left = outbox.size()) > 0) {
                    bar.stepTo(total - left);
                    Thread.sleep(Duration.ofMillis(500).toMillis());
                }
                bar.stepTo(total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            ProfileIndexer profiles = host.injector().getInstance(ProfileIndexer.class);
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("public profiles").setInitialMax(
                            Math.max(1, profiles.status().rebuild().total()))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1_000).showSpeed().build()) {
                while (!profiles.idle()) {
                    ProfileIndexer.RebuildStatus r = profiles.status().rebuild();
                    bar.maxHint(Math.max(1, r.total()));
                    bar.stepTo(r.done());
                    Thread.sleep(Duration.ofMillis(500).toMillis());
                }
                bar.stepTo(profiles.status().rebuild().done());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            Pipeline.Status status = pipeline.status();
            System.out.printf("reindex done: %d candidate(s); %s; %d public profile(s) indexed%n", enqueued.done(),
                    status.stages().stream().map(s -> s.name() + " " + s.processed() + " processed, " + s.failed() + " failed")
                            .toList(), status.profiles().rebuild().done());
            return 0;
        });
    }
}

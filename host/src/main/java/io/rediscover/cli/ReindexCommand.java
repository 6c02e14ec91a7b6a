package io.rediscover.cli;

import io.rediscover.sync.Reindexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code rediscover reindex}: rebuilds everything derived from the mirror, printing progress. Runs with the server
 * stopped (the data directory allows one process at a time); a running server offers {@code POST /api/admin/reindex}.
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild everything derived from the mirror (run with the server stopped).")
final class ReindexCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file")
    Path config;

    @Override
    public Integer call() {
        return Launch.runOffline(config, "reindex", host -> {
            Reindexer.Progress done = host.injector().getInstance(Reindexer.class).reindex(p ->
                    System.out.printf("reindex: %d / %d candidates%n", p.done(), p.total()));
            System.out.printf("reindex done: %d candidates%n", done.done());
            return 0;
        });
    }
}

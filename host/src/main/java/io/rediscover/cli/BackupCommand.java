package io.rediscover.cli;

import io.rediscover.backup.BackupDirectory;
import io.rediscover.backup.BackupManifest;
import io.rediscover.config.ConfigException;
import io.rediscover.config.HostConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code rediscover backup DIR}: a consistent copy of the running server's store, taken online (syncs and users carry
 * on), written into DIR with its manifest. It asks the server ({@code POST /api/admin/backup}) with a platform admin's
 * API token, from {@code REDISCOVER_TOKEN} or {@code --token-file}, never the command line (shell history). The master
 * key is not in the backup: keep it apart.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Back up the running server's store into DIR (an empty or new directory).")
final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "Where the backup goes; must be empty or not exist yet")
    Path dir;

    @Option(names = "--url", paramLabel = "URL",
            description = "The server (default: http://127.0.0.1:<server.port of the configuration>)")
    URI url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding a platform admin's API token (default: the REDISCOVER_TOKEN variable)")
    Path tokenFile;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file, for the port")
    Path config;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String token = tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip() : System.getenv("REDISCOVER_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("backup needs a platform admin's API token: set REDISCOVER_TOKEN or give --token-file FILE "
                    + "(make one with POST /api/tokens while signed in as a platform admin)");
            return Launch.CONFIG_ERROR;
        }
        URI server = url;
        if (server == null) {
            try {
                HostConfig loaded = Launch.loadConfig(Optional.ofNullable(config).or(Launch::installedConfig), Map.of());
                server = URI.create("http://127.0.0.1:" + loaded.server().port());
            } catch (ConfigException e) {
                return Launch.configError(e);
            }
        }
        try {
            BackupManifest m = BackupDirectory.fetch(server, token, dir.toAbsolutePath().normalize());
            System.out.printf("backup of %s written to %s: store %d bytes, SHA-256 %s, taken %s by release %s%n", server,
                    dir.toAbsolutePath().normalize(), m.storeBytes(), m.sha256(), m.createdAt(), m.release());
            System.out.println("The master key is not in the backup: keep a copy of it apart from the backup.");
            return 0;
        } catch (IOException e) {
            System.err.println("backup failed: " + e.getMessage());
            return Launch.START_ERROR;
        }
    }
}

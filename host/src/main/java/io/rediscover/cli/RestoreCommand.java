package io.rediscover.cli;

import io.rediscover.backup.BackupDirectory;
import io.rediscover.backup.BackupManifest;
import io.rediscover.config.ConfigException;
import io.rediscover.config.HostConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code rediscover restore DIR}: puts a backup's store into the configured data directory, which must be empty (it
 * refuses anything else, so a restore never overwrites data). The search indexes are not in a backup: the first start
 * rebuilds them from the mirror, in the background. The server needs the master key the backup was made under.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a backup (from `rediscover backup`) into an empty data directory (server stopped).")
final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The backup directory")
    Path dir;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "YAML configuration file (for data.dir)")
    Path config;

    @Override
    public Integer call() {
        HostConfig loaded;
        try {
            loaded = Launch.loadConfig(Optional.ofNullable(config).or(Launch::installedConfig), Map.of());
        } catch (ConfigException e) {
            return Launch.configError(e);
        }
        Path data = loaded.data().dir();
        try {
            BackupManifest m = BackupDirectory.restore(dir.toAbsolutePath().normalize(), data);
            System.out.printf("restored the store of %s (release %s, %d bytes) into %s%n", m.createdAt(), m.release(),
                    m.storeBytes(), data);
            System.out.println("At the first start the search indexes are rebuilt from the mirror, in the background.");
            HostConfig.Security key = loaded.security();
            if (key.masterKey() == null && !Files.isRegularFile(key.masterKeyFile())) {
                System.out.println("No master key at " + key.masterKeyFile() + ": put the key the backed-up server used there"
                        + " (or in REDISCOVER_SECURITY_MASTER_KEY) before starting, or the connections' secrets cannot be"
                        + " opened and must be typed in again.");
            }
            return 0;
        } catch (IOException e) {
            System.err.println("restore failed: " + e.getMessage());
            return Launch.START_ERROR;
        }
    }
}

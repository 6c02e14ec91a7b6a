package io.rediscover.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The host's whole configuration, immutable and validated. Built by {@link ConfigLoader}; bound in Guice so that every
 * capability takes the part it needs through its constructor.
 *
 * @param server       HTTP server settings
 * @param data         data directory settings
 * @param pluginsDir   directory of plugin zips
 * @param security     secrets-at-rest settings
 * @param auth         sign-in settings
 * @param sync         sync scheduling
 * @param pipeline     draining the mirror's outbox
 * @param index        the search indexes
 * @param documents    resume text extraction limits
 * @param profiles     the public-profile corpus
 * @param egressIps    this installation's egress IP addresses, shown in connector setup notes
 * @param logLevel     root log level
 * @param healthDetails who sees the checks behind {@code GET /api/health}
 * @param connectors   per connector id, its non-credential settings
 * @param warnings     what the sources held that configures nothing (a misspelt {@code REDISCOVER_*} variable),
 *                     logged at start
 * @param logFormat    how log lines are written: for people, or as JSON lines for a log collector
 * @param metrics      the Prometheus endpoint
 */
public record HostConfig(Server server, Data data, Path pluginsDir, Security security, Auth auth, Sync sync,
                         Pipeline pipeline, Index index, Documents documents, Profiles profiles, List<String> egressIps,
                         LogLevel logLevel, HealthDetails healthDetails,
                         Map<String, Map<String, String>> connectors, List<String> warnings, LogFormat logFormat,
                         Metrics metrics) {

    /** Canonical constructor: copies collections. */
    public HostConfig {
        egressIps = List.copyOf(egressIps);
        connectors = Map.copyOf(connectors);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param connectorId a connector id, e.g. {@code icims-stream}
     * @return its settings, empty when none are configured
     */
    public Map<String, String> connectorSettings(String connectorId) {
        return connectors.getOrDefault(connectorId, Map.of());
    }

    /**
     * @param host                 listen address
     * @param port                 listen port, 0 for any free port
     * @param maxRequestBytes      largest accepted request body
     * @param shutdownGraceSeconds how long shutdown waits for in-flight requests
     */
    public record Server(String host, int port, long maxRequestBytes, int shutdownGraceSeconds) {
    }

    /**
     * @param dir              the data directory
     * @param syncOnCommit     fsync after each commit
     * @param minFreeMegabytes below this much free space syncs and the pipeline pause (0: never)
     */
    public record Data(Path dir, boolean syncOnCommit, long minFreeMegabytes) {
    }

    /**
     * @param masterKey        the key that encrypts secrets at rest, Base64, when given directly (environment); null to
     *                         use the file
     * @param masterKeyFile    the file holding the key, used when no key is given directly
     * @param previousKeyFiles older key files, still accepted for opening secrets during a rotation
     */
    public record Security(String masterKey, Path masterKeyFile, List<Path> previousKeyFiles) {
        /** Canonical constructor: copies the list. */
        public Security {
            previousKeyFiles = List.copyOf(previousKeyFiles);
        }

        @Override
        public String toString() {
            return "Security[masterKey=" + (masterKey == null ? "from " + masterKeyFile : "****") + ", previousKeyFiles="
                    + previousKeyFiles + "]";
        }
    }

    /**
     * @param sessionIdle   a session unused this long ends
     * @param sessionMax    a session ends this long after sign-in, used or not
     * @param secureCookie  mark the session cookie Secure (sent over HTTPS only); on whenever users reach the server
     *                      through HTTPS
     * @param adminEmail    the first platform admin's address, or null
     * @param adminPassword the first platform admin's password, or null (then a one-time password is printed)
     */
    public record Auth(java.time.Duration sessionIdle, java.time.Duration sessionMax, boolean secureCookie,
                       String adminEmail, String adminPassword) {
        @Override
        public String toString() {
            return "Auth[sessionIdle=" + sessionIdle + ", sessionMax=" + sessionMax + ", secureCookie=" + secureCookie
                    + ", adminEmail=" + adminEmail + ", adminPassword=" + (adminPassword == null ? "unset" : "****") + "]";
        }
    }

    /**
     * @param enabled                whether scheduled syncs run on this server
     * @param maxConcurrentRuns      sync runs at once on this server
     * @param interval               time between incremental runs
     * @param retryMin               first retry delay after a passing failure
     * @param retryMax               longest retry delay
     * @param tombstoneRetention     how long deleted records are remembered
     */
    public record Sync(boolean enabled, int maxConcurrentRuns, java.time.Duration interval, java.time.Duration retryMin,
                       java.time.Duration retryMax, java.time.Duration tombstoneRetention) {
    }

    /**
     * @param batchSize  candidates per pipeline batch (one commit per stage)
     * @param maxBacklog candidates waiting in the outbox at which syncs wait for the pipeline to catch up
     */
    public record Pipeline(int batchSize, long maxBacklog) {
    }

    /**
     * @param publishSeconds    least time between two publications of an index shard (changes wait at most this long)
     * @param maxShardDocuments documents per shard an org's index is sized for when it is created
     * @param profileShards     shards of the public-profile index
     * @param cacheMegabytes    memory for the split searchers' caches
     */
    public record Index(int publishSeconds, long maxShardDocuments, int profileShards, long cacheMegabytes) {
    }

    /**
     * @param maxResumeBytes    larger resume files are not read (a recorded failure)
     * @param extractTimeout    an extraction running longer is abandoned (a recorded failure)
     * @param maxTextCharacters the stored text of one resume is cut here
     * @param extractThreads    extractions at once
     */
    public record Documents(long maxResumeBytes, Duration extractTimeout, int maxTextCharacters,
                            int extractThreads) {
    }

    /**
     * @param maxImportBytes largest accepted upload to {@code POST /api/admin/profiles/import} (a corpus file is
     *                       legitimately far larger than any other request body)
     */
    public record Profiles(long maxImportBytes) {
    }

    /**
     * @param token the bearer token a scraper sends to {@code GET /metrics}; null when the endpoint is off
     */
    public record Metrics(String token) {
        @Override
        public String toString() {
            return "Metrics[token=" + (token == null ? "unset" : "****") + "]";
        }
    }

    /** Log line formats: {@code TEXT} for people, {@code JSON} one object per line for a log collector. */
    public enum LogFormat { TEXT, JSON }

    /** Root log levels, lowest verbosity first. */
    public enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }

    /** Who sees each health check's detail (the store file, the plugins); everyone else sees the status alone. */
    public enum HealthDetails { ADMINS, PUBLIC }
}

package io.rediscover.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Loads {@link HostConfig}: built-in defaults, then the YAML file, then {@code REDISCOVER_*} environment variables,
 * then explicit overrides; validates every value and fails with a {@link ConfigException} naming the key and the
 * source of the bad value.
 */
public final class ConfigLoader {

    private final Path home;

    /**
     * @param home directory that relative paths are resolved against (the installation directory, or the working
     *             directory when running from source)
     */
    public ConfigLoader(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /**
     * @param file      the operator's YAML file, if any
     * @param env       the environment (normally {@link System#getenv()})
     * @param overrides values by dotted key that win over everything (command-line options, tests)
     * @return the validated configuration
     * @throws ConfigException naming the first bad key
     */
    public HostConfig load(Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
        ConfigSources sources = new ConfigSources();
        file.ifPresent(sources::addFile);
        sources.addEnvironment(env);
        sources.addOverrides(overrides);
        Reader r = new Reader(sources);
        return new HostConfig(
                new HostConfig.Server(r.host("server.host"), (int) r.integer("server.port", 0, 65_535),
                        r.integer("server.maxRequestBytes", 1_024, Integer.MAX_VALUE),
                        (int) r.integer("server.shutdownGraceSeconds", 0, 600)),
                new HostConfig.Data(r.path("data.dir"), r.bool("data.syncOnCommit"),
                        r.integer("data.minFreeMegabytes", 0, 1L << 30)),
                r.path("plugins.dir"),
                new HostConfig.Security(r.masterKey("security.masterKey"), r.path("security.masterKeyFile"),
                        r.pathList("security.previousKeyFiles")),
                new HostConfig.Auth(Duration.ofMinutes(r.integer("auth.sessionIdleMinutes", 5, 7 * 24 * 60)),
                        Duration.ofHours(r.integer("auth.sessionMaxHours", 1, 90 * 24)), r.bool("auth.secureCookie"),
                        r.optionalEmail("admin.email"), r.optionalText("admin.password")),
                new HostConfig.Sync(r.bool("sync.enabled"), (int) r.integer("sync.maxConcurrentRuns", 1, 64),
                        Duration.ofHours(r.integer("sync.intervalHours", 1, 24 * 31)),
                        Duration.ofSeconds(r.integer("sync.retryMinSeconds", 1, 86_400)),
                        Duration.ofSeconds(r.integer("sync.retryMaxSeconds", 1, 7 * 86_400)),
                        Duration.ofDays(r.integer("sync.tombstoneRetentionDays", 1, 3_650))),
                new HostConfig.Pipeline((int) r.integer("pipeline.batchSize", 1, 10_000),
                        r.integer("pipeline.maxBacklog", 1_000, 100_000_000)),
                new HostConfig.Index((int) r.integer("index.publishSeconds", 1, 3_600),
                        r.integer("index.maxShardDocuments", 1_000, 100_000_000),
                        (int) r.integer("index.profileShards", 1, 256), r.integer("index.cacheMegabytes", 16, 1L << 20)),
                new HostConfig.Documents(r.integer("documents.maxResumeMegabytes", 1, 1_024) << 20,
                        Duration.ofSeconds(r.integer("documents.extractSeconds", 1, 3_600)),
                        (int) r.integer("documents.maxTextCharacters", 1_000, 10_000_000),
                        (int) r.integer("documents.extractThreads", 1, 64)),
                new HostConfig.Profiles(r.integer("profiles.maxImportBytes", 1_024, Long.MAX_VALUE)),
                r.ipList("integrations.egressIps"),
                r.choice("log.level", HostConfig.LogLevel.class),
                r.choice("health.details", HostConfig.HealthDetails.class),
                r.connectors(),
                sources.warnings(),
                r.choice("log.format", HostConfig.LogFormat.class),
                new HostConfig.Metrics(r.optionalSecret("metrics.token", 16)));
    }

    /** Typed reads of the merged values; every failure names the key and where its value came from. */
    private final class Reader {
        private final ConfigSources sources;

        Reader(ConfigSources sources) {
            this.sources = sources;
        }

        private String text(String key) {
            JsonNode node = sources.values().get(key);
            if (node == null || node.isNull() || node.isContainerNode() || node.asText().isBlank()) {
                throw bad(key, "must be set to a single value");
            }
            return node.asText().strip();
        }

        String optionalText(String key) {
            JsonNode node = sources.values().get(key);
            return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
        }

        /** A secret that is off when empty, and at least {@code minLength} long when set (never echoed in errors). */
        String optionalSecret(String key, int minLength) {
            String v = optionalText(key);
            if (v == null) {
                return null;
            }
            if (v.strip().length() < minLength) {
                throw bad(key, "must be at least " + minLength + " characters long (e.g. the output of: openssl rand -hex 24),"
                        + " or empty to turn it off");
            }
            return v.strip();
        }

        String masterKey(String key) {
            String v = optionalText(key);
            if (v == null) {
                return null;
            }
            try {
                if (java.util.Base64.getDecoder().decode(v.strip()).length == 32) {
                    return v.strip();
                }
            } catch (IllegalArgumentException notBase64) {
                // reported below, without the value
            }
            throw bad(key, "must be 32 random bytes in Base64 (e.g. the output of: openssl rand -base64 32)");
        }

        String optionalEmail(String key) {
            String v = optionalText(key);
            if (v != null && !v.strip().matches("[^@\\s]+@[^@\\s]+")) {
                throw bad(key, "'" + v + "' is not an e-mail address");
            }
            return v == null ? null : v.strip();
        }

        String host(String key) {
            String v = text(key);
            try {
                InetAddress.getByName(v);
                return v;
            } catch (UnknownHostException e) {
                throw bad(key, "'" + v + "' is not an address or resolvable host name");
            }
        }

        long integer(String key, long min, long max) {
            String v = text(key);
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) {
                    throw bad(key, "must be between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw bad(key, "must be a whole number, got '" + v + "'");
            }
        }

        boolean bool(String key) {
            String v = text(key).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw bad(key, "must be true or false, got '" + v + "'");
            };
        }

        Path path(String key) {
            String v = text(key);
            try {
                Path p = Path.of(v);
                return (p.isAbsolute() ? p : home.resolve(p)).normalize();
            } catch (InvalidPathException e) {
                throw bad(key, "'" + v + "' is not a valid path: " + e.getReason());
            }
        }

        List<Path> pathList(String key) {
            List<Path> out = new ArrayList<>();
            JsonNode node = sources.values().get(key);
            if (node != null && node.isArray()) {
                for (JsonNode item : node) {
                    Path p = Path.of(item.asText().strip());
                    out.add((p.isAbsolute() ? p : home.resolve(p)).normalize());
                }
            }
            return out;
        }

        List<String> ipList(String key) {
            JsonNode node = sources.values().get(key);
            List<String> out = new ArrayList<>();
            if (node != null && node.isArray()) {
                for (JsonNode item : node) {
                    String ip = item.asText().strip();
                    if (!isIpLiteral(ip)) {
                        throw bad(key, "'" + ip + "' is not an IPv4 or IPv6 address (CIDR ranges like 203.0.113.0/28 are allowed)");
                    }
                    out.add(ip);
                }
            }
            return out;
        }

        <E extends Enum<E>> E choice(String key, Class<E> type) {
            String v = text(key);
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
                throw bad(key, "must be one of " + allowed + "; got '" + v + "'");
            }
        }

        Map<String, Map<String, String>> connectors() {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            sources.values().forEach((key, node) -> {
                if (key.startsWith("connectors.")) {
                    String rest = key.substring("connectors.".length());
                    int dot = rest.indexOf('.');
                    if (dot <= 0 || node.isContainerNode()) {
                        throw bad(key, "connector settings are written as connectors.<connector-id>.<key>: <value>");
                    }
                    out.computeIfAbsent(rest.substring(0, dot), id -> new LinkedHashMap<>())
                            .put(rest.substring(dot + 1), node.isNull() ? "" : node.asText());
                }
            });
            out.replaceAll((id, settings) -> Map.copyOf(settings));
            return out;
        }

        private ConfigException bad(String key, String message) {
            return new ConfigException(key, message + " (from " + sources.origin(key) + ")");
        }
    }

    static boolean isIpLiteral(String value) {
        String address = value;
        int slash = value.indexOf('/');
        if (slash > 0) {
            address = value.substring(0, slash);
            String bits = value.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > (address.contains(":") ? 128 : 32)) {
                return false;
            }
        }
        // Only literals: never let a host name trigger a DNS look-up here.
        if (address.contains(":")) {
            return address.matches("[0-9a-fA-F:.]+") && parses(address);
        }
        return address.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    private static boolean parses(String literal) {
        try {
            InetAddress.getByName(literal);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

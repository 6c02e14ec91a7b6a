package io.rediscover.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the three layers of configuration into one flat map of dotted keys: the built-in defaults (the documented
 * {@code rediscover.yaml} shipped in this jar), the operator's file, and {@code REDISCOVER_*} environment variables,
 * then explicit overrides (command-line options, tests). It remembers where each value came from for error messages.
 *
 * <p>The defaults file is the schema: a key it does not contain is a typo and stops start-up, except below
 * {@code connectors.<id>.} where plugins define their own settings. A {@code REDISCOVER_*} variable that names no key
 * cannot stop start-up (the environment holds variables for other purposes too), but it is never ignored silently: it
 * becomes a warning naming the closest key.
 */
final class ConfigSources {

    static final String DEFAULTS_RESOURCE = "/io/rediscover/config/rediscover.yaml";
    static final String ENV_PREFIX = "REDISCOVER_";
    /** Variables of the launcher (bin/rediscover), not configuration keys. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("REDISCOVER_HOME");
    private static final String FREE_FORM_PREFIX = "connectors.";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final Map<String, JsonNode> values = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    ConfigSources() {
        try (InputStream in = ConfigSources.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in defaults " + DEFAULTS_RESOURCE + " missing from the jar");
            }
            flatten("", yaml.readTree(in), "built-in default", true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in defaults", e);
        }
    }

    /** Layers the operator's YAML file over the defaults. */
    void addFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config", "no configuration file at " + file.toAbsolutePath());
        }
        JsonNode tree;
        try {
            tree = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot parse " + file.toAbsolutePath() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return; // an empty file means "all defaults"
        }
        if (!tree.isObject()) {
            throw new ConfigException("--config", file.toAbsolutePath() + " must hold a YAML mapping of keys");
        }
        flatten("", tree, file.toAbsolutePath().toString(), false);
    }

    /** Layers every {@code REDISCOVER_*} variable that names a known key, and warns about those that name none. */
    void addEnvironment(Map<String, String> env) {
        Map<String, String> keysByName = new TreeMap<>();
        for (String key : values.keySet().toArray(String[]::new)) {
            String name = envName(key);
            keysByName.put(name, key);
            String raw = env.get(name);
            if (raw != null) {
                values.put(key, fromString(key, raw));
                origins.put(key, "environment variable " + name);
            }
        }
        new TreeSet<>(env.keySet()).stream()
                .filter(name -> name.startsWith(ENV_PREFIX) && !keysByName.containsKey(name) && !LAUNCHER_VARIABLES.contains(name))
                .forEach(name -> {
                    String closest = closest(name, keysByName.keySet());
                    warnings.add("environment variable " + name + " names no configuration key and is ignored; the closest is "
                            + closest + " (" + keysByName.get(closest) + ")");
                });
    }

    private static String closest(String name, Collection<String> candidates) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return candidates.stream().min(Comparator.comparingInt((String c) -> distance.apply(name, c))
                .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** @return what the sources held that configures nothing, for the host to warn about once logging is set up */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Layers explicit overrides given by dotted key (command-line options and tests). */
    void addOverrides(Map<String, String> overrides) {
        overrides.forEach((key, raw) -> {
            requireKnown(key, "override");
            values.put(key, fromString(key, raw));
            origins.put(key, "command line");
        });
    }

    Map<String, JsonNode> values() {
        return values;
    }

    String origin(String key) {
        return origins.getOrDefault(key, "built-in default");
    }

    /**
     * The environment variable for a key: {@code REDISCOVER_} + the path in upper snake case; camelCase words and
     * dashes become underscores ({@code connectors.icims-stream.apiBaseUrl} → {@code
     * REDISCOVER_CONNECTORS_ICIMS_STREAM_API_BASE_URL}).
     */
    static String envName(String key) {
        String snake = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_');
        return ENV_PREFIX + snake.toUpperCase(java.util.Locale.ROOT);
    }

    private void flatten(String prefix, JsonNode node, String origin, boolean defining) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            if (!fields.hasNext() && !prefix.isEmpty() && !defining) {
                requireKnown(prefix, origin);
            }
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), origin, defining);
            }
            return;
        }
        if (!defining) {
            requireKnown(prefix, origin);
            JsonNode known = values.get(prefix);
            if (known != null && known.isArray() && !node.isArray() && !node.isNull()) {
                throw new ConfigException(prefix, "must be a list (in " + origin + ")");
            }
        }
        values.put(prefix, node.isNull() && isListKey(prefix) ? JsonNodeFactory.instance.arrayNode() : node);
        origins.put(prefix, origin);
    }

    private boolean isListKey(String key) {
        JsonNode known = values.get(key);
        return known != null && known.isArray();
    }

    private void requireKnown(String key, String origin) {
        if (!values.containsKey(key) && !key.startsWith(FREE_FORM_PREFIX)) {
            throw new ConfigException(key, "unknown key (in " + origin + "); see the documented keys in conf/rediscover.yaml");
        }
    }

    private JsonNode fromString(String key, String raw) {
        if (isListKey(key)) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
            return list;
        }
        return JsonNodeFactory.instance.textNode(raw);
    }
}

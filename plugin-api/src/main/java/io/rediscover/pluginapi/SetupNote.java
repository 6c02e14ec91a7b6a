package io.rediscover.pluginapi;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A note shown to the org admin before connecting, for example which egress IP addresses to allow-list in the ATS.
 *
 * <p>The text may contain placeholders in braces that the host fills in from its own configuration. Known
 * placeholders:
 * <ul>
 *   <li>{@value #EGRESS_IPS}: the host's egress IP addresses ({@code integrations.egressIps} in
 *       {@code rediscover.yaml}), comma-separated.</li>
 * </ul>
 * The host refuses to start when a note uses a placeholder it does not know.
 *
 * @param title short heading, e.g. "Allow-list our IP addresses"
 * @param text  the note, possibly with placeholders
 */
public record SetupNote(String title, String text) {

    /** Placeholder for the host's egress IP addresses. */
    public static final String EGRESS_IPS = "{egressIps}";

    /** Every placeholder name the host fills in (without braces). */
    public static final Set<String> KNOWN_PLACEHOLDERS = Set.of("egressIps");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    /** Canonical constructor: title and text are required. */
    public SetupNote {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /**
     * @return the placeholder names used in {@link #text()}, without braces
     */
    public Set<String> placeholders() {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.results().map(r -> r.group(1)).collect(Collectors.toUnmodifiableSet());
    }
}

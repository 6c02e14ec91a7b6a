package io.rediscover.pluginapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a connector descriptor must follow (see {@link ConnectorDescriptor}). The host checks them at start-up
 * and refuses a plugin that breaks one, because the UI renders forms and filters from descriptors alone; the contract
 * test kit checks the same rules, so a plugin author finds out before shipping.
 */
public final class DescriptorRules {

    /** Connector ids: lower case, digits and dashes. */
    public static final Pattern CONNECTOR_ID = Pattern.compile("[a-z][a-z0-9-]*");
    /** Credential, filter and profile-field keys: lower camel case. */
    public static final Pattern FIELD_KEY = Pattern.compile("[a-z][a-zA-Z0-9]*");

    private DescriptorRules() {
    }

    /**
     * @param d a descriptor
     * @return every rule it breaks, as sentences; empty when valid
     */
    public static List<String> problems(ConnectorDescriptor d) {
        List<String> out = new ArrayList<>();
        if (!CONNECTOR_ID.matcher(d.id()).matches()) {
            out.add("connector id '" + d.id() + "' must match " + CONNECTOR_ID.pattern());
        }
        if (d.displayName().isBlank()) {
            out.add("display name is blank");
        }
        if (d.capabilities().isEmpty()) {
            out.add("declares no capability");
        }
        checkKeys("credential", d.credentials().stream().map(CredentialField::key).toList(), new HashSet<>(), out);
        Set<String> attributeKeys = new HashSet<>();
        checkKeys("filter", d.filters().stream().map(f -> f.key()).toList(), attributeKeys, out);
        checkKeys("profile field", d.profileFields().stream().map(f -> f.key()).toList(), attributeKeys, out);
        for (CredentialField f : d.credentials()) {
            if (f.label().isBlank()) {
                out.add("credential '" + f.key() + "' has a blank label");
            }
        }
        for (SetupNote note : d.setupNotes()) {
            for (String p : note.placeholders()) {
                if (!SetupNote.KNOWN_PLACEHOLDERS.contains(p)) {
                    out.add("setup note '" + note.title() + "' uses unknown placeholder {" + p + "}; known: " + SetupNote.KNOWN_PLACEHOLDERS);
                }
            }
        }
        return out;
    }

    private static void checkKeys(String what, List<String> keys, Set<String> seen, List<String> out) {
        for (String key : keys) {
            if (!FIELD_KEY.matcher(key).matches()) {
                out.add(what + " key '" + key + "' must match " + FIELD_KEY.pattern());
            }
            if (!seen.add(key)) {
                out.add(what + " key '" + key + "' is declared twice (filter and profile-field keys share one namespace)");
            }
        }
    }
}

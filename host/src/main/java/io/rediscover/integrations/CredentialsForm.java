package io.rediscover.integrations;

import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.web.InvalidField;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks what an org admin typed into a connector's form against its descriptor: only declared credentials, required
 * ones present, patterns matched, sizes bounded; capabilities a non-empty subset of the connector's. Errors name the
 * field ({@code credentials.clientId}, {@code capabilities[1]}) and never echo a value.
 */
final class CredentialsForm {

    static final int MAX_VALUE_LENGTH = 4_096;

    private CredentialsForm() {
    }

    /**
     * @param descriptor  the connector's descriptor
     * @param given       the submitted values (may be null)
     * @param keptSecrets keys of secrets already stored, which may be left blank to keep them (empty on create)
     * @return the values to store, stripped; blank secrets left out
     * @throws InvalidField naming the first bad credential
     */
    static Map<String, String> credentials(ConnectorDescriptor descriptor, Map<String, String> given, Set<String> keptSecrets) {
        Map<String, String> in = given == null ? Map.of() : given;
        Set<String> declared = descriptor.credentials().stream().map(CredentialField::key).collect(Collectors.toSet());
        for (String key : in.keySet()) {
            if (!declared.contains(key)) {
                throw new InvalidField("credentials." + key, "unknown credential '" + key + "'; " + descriptor.displayName()
                        + " takes " + descriptor.credentials().stream().map(CredentialField::key).toList());
            }
        }
        Map<String, String> out = new HashMap<>();
        for (CredentialField f : descriptor.credentials()) {
            String field = "credentials." + f.key();
            String v = in.get(f.key()) == null ? "" : in.get(f.key()).strip();
            if (v.length() > MAX_VALUE_LENGTH) {
                throw new InvalidField(field, "'" + f.label() + "' must be at most " + MAX_VALUE_LENGTH + " characters long");
            }
            if (v.isEmpty()) {
                if (f.required() && !(f.secret() && keptSecrets.contains(f.key()))) {
                    throw new InvalidField(field, "'" + f.label() + "' is required");
                }
                continue;
            }
            if (!f.accepts(v)) {
                throw new InvalidField(field, "'" + f.label() + "' is not in the expected format"
                        + (f.help() == null ? "" : ": " + f.help()));
            }
            out.put(f.key(), v);
        }
        return out;
    }

    /**
     * @param descriptor   the connector's descriptor
     * @param capabilities the requested capabilities
     * @return them as a set
     * @throws InvalidField when empty or one is not offered by the connector
     */
    static Set<Capability> capabilities(ConnectorDescriptor descriptor, List<Capability> capabilities) {
        if (capabilities == null || capabilities.isEmpty()) {
            throw new InvalidField("capabilities", "choose at least one of " + descriptor.capabilities());
        }
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (int i = 0; i < capabilities.size(); i++) {
            Capability c = capabilities.get(i);
            if (c == null || !descriptor.capabilities().contains(c)) {
                throw new InvalidField("capabilities[" + i + "]", descriptor.displayName() + " offers only "
                        + descriptor.capabilities());
            }
            out.add(c);
        }
        return out;
    }
}

package io.rediscover.integrations;

import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.pluginapi.FilterField;
import io.rediscover.pluginapi.ProfileField;
import io.rediscover.pluginapi.SetupNote;
import io.rediscover.plugins.LoadedConnector;

import java.util.List;
import java.util.Set;

/**
 * A connector as the API shows it: the full descriptor, with setup-note placeholders filled in from host
 * configuration, and the plugin it came from.
 *
 * @param id            connector id
 * @param displayName   name shown to users
 * @param version       connector version
 * @param capabilities  what connections of it can do
 * @param credentials   the credentials form
 * @param filters       ATS-only filters
 * @param profileFields ATS-only profile fields
 * @param setupNotes    notes with placeholders filled
 * @param deprecated    whether the connector is deprecated
 * @param deprecation   what to use instead, or null
 * @param plugin        the plugin that provides it
 * @param budget        the daily request budget part of the connection form
 */
public record ConnectorView(String id, String displayName, String version, Set<Capability> capabilities,
                            List<CredentialField> credentials, List<FilterField> filters,
                            List<ProfileField> profileFields, List<SetupNote> setupNotes, boolean deprecated,
                            String deprecation, Plugin plugin, BudgetForm.View budget) {

    /**
     * @param id plugin id
     * @param version plugin version
     */
    public record Plugin(String id, String version) {
    }

    /**
     * @param loaded    a loaded connector
     * @param egressIps this host's egress IPs, for the {@value SetupNote#EGRESS_IPS} placeholder
     * @return its view
     */
    public static ConnectorView of(LoadedConnector loaded, List<String> egressIps) {
        ConnectorDescriptor d = loaded.descriptor();
        String ips = egressIps.isEmpty() ? "(ask your Rediscover administrator for this installation's egress IP addresses)"
                : String.join(", ", egressIps);
        List<SetupNote> notes = d.setupNotes().stream()
                .map(n -> new SetupNote(n.title(), n.text().replace(SetupNote.EGRESS_IPS, ips))).toList();
        return new ConnectorView(d.id(), d.displayName(), d.version(), d.capabilities(), d.credentials(), d.filters(),
                d.profileFields(), notes, d.deprecated(), d.deprecation().orElse(null),
                new Plugin(loaded.pluginId(), loaded.pluginVersion()), BudgetForm.view(d));
    }
}

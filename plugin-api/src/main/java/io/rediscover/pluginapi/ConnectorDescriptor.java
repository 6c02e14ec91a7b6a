package io.rediscover.pluginapi;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a connector declares as data. The host renders the credentials form, the "Your ATS" filter bar and the
 * ATS data panel from it alone, and keeps the descriptor's version with each connection.
 *
 * <p>Rules the host checks at start-up (it refuses to start, naming the plugin, when one is broken):
 * <ul>
 *   <li>{@code id} matches {@code [a-z][a-z0-9-]*} and is unique across all loaded plugins;</li>
 *   <li>every credential, filter and profile-field key matches {@code [a-z][a-zA-Z0-9]*}, and keys are unique
 *       within their list; filter and profile-field keys share one namespace (attribute keys);</li>
 *   <li>at least one capability; setup notes use only placeholders the host knows ({@link SetupNote}).</li>
 * </ul>
 *
 * <p>Build one with {@link #builder(String, String)}.
 *
 * @param id            stable connector id, e.g. {@code icims-stream}; never change it once released
 * @param displayName   name shown to users, e.g. "iCIMS Stream"
 * @param version       the connector's own version (usually the plugin version)
 * @param capabilities  what connections of this connector can do
 * @param credentials   fields of the credentials form, in display order
 * @param filters       ATS-only search filters, in display order
 * @param profileFields ATS-only fields of the candidate panel, in display order
 * @param setupNotes    notes shown before connecting
 * @param deprecation   when present, the connector is deprecated and this text says what to use instead
 * @param requestQuota  the ATS's daily request quota and what counts against it, when it has one: the host then gives
 *                      every connection a daily request budget and meters {@link ConnectorContext#http()} against it
 */
public record ConnectorDescriptor(String id, String displayName, String version, Set<Capability> capabilities,
                                  List<CredentialField> credentials, List<FilterField> filters,
                                  List<ProfileField> profileFields, List<SetupNote> setupNotes,
                                  Optional<String> deprecation, Optional<RequestQuota> requestQuota) {

    /** Canonical constructor: copies every collection so the descriptor is immutable. */
    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        credentials = List.copyOf(credentials);
        filters = List.copyOf(filters);
        profileFields = List.copyOf(profileFields);
        setupNotes = List.copyOf(setupNotes);
        deprecation = deprecation == null ? Optional.empty() : deprecation;
        requestQuota = requestQuota == null ? Optional.empty() : requestQuota;
    }

    /**
     * The constructor of contract 1.0.0, before request quotas: a descriptor without one.
     *
     * @param id            stable connector id
     * @param displayName   name shown to users
     * @param version       the connector's own version
     * @param capabilities  what connections of this connector can do
     * @param credentials   fields of the credentials form
     * @param filters       ATS-only search filters
     * @param profileFields ATS-only fields of the candidate panel
     * @param setupNotes    notes shown before connecting
     * @param deprecation   what to use instead, when deprecated
     */
    public ConnectorDescriptor(String id, String displayName, String version, Set<Capability> capabilities,
                               List<CredentialField> credentials, List<FilterField> filters,
                               List<ProfileField> profileFields, List<SetupNote> setupNotes,
                               Optional<String> deprecation) {
        this(id, displayName, version, capabilities, credentials, filters, profileFields, setupNotes, deprecation,
                Optional.empty());
    }

    /**
     * Starts a descriptor.
     *
     * @param id          stable connector id
     * @param displayName name shown to users
     * @return a builder
     */
    public static Builder builder(String id, String displayName) {
        return new Builder(id, displayName);
    }

    /** @return whether this connector is deprecated */
    public boolean deprecated() {
        return deprecation.isPresent();
    }

    /**
     * @param key a credential key
     * @return the credential field with that key, if declared
     */
    public Optional<CredentialField> credential(String key) {
        return credentials.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Collects a {@link ConnectorDescriptor} in declaration order. */
    public static final class Builder {
        private final String id;
        private final String displayName;
        private String version = "0.0.0";
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private final List<CredentialField> credentials = new ArrayList<>();
        private final List<FilterField> filters = new ArrayList<>();
        private final List<ProfileField> profileFields = new ArrayList<>();
        private final List<SetupNote> setupNotes = new ArrayList<>();
        private String deprecation;
        private RequestQuota requestQuota;

        private Builder(String id, String displayName) {
            this.id = id;
            this.displayName = displayName;
        }

        /**
         * @param v the connector's version
         * @return this builder
         */
        public Builder version(String v) {
            this.version = v;
            return this;
        }

        /**
         * @param c capabilities to add
         * @return this builder
         */
        public Builder capabilities(Capability... c) {
            capabilities.addAll(List.of(c));
            return this;
        }

        /**
         * @param fields credential fields to add, in display order
         * @return this builder
         */
        public Builder credentials(CredentialField... fields) {
            credentials.addAll(List.of(fields));
            return this;
        }

        /**
         * @param fields filters to add, in display order
         * @return this builder
         */
        public Builder filters(FilterField... fields) {
            filters.addAll(List.of(fields));
            return this;
        }

        /**
         * @param fields profile fields to add, in display order
         * @return this builder
         */
        public Builder profileFields(ProfileField... fields) {
            profileFields.addAll(List.of(fields));
            return this;
        }

        /**
         * @param title heading
         * @param text note text, may contain placeholders
         * @return this builder
         */
        public Builder setupNote(String title, String text) {
            setupNotes.add(new SetupNote(title, text));
            return this;
        }

        /**
         * @param notice what to use instead of this connector
         * @return this builder
         */
        public Builder deprecated(String notice) {
            this.deprecation = notice;
            return this;
        }

        /**
         * @param quota the ATS's daily request quota and what counts against it
         * @return this builder
         */
        public Builder requestQuota(RequestQuota quota) {
            this.requestQuota = quota;
            return this;
        }

        /** @return the immutable descriptor */
        public ConnectorDescriptor build() {
            return new ConnectorDescriptor(id, displayName, version, capabilities, credentials, filters,
                    profileFields, setupNotes, Optional.ofNullable(deprecation), Optional.ofNullable(requestQuota));
        }
    }
}

package io.rediscover.template;

import io.rediscover.pluginapi.Capability;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.CredentialField;
import io.rediscover.pluginapi.FilterField;
import io.rediscover.pluginapi.ProfileField;
import io.rediscover.pluginapi.RequestQuota;
import io.rediscover.pluginapi.SetupNote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the template connector declares: the host renders the credentials form, filters and data panel from it. */
final class TemplateDescriptor {

    /** Never change a connector id once released: connections refer to it. */
    static final String ID = "template-ats";

    // Credential keys.
    static final String ACCOUNT_ID = "accountId";
    static final String API_KEY = "apiKey";

    // Attribute keys: filters and profile fields share one namespace.
    static final String STATUS = "status";
    static final String EMAIL = "email";
    static final String PHONE = "phone";

    static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder(ID, "Template ATS")
            .version(pluginVersion())
            .capabilities(Capability.REDISCOVERY)
            .credentials(
                    CredentialField.text(ACCOUNT_ID, "Account ID").asRequired()
                            .help("Your account's id, as in https://…/v1/accounts/<id>.")
                            .pattern("[A-Za-z0-9_-]{1,64}"),
                    CredentialField.secret(API_KEY, "API key").asRequired()
                            .help("A read-only API key of your account. Stored encrypted; never shown again."))
            .filters(FilterField.terms(STATUS, "Status"))
            .profileFields(
                    ProfileField.email(EMAIL, "Email"),
                    ProfileField.phone(PHONE, "Phone"))
            // The ATS's daily quota: the host gives each connection a budget from it and refuses requests past it.
            .requestQuota(RequestQuota.daily(10_000).describedAs("Every API request counts, shared with your other integrations."))
            .setupNote("Allow-list our IP addresses",
                    "If your account restricts API keys by IP address, allow " + SetupNote.EGRESS_IPS + ".")
            .build();

    private TemplateDescriptor() {
    }

    /** The build writes the project version into this resource, so the descriptor's version is the plugin's. */
    private static String pluginVersion() {
        try (InputStream in = TemplateDescriptor.class.getResourceAsStream("template-ats.properties")) {
            if (in == null) {
                throw new IOException("template-ats.properties is missing from the plugin jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

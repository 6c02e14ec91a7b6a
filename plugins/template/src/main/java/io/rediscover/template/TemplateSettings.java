package io.rediscover.template;

import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;

import java.net.URI;
import java.time.Duration;

/**
 * The connector's host settings ({@code connectors.template-ats.<key>} in {@code rediscover.yaml}): the same for
 * every connection on this host, unlike credentials.
 *
 * @param baseUrl        the ATS API's root, e.g. {@code https://api.example-ats.com}
 * @param pageSize       candidates per request (and per checkpoint)
 * @param requestTimeout how long one request may take
 */
record TemplateSettings(URI baseUrl, int pageSize, Duration requestTimeout) {

    static TemplateSettings from(ConnectorContext context) throws ConnectorException {
        String base = context.setting("baseUrl").orElseThrow(() -> new ConnectorException(ErrorKind.CONFIG,
                "the host has no base URL for Template ATS: set connectors.template-ats.baseUrl"));
        try {
            return new TemplateSettings(URI.create(base.endsWith("/") ? base : base + "/"),
                    Integer.parseInt(context.setting("pageSize").orElse("100")),
                    Duration.ofSeconds(Long.parseLong(context.setting("requestTimeoutSeconds").orElse("30"))));
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(ErrorKind.CONFIG, "connectors.template-ats settings are invalid: " + e.getMessage());
        }
    }
}

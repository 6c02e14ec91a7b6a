package io.rediscover.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.rediscover.config.HostConfig;
import io.rediscover.logging.LogSecrets;
import io.rediscover.web.MountedServlet;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code GET /metrics}: every meter in Prometheus text format, for a scraper that sends
 * {@code Authorization: Bearer <metrics.token>}. Without a configured token the endpoint does not exist (404), so
 * nothing about the installation is published by default; a missing or wrong token answers 401.
 */
@Singleton
final class MetricsServlet extends MountedServlet {

    private static final long serialVersionUID = 1L;
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient PrometheusMeterRegistry registry;
    private final byte[] token;

    /** @param registry the host's meters @param config {@code metrics.token} */
    @Inject
    MetricsServlet(PrometheusMeterRegistry registry, HostConfig config) {
        this.registry = registry;
        String t = config.metrics().token();
        this.token = t == null ? null : t.getBytes(StandardCharsets.UTF_8);
        if (t != null) {
            LogSecrets.register(List.of(t));
        }
    }

    @Override
    public String pathSpec() {
        return "/metrics";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (token == null) {
            response.sendError(404);
            return;
        }
        String authorization = request.getHeader("Authorization");
        byte[] sent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(sent, token)) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.sendError(401, "send Authorization: Bearer <metrics.token>");
            return;
        }
        byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
        response.setContentType(CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}

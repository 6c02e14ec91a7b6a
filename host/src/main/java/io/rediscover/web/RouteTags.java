package io.rediscover.web;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.glassfish.jersey.micrometer.server.JerseyTags;
import org.glassfish.jersey.micrometer.server.JerseyTagsProvider;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.monitoring.RequestEvent;

/**
 * The tags of {@value #METER} ({@code rediscover_http_server_requests_seconds} in Prometheus): method, route — the
 * matched path template, such as {@code /api/connections/{id}/sync}, so a series never holds an id —
 * status and outcome. Every API route is timed here, search and insights included: their latency histograms are these
 * series with their route.
 */
final class RouteTags implements JerseyTagsProvider {

    /** The meter's name. */
    static final String METER = "rediscover.http.server.requests";

    @Override
    public Iterable<Tag> httpRequestTags(RequestEvent event) {
        ContainerResponse response = event.getContainerResponse();
        return Tags.of(JerseyTags.method(event.getContainerRequest()), route(event), JerseyTags.status(response),
                JerseyTags.outcome(response));
    }

    @Override
    public Iterable<Tag> httpLongRequestTags(RequestEvent event) {
        return Tags.of(JerseyTags.method(event.getContainerRequest()), route(event));
    }

    /** The matched template, from the servlet's path on ({@code /api/...}); {@code NOT_FOUND} for unknown routes. */
    private static Tag route(RequestEvent event) {
        return Tag.of("route", JerseyTags.uri(event).getValue());
    }
}

package io.rediscover.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.ContextResolver;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.micrometer.server.MetricsApplicationEventListener;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.util.Set;

/**
 * The Jersey application: the Guice-built resource and filter singletons, the host's JSON mapper and the error mapping. Jackson's
 * own exception mappers are left out because they answer in plain text.
 */
final class JerseyApplication extends ResourceConfig {

    JerseyApplication(Set<ApiResource> resources, ObjectMapper json, long maxRequestBytes,
                      Set<ContainerRequestFilter> filters, Set<LargeBody> largeBodies, MeterRegistry meters) {
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        // Keep error responses ours: without this, an entity-less error would go through the container's sendError.
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        register(JacksonFeature.withoutExceptionMappers());
        register(new ObjectMapperResolver(json));
        register(new BodySizeLimit(maxRequestBytes, largeBodies));
        filters.forEach(this::register);
        register(ErrorMappers.ApiExceptionMapper.class);
        register(ErrorMappers.InvalidFieldMapper.class);
        register(ErrorMappers.ServiceUnavailableMapper.class);
        register(ErrorMappers.WebApplicationExceptionMapper.class);
        register(ErrorMappers.JsonExceptionMapper.class);
        register(ErrorMappers.UnexpectedExceptionMapper.class);
        resources.forEach(this::register);
        register(new MetricsApplicationEventListener(meters, new RouteTags(), RouteTags.METER, true));
    }

    /** Hands Jersey's Jackson provider the host's mapper. */
    private record ObjectMapperResolver(ObjectMapper json) implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return json;
        }
    }
}

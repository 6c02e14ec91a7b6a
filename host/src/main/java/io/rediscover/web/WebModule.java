package io.rediscover.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.multibindings.Multibinder;
import io.rediscover.lifecycle.Lifecycle;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * HTTP plumbing: the JSON mapper, the API resources, request filters and pages the capability modules contribute, and the web server
 * (registered with the lifecycle by the composition in {@code Main}, last, so it starts after everything it serves).
 */
public final class WebModule extends AbstractModule {

    /**
     * Adds a resource to the API. Call from a capability module's {@code configure()}.
     *
     * @param binder   the module's binder
     * @param resource the resource class; Guice builds it as a singleton
     */
    public static void addResource(Binder binder, Class<? extends ApiResource> resource) {
        Multibinder.newSetBinder(binder, ApiResource.class).addBinding().to(resource);
    }

    /**
     * Adds a request filter to the API (authentication is one). Call from a capability module's {@code configure()};
     * the filter's {@code @Priority} orders it.
     *
     * @param binder the module's binder
     * @param filter the filter class; Guice builds it as a singleton
     */
    public static void addFilter(Binder binder, Class<? extends ContainerRequestFilter> filter) {
        Multibinder.newSetBinder(binder, ContainerRequestFilter.class).addBinding().to(filter);
    }

    /**
     * Serves a servlet outside the JSON API. Call from a capability module's {@code configure()}.
     *
     * @param binder  the module's binder
     * @param servlet the servlet class; Guice builds it as a singleton
     */
    public static void addServlet(Binder binder, Class<? extends MountedServlet> servlet) {
        Multibinder.newSetBinder(binder, MountedServlet.class).addBinding().to(servlet);
    }

    /**
     * Gives an API path a body limit of its own instead of {@code server.maxRequestBytes} (an upload streamed to disk).
     *
     * @param binder the module's binder
     * @param body   the path and its limit; Guice builds it
     */
    public static void addLargeBody(Binder binder, Class<? extends LargeBody> body) {
        Multibinder.newSetBinder(binder, LargeBody.class).addBinding().to(body);
    }

    /**
     * Adds a server-rendered page at a path outside {@code /api}, answered by the API resource at {@code /api + path}.
     * Call from a capability module's {@code configure()}.
     *
     * @param binder the module's binder
     * @param path   the page's path, such as {@code /insights/print}
     */
    public static void addPage(Binder binder, String path) {
        Multibinder.newSetBinder(binder, Page.class).addBinding().toInstance(new Page(path));
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), MountedServlet.class);
        Multibinder.newSetBinder(binder(), ApiResource.class);
        Multibinder.newSetBinder(binder(), Page.class);
        Multibinder.newSetBinder(binder(), LargeBody.class);
        Multibinder.newSetBinder(binder(), ContainerRequestFilter.class);
        bind(ObjectMapper.class).toInstance(JsonMapper.create());
        addResource(binder(), OpenApiResource.class);
        addServlet(binder(), ApiDocsServlet.class);
        Lifecycle.manage(binder(), WebServer.class);
    }
}

package io.rediscover.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.rediscover.config.HostConfig;
import io.rediscover.lifecycle.Managed;
import io.rediscover.lifecycle.StartRefused;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.eclipse.jetty.ee11.servlet.DefaultServlet;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.util.Set;

/**
 * The embedded Jetty server: the JSON API under {@code /api} (Jersey), the static web UI at {@code /} (the files
 * of the {@code ui-static} module, packaged under {@code web/} on the class path) and the server-rendered
 * {@link Page}s, each forwarded to the API resource that renders it. Started last and stopped first, so
 * no request arrives before the services behind it are up or after they began to stop.
 */
@Singleton
public final class WebServer implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final HostConfig.Server config;
    private final Set<ApiResource> resources;
    private final ObjectMapper json;
    private final Set<ContainerRequestFilter> filters;
    private final Set<Page> pages;
    private final Set<MountedServlet> servlets;
    private final MeterRegistry meters;
    private final Set<LargeBody> largeBodies;
    private Server server;
    private ServerConnector connector;

    /**
     * @param config    the host configuration
     * @param resources every API resource bound by the capability modules
     * @param json      the host's mapper
     * @param filters   request filters the capability modules contribute (authentication)
     * @param largeBodies paths with a body limit of their own (uploads)
     * @param pages     server-rendered pages outside {@code /api}, each answered by an API resource
     * @param servlets  servlets served outside the API (metrics)
     * @param meters    times every API request by route and status
     */
    @Inject
    public WebServer(HostConfig config, Set<ApiResource> resources, ObjectMapper json,
                     Set<ContainerRequestFilter> filters, Set<LargeBody> largeBodies, Set<Page> pages,
                     Set<MountedServlet> servlets, MeterRegistry meters) {
        this.config = config.server();
        this.resources = resources;
        this.json = json;
        this.filters = filters;
        this.largeBodies = largeBodies;
        this.pages = pages;
        this.servlets = servlets;
        this.meters = meters;
    }

    @Override
    public void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        context.setErrorHandler(new JsonErrorHandler(json));
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("web/"));
        context.addServlet(new ServletHolder("api", new ServletContainer(
                new JerseyApplication(resources, json, config.maxRequestBytes(), filters, largeBodies, meters))), "/api/*");
        servlets.forEach(s -> context.addServlet(new ServletHolder(s), s.pathSpec()));
        pages.forEach(p -> context.addServlet(new ServletHolder("page " + p.path(), new PageForward(p)), p.path()));
        ServletHolder files = new ServletHolder("ui", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        files.setInitParameter("welcomeServlets", "false");
        context.addServlet(files, "/");
        context.setWelcomeFiles(new String[] {"index.html"});

        server.setHandler(new SecurityHeaders(new RequestIds(new GracefulHandler(context))));
        server.setRequestLog(new AccessLog());
        server.setErrorHandler(new JsonErrorHandler(json));
        server.setStopTimeout(config.shutdownGraceSeconds() * 1000L);
        try {
            server.start();
        } catch (IOException e) {
            server.stop(); // the threads it started; the lifecycle stops only services that started
            if (isBindFailure(e)) {
                throw new StartRefused("port " + config.port() + " on " + config.host() + " is already in use by another "
                        + "program: stop it, or choose another port (--port N, or --port 0 for any free port; "
                        + "server.port, REDISCOVER_SERVER_PORT)");
            }
            throw e;
        }
        LOG.info("listening on http://{}:{}/", config.host(), port());
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** @return the port actually bound (useful when configured as 0) */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    public String name() {
        return "web server";
    }
}

package io.rediscover.web;

import jakarta.servlet.http.HttpServlet;

/**
 * A servlet a capability serves outside the JSON API (the Prometheus scrape at {@code /metrics}), bound with
 * {@link WebModule#addServlet}. It gets the security headers and request ids of every response; the JSON API's error
 * mapping and authentication filter are the API's own and do not apply: the servlet checks its own callers.
 */
public abstract class MountedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** @return where it is mounted, a servlet path spec such as {@code /metrics} */
    public abstract String pathSpec();
}

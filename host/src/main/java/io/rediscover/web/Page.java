package io.rediscover.web;

import java.util.Objects;

/**
 * A server-rendered page of the web UI at a path outside {@code /api} (a print view): the web server forwards a request
 * for {@code path} to the API resource at {@code /api + path}, so the page has the API's authentication, error answers
 * and security headers, and the page's address stays short and shareable.
 *
 * @param path the page's path, such as {@code /insights/print}: absolute, not under {@code /api}, no wildcards
 */
public record Page(String path) {

    /** Canonical constructor: checks the path. */
    public Page {
        Objects.requireNonNull(path, "path");
        if (!path.matches("(/[a-z0-9][a-z0-9.-]*)+") || path.equals("/api") || path.startsWith("/api/")) {
            throw new IllegalArgumentException("a page path is absolute, in lower case and outside /api: " + path);
        }
    }

    /** @return where the API answers it */
    public String apiPath() {
        return "/api" + path;
    }
}

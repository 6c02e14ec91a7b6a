package io.rediscover.web;

/**
 * An API path whose request bodies may be larger than {@code server.maxRequestBytes}, with a limit of its own: an upload
 * of a whole file (a profile corpus) that the resource streams to disk instead of reading into memory. Contributed by a
 * capability module with {@link WebModule#addLargeBody}.
 */
public interface LargeBody {

    /** @return the path under {@code /api}, e.g. {@code /admin/profiles/import} */
    String path();

    /** @return the largest body accepted there */
    long maxBytes();
}

package io.rediscover.web;

import io.rediscover.logging.LogIds;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.concurrent.TimeUnit;

/**
 * One line per finished request, under its request id: method, path (never the query: it may hold search words),
 * status and time taken. At debug level ({@code log.level: debug}): a busy server answers many requests, and failures
 * are logged where they happen anyway.
 */
final class AccessLog implements RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);

    @Override
    public void log(Request request, Response response) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        MDC.put(LogIds.REQUEST, id == null ? "-" : id.toString());
        try {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.getBeginNanoTime());
            LOG.debug("{} {} {} {} ms", request.getMethod(), request.getHttpURI().getPath(), response.getStatus(), millis);
        } finally {
            MDC.remove(LogIds.REQUEST);
        }
    }
}

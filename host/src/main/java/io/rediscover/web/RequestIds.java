package io.rediscover.web;

import io.rediscover.logging.LogIds;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * Gives every request an id: in the log context while it is handled (so each line it logs carries it), in the
 * {@value #HEADER} response header, and as the {@code incident} of a 500, so a user's report, the response and the log
 * lines meet on one id. Requests are handled on the thread that calls this handler (the API is synchronous), so the log
 * context is set for all of it.
 */
final class RequestIds extends Handler.Wrapper {

    /** The response header carrying the request's id. */
    static final String HEADER = "X-Request-Id";
    /** The request attribute holding it, for the access log that runs after the request. */
    static final String ATTRIBUTE = "rediscover.requestId";

    RequestIds(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = LogIds.newRequestId();
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        MDC.put(LogIds.REQUEST, id);
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(LogIds.REQUEST);
        }
    }
}

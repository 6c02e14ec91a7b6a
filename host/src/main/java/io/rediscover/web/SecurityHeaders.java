package io.rediscover.web;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers every response carries, API, web UI and errors alike: browsers must not guess a content type
 * ({@code nosniff}: a JSON body is never run as script or rendered as HTML), and no page of ours may be framed by
 * another site or load anything from elsewhere (the UI is served from this origin only). Set before the request is
 * handled, so they stand whoever answers; {@link JsonErrorHandler} sets them again on the errors Jetty writes itself.
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /** @param handler what answers the request */
    SecurityHeaders(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addTo(response.getHeaders());
        return super.handle(request, response, callback);
    }

    /** @param headers a response's headers, to which the security headers are added */
    static void addTo(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Frame-Options", "DENY");
    }
}

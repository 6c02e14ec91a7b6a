package io.rediscover.icims.simulator;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;

/**
 * Puts a {@link SimResponse} on the wire with an explicit {@code Content-Length} (A8), either whole or
 * degraded by a delivery fault: delayed (D4), dripped slowly (D4), or cut short with the connection
 * aborted while the header still promises the full length (D6).
 */
final class ResponseWriter {
    private ResponseWriter() {
    }

    static void write(Response response, Callback callback, SimResponse r, Fault delivery) {
        response.setStatus(r.status());
        HttpFields.Mutable headers = response.getHeaders();
        if (r.contentType() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, r.contentType());
        }
        for (Map.Entry<String, String> h : r.headers()) {
            headers.add(h.getKey(), h.getValue());
        }
        headers.put(HttpHeader.CONTENT_LENGTH, r.body().length);
        try {
            if (delivery instanceof Fault.Delay delay) {
                sleep(delay.delay());
                response.write(true, ByteBuffer.wrap(r.body()), callback);
            } else if (delivery instanceof Fault.SlowDrip drip) {
                byte[] body = r.body();
                int chunk = Math.max(1, drip.chunkBytes());
                for (int off = 0; off < body.length; off += chunk) {
                    int len = Math.min(chunk, body.length - off);
                    Content.Sink.write(response, off + len >= body.length, ByteBuffer.wrap(body, off, len));
                    if (off + len < body.length) {
                        sleep(drip.interval());
                    }
                }
                if (body.length == 0) {
                    Content.Sink.write(response, true, ByteBuffer.allocate(0));
                }
                callback.succeeded();
            } else if (delivery instanceof Fault.TruncatedBody truncated) {
                int keep = (int) Math.max(1, Math.min(r.body().length - 1L, Math.round(r.body().length * truncated.keepFraction())));
                Content.Sink.write(response, false, ByteBuffer.wrap(r.body(), 0, keep));
                // Failing the callback after the response is committed makes Jetty abort the connection:
                // the client sees fewer bytes than Content-Length promised.
                callback.failed(new IOException("simulated truncated body"));
            } else {
                response.write(true, ByteBuffer.wrap(r.body()), callback);
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            callback.failed(e);
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(Math.max(0, d.toMillis()));
    }
}

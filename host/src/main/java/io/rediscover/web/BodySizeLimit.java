package io.rediscover.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies larger than {@code server.maxRequestBytes} before anything is parsed: by the declared
 * Content-Length when there is one, and by counting when the body is chunked. The answer is a 400 like every other bad
 * body (code {@code payload_too_large}, naming the limit), so clients handle all bad input one way.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimit implements ContainerRequestFilter {

    /** The error code of a body over the limit. */
    static final String TOO_LARGE = "payload_too_large";

    private final long maxBytes;

    /** @param maxBytes largest accepted body */
    public BodySizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    private static ApiException tooLarge(long maxBytes) {
        return new ApiException(400, TOO_LARGE, "the request body is larger than this server's limit of "
                + maxBytes + " bytes", null);
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long seen;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            seen += n;
            if (seen > max) {
                throw tooLarge(max);
            }
        }
    }
}

package io.rediscover.web;

import com.google.common.io.ByteStreams;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses request bodies larger than {@code server.maxRequestBytes} (or a {@link LargeBody path's own limit}) before
 * anything is parsed: by the declared
 * Content-Length when there is one, and by counting when the body is chunked. The answer is a 400 like every other bad
 * body (code {@code payload_too_large}, naming the limit), so clients handle all bad input one way.
 *
 * <p>Before answering, what is left of the body is read and dropped, up to the limit once more: a connection closed
 * with unread bytes is reset by the kernel, and the reset can destroy the 400 already sent before the client reads it
 * (measured: about 1 answer in 60 lost on loopback). A body larger still is cut off by closing the connection.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodySizeLimit implements ContainerRequestFilter {

    /** The error code of a body over the limit. */
    static final String TOO_LARGE = "payload_too_large";

    private final long defaultMaxBytes;
    private final Map<String, Long> byPath;

    /**
     * @param maxBytes   largest accepted body
     * @param largeBodies paths with a limit of their own
     */
    public BodySizeLimit(long maxBytes, Set<LargeBody> largeBodies) {
        this.defaultMaxBytes = maxBytes;
        this.byPath = largeBodies.stream().collect(Collectors.toUnmodifiableMap(b -> trim(b.path()), LargeBody::maxBytes));
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long maxBytes = byPath.getOrDefault(trim(request.getUriInfo().getPath()), defaultMaxBytes);
        if (request.getLength() > maxBytes) {
            throw refuse(request.getEntityStream(), maxBytes);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    /** Drops up to {@code maxBytes} more of the body, then returns the refusal to throw. */
    private static ApiException refuse(InputStream rest, long maxBytes) {
        try {
            ByteStreams.exhaust(ByteStreams.limit(rest, maxBytes));
        } catch (IOException clientGone) {
            // nothing left to protect: the answer goes nowhere either way
        }
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
                throw refuse(in, max);
            }
        }
    }
}

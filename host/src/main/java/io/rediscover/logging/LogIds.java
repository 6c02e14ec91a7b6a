package io.rediscover.logging;

import org.slf4j.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The ids that tie log lines to what they are about, kept in SLF4J's MDC: {@value #REQUEST} for an HTTP request (also
 * its {@code X-Request-Id} header and the {@code incident} of a 500), {@value #RUN} for a sync run
 * ({@code org/connection#run}). Both appear in every line logged while they are set, in the text format and as fields
 * of the JSON lines.
 */
public final class LogIds {

    /** The MDC key of the HTTP request id. */
    public static final String REQUEST = "request";
    /** The MDC key of the sync run id. */
    public static final String RUN = "run";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LogIds() {
    }

    /** @return a new request id: 12 hex digits, short enough to quote, random enough never to repeat in a log */
    public static String newRequestId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** @return the id of the request being handled on this thread, or null */
    public static String currentRequest() {
        return MDC.get(REQUEST);
    }

    /**
     * @param task work handed to another thread
     * @return the task, run with this thread's ids (so a sync run's concurrent reads log under the run's id)
     */
    public static Runnable carried(Runnable task) {
        Map<String, String> ids = MDC.getCopyOfContextMap();
        if (ids == null || ids.isEmpty()) {
            return task;
        }
        return () -> {
            Map<String, String> before = MDC.getCopyOfContextMap();
            MDC.setContextMap(ids);
            try {
                task.run();
            } finally {
                if (before == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(before);
                }
            }
        };
    }
}

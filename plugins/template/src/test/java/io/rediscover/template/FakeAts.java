package io.rediscover.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Template ATS" for the tests: the API {@link TemplateApi} documents, served by the JDK's HTTP server on a free port
 * of the loopback interface, with an account of generated candidates that a test can change, delete, corrupt or make
 * fail. Replace it with a fake of your ATS (or your vendor's sandbox) when you copy the template.
 */
final class FakeAts implements AutoCloseable {

    static final String ACCOUNT = "acme";
    static final String API_KEY = "tk_live_4f9c2a7e1b3d";
    static final String THREAD_PREFIX = "fake-ats";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/v1/accounts/([^/]+)/candidates");
    private static final String[] STATUSES = {"New", "Screened", "Interviewed", "Hired", "Rejected"};
    private static final String[] SKILLS = {"Java", "SQL", "Kubernetes", "Python", "React", "Go", "Terraform"};

    /** A candidate and the moment of its last change, which orders the change feed (its JSON may be corrupt). */
    private record Entry(String id, Instant changedAt, ObjectNode json) {
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Entry> candidates = new LinkedHashMap<>();
    private final Deque<Integer> failures = new ArrayDeque<>();
    private final List<String> requestUris = new ArrayList<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private int failAfterRequests = -1;
    private int failAfterStatus;

    private FakeAts(int people) throws IOException {
        for (int i = 1; i <= people; i++) {
            String id = "c%05d".formatted(i);
            ObjectNode c = JSON.createObjectNode().put("id", id).put("firstName", "Alex" + i).put("lastName", "Doe" + i)
                    .put("email", "alex" + i + "@example.com").put("phone", "+1 555 01" + "%04d".formatted(i))
                    .put("title", "Engineer " + i % 7).put("company", "Company " + i % 13).put("city", "Springfield")
                    .put("country", "US").put("status", STATUSES[i % STATUSES.length]);
            c.putArray("skills").add(SKILLS[i % SKILLS.length]).add(SKILLS[(i * 3) % SKILLS.length]);
            store(id, c);
        }
        threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, THREAD_PREFIX + "-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param people candidates in the account @return the running fake */
    static FakeAts start(int people) {
        try {
            return new FakeAts(people);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake ATS", e);
        }
    }

    /** @return the base URL, the connector's {@code baseUrl} setting */
    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/";
    }

    /** @param threadName a live thread's name @return whether it is one of this server's */
    static boolean ownsThread(String threadName) {
        // The JDK's server runs its dispatcher on a thread of its own besides the executor's.
        return threadName.startsWith(THREAD_PREFIX) || threadName.startsWith("HTTP-Dispatcher");
    }

    /** @param n changes the status of the first n candidates, now */
    synchronized void change(int n) {
        candidates.values().stream().limit(n).toList()
                .forEach(e -> store(e.id(), e.json().deepCopy().put("status", "Contacted")));
    }

    /** @param id deletes this candidate, now: the feed reports it once as deleted */
    synchronized void delete(String id) {
        store(id, JSON.createObjectNode().put("id", id).put("deleted", true));
    }

    /** @param json a candidate exactly as the feed should serve it, changed now (a test's malformed record) */
    synchronized void putRaw(String id, ObjectNode json) {
        candidates.remove(id);
        candidates.put(id, new Entry(id, tick(), json));
    }

    /** @param status the next request answers this status (429 with {@code Retry-After: 7}) */
    synchronized void failNext(int status) {
        failures.add(status);
    }

    /** @param requests after this many more requests, every request answers {@code status} */
    synchronized void failAfter(int requests, int status) {
        failAfterRequests = requestUris.size() + requests;
        failAfterStatus = status;
    }

    /** @return every request's URI, in order */
    synchronized List<String> requestUris() {
        return List.copyOf(requestUris);
    }

    private void store(String id, ObjectNode json) {
        Instant at = tick();
        json.put("updatedAt", at.toString());
        candidates.remove(id);
        candidates.put(id, new Entry(id, at, json));
    }

    private Instant tick() {
        now = now.plusSeconds(1);
        return now;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                requestUris.add(exchange.getRequestURI().toString());
                Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
                if (!"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
                    send(exchange, 404, error("no such route"));
                } else if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    send(exchange, 401, error("invalid API key"));
                } else if (!ACCOUNT.equals(path.group(1))) {
                    send(exchange, 404, error("no such account"));
                } else if (!failures.isEmpty()) {
                    int status = failures.poll();
                    if (status == 429) {
                        exchange.getResponseHeaders().add("Retry-After", "7");
                    }
                    send(exchange, status, error("failing on purpose"));
                } else if (failAfterRequests >= 0 && requestUris.size() > failAfterRequests) {
                    send(exchange, failAfterStatus, error("failing on purpose"));
                } else {
                    send(exchange, 200, page(query(exchange.getRequestURI().getRawQuery())));
                }
            }
        }
    }

    private ObjectNode page(Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        String after = query.getOrDefault("after", "");
        Comparator<Entry> feed = Comparator.comparing(Entry::changedAt).thenComparing(Entry::id);
        List<Entry> newer = candidates.values().stream().filter(e -> after.isEmpty() || cursor(e).compareTo(after) > 0)
                .sorted(feed).toList();
        List<Entry> page = newer.subList(0, Math.min(limit, newer.size()));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("candidates");
        page.forEach(e -> list.add(e.json()));
        body.put("next", page.isEmpty() ? after : cursor(page.get(page.size() - 1)));
        body.put("hasMore", newer.size() > page.size());
        body.put("total", candidates.size());
        return body;
    }

    /** Cursors compare as strings in feed order: fixed-width epoch milliseconds, then the id. */
    private static String cursor(Entry e) {
        return "%015d~%s".formatted(e.changedAt().toEpochMilli(), e.id());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return out;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

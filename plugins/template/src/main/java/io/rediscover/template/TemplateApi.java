package io.rediscover.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.pluginapi.BudgetExhaustedException;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one call the template connector makes, and the one place that knows HTTP: every answer of the ATS becomes a
 * page or a {@link ConnectorException} of the right {@link ErrorKind}. Replace it with your ATS's API.
 *
 * <pre>
 * GET {baseUrl}/v1/accounts/{accountId}/candidates?limit=N[&amp;after=CURSOR]
 * Authorization: Bearer {apiKey}
 *
 * 200 {"candidates": [...], "next": "CURSOR", "hasMore": true, "total": 1234}
 * </pre>
 * Candidates come in the order of their last change (deletions included, as {@code "deleted": true}); {@code next}
 * is an opaque cursor after the last one returned, so a later call with it returns only what changed since. 401 is a
 * wrong API key, 404 an unknown account, 429 a rate limit with {@code Retry-After} seconds, 5xx a passing fault. Every
 * request counts against the account's daily quota (the descriptor's {@code RequestQuota}); the host's client refuses
 * one once the connection's budget for the day is spent.
 */
final class TemplateApi {

    /** The endpoint's name in request counts (the run's API cost in the host's run history and metrics). */
    static final String ENDPOINT = "GET candidates";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectorContext context;
    private final TemplateSettings settings;
    private final String accountId;
    private final String apiKey;
    private long requests;

    TemplateApi(ConnectorContext context, TemplateSettings settings, Credentials credentials) throws ConnectorException {
        this.context = context;
        this.settings = settings;
        this.accountId = credentials.require(TemplateDescriptor.ACCOUNT_ID);
        this.apiKey = credentials.require(TemplateDescriptor.API_KEY);
    }

    /**
     * One page of candidates.
     *
     * @param after a cursor from an earlier page, or null for the beginning
     * @param limit at most this many
     * @return the page
     * @throws ConnectorException when the ATS refuses, fails or cannot be reached, or the run was stopped
     */
    Page page(String after, int limit) throws ConnectorException {
        context.cancellation().throwIfRequested();
        String query = "limit=" + limit + (after == null || after.isEmpty() ? "" : "&after=" + encode(after));
        URI uri = settings.baseUrl().resolve("v1/accounts/" + encode(accountId) + "/candidates?" + query);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + apiKey) // a header: never in a URL that could be logged
                .header("Accept", "application/json")
                .GET().build();
        requests++;
        HttpResponse<byte[]> response;
        try {
            response = context.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (BudgetExhaustedException e) {
            // The connection's budget for today is spent and the request never left; every page before it is
            // checkpointed, so the run ends here and the host resumes it after the reset. Caught before IOException:
            // this one is not worth retrying.
            throw e.toConnectorException();
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Template ATS at " + uri.getHost() + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(ErrorKind.TRANSIENT, "stopped on request", e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return parse(response.body());
        }
        throw switch (status) {
            case 401, 403 -> ConnectorException.config(TemplateDescriptor.API_KEY,
                    "Template ATS did not accept the API key (HTTP " + status + "): create a new read-only key and enter it");
            case 404 -> ConnectorException.config(TemplateDescriptor.ACCOUNT_ID,
                    "Template ATS knows no account '" + accountId + "'");
            case 429 -> ConnectorException.rateLimited("Template ATS asked us to slow down (HTTP 429)",
                    retryAfter(response).orElse(null));
            default -> new ConnectorException(status >= 500 ? ErrorKind.TRANSIENT : ErrorKind.INTERNAL,
                    "Template ATS answered HTTP " + status + " to " + ENDPOINT);
        };
    }

    /** @return requests made by this client so far */
    long requests() {
        return requests;
    }

    private static Page parse(byte[] body) throws ConnectorException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            // A cut-off body is the usual cause: the next run reads the page again.
            throw new ConnectorException(ErrorKind.TRANSIENT, "Template ATS answered a page that is not JSON", e);
        } catch (IOException e) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Template ATS's page could not be read", e);
        }
        if (root == null || !root.path("candidates").isArray() || !root.path("next").isTextual()) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "Template ATS answered a page without candidates or next");
        }
        List<JsonNode> candidates = new ArrayList<>();
        root.path("candidates").forEach(candidates::add);
        return new Page(candidates, root.path("next").asText(), root.path("hasMore").asBoolean(false),
                root.path("total").asLong(-1));
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * @param candidates the candidates as the ATS wrote them, mapped one by one by {@link TemplateMapper}
     * @param next       the cursor after the last of them
     * @param hasMore    whether another page follows now
     * @param total      the account's candidates, or -1 when not said
     */
    record Page(List<JsonNode> candidates, String next, boolean hasMore, long total) {
    }
}

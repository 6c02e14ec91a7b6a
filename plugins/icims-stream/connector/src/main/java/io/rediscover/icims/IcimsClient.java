package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.record.AtsDocument;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The iCIMS REST endpoints of one customer, typed: search for ids, GET a profile, fetch a resume. Answers are classified
 * by HTTP status and iCIMS error code (§5.2, §5.3): 404 code 2 is gone, 404 code 3 is not visible to this user, 403 is
 * a permission the integration user lacks (configuration), 400 on a search is a query iCIMS does not accept.
 */
final class IcimsClient {

    static final int PAGE = 1_000;

    private final IcimsHttp http;
    private final IcimsSettings settings;
    private final String customerId;

    IcimsClient(IcimsHttp http, IcimsSettings settings, String customerId) {
        this.http = http;
        this.settings = settings;
        this.customerId = customerId;
    }

    IcimsHttp http() {
        return http;
    }

    private URI api(String path) {
        return URI.create(settings.apiBaseUrl() + "/customers/" + customerId + path);
    }

    /** One filter of a search, in iCIMS's grammar. */
    record Filter(String name, List<String> value, List<String> secondaryValue, String operator) {
        static Filter of(String name, String operator, String value) {
            return new Filter(name, List.of(value), null, operator);
        }

        /** @return an equality filter that matches any of {@code ids} ([ASSUME] several values: any of them) */
        static Filter anyOf(String name, List<Long> ids) {
            return new Filter(name, ids.stream().map(String::valueOf).toList(), null, "=");
        }
    }

    /** Receives one page of a search: the ids above {@code afterId}, ascending. */
    @FunctionalInterface
    interface PageHandler {
        void page(long afterId, List<Long> ids) throws ConnectorException;
    }

    /**
     * Pages through a search by id (§2.6): ids above {@code afterId}, 1,000 at a time, until a page has fewer.
     *
     * @return the last id seen, or {@code afterId} when there was none
     */
    long forEachPage(IcimsType type, List<Filter> filters, long afterId, int staleness, PageHandler handler)
            throws ConnectorException {
        long after = afterId;
        List<Long> page;
        do {
            page = searchPage(type, filters, after, staleness);
            handler.page(after, page);
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1);
            }
        } while (page.size() == PAGE);
        return after;
    }

    /**
     * One page of ids, ascending, above {@code afterId}.
     *
     * @param staleness search cache minutes, or -1 for iCIMS's default
     * @return up to 1,000 ids; fewer means the last page
     */
    List<Long> searchPage(IcimsType type, List<Filter> filters, long afterId, int staleness) throws ConnectorException {
        Exchange.Reply r = search(type, filters, afterId, staleness);
        if (r.status() == 400) {
            throw new ConnectorException(ErrorKind.INTERNAL, "iCIMS rejected the " + type.segment + " search: "
                    + r.errorMessage());
        }
        return ids(type, r);
    }

    /**
     * The workflows of these people: one equality search on {@code applicantworkflow.person.id} (documented; no range on
     * the reference field), paged by workflow id.
     *
     * @param people person ids
     * @return their workflow ids, or empty when iCIMS refuses the search (400)
     */
    Optional<List<Long>> workflowsOf(List<Long> people) throws ConnectorException {
        List<Filter> byPerson = List.of(Filter.anyOf(IcimsType.WORKFLOWS.prefix + ".person.id", people));
        List<Long> out = new ArrayList<>();
        long after = 0;
        while (true) {
            Exchange.Reply r = search(IcimsType.WORKFLOWS, byPerson, after, -1);
            if (r.status() == 400) {
                return Optional.empty();
            }
            List<Long> page = ids(IcimsType.WORKFLOWS, r);
            out.addAll(page);
            if (page.size() < PAGE) {
                return Optional.of(out);
            }
            after = page.get(page.size() - 1);
        }
    }

    /** @return whether iCIMS accepts this search (a 400 says it does not), for probing what a tenant supports */
    boolean accepts(IcimsType type, List<Filter> filters) throws ConnectorException {
        Exchange.Reply r = search(type, filters, 0, -1);
        if (r.status() == 400) {
            return false;
        }
        ids(type, r);
        return true;
    }

    private Exchange.Reply search(IcimsType type, List<Filter> filters, long afterId, int staleness) throws ConnectorException {
        ObjectNode body = http.json().createObjectNode();
        ArrayNode list = body.putArray("filters");
        List<Filter> all = new ArrayList<>(filters);
        all.add(Filter.of(type.prefix + ".id", ">", Long.toString(afterId)));
        for (Filter f : all) {
            ObjectNode o = list.addObject().put("name", f.name()).put("operator", f.operator());
            f.value().forEach(o.putArray("value")::add);
            if (f.secondaryValue() != null) {
                f.secondaryValue().forEach(o.putArray("secondaryValue")::add);
            }
        }
        body.put("operator", "&");
        String query = staleness >= 0 ? "?staleness=" + staleness : "";
        return http.send("search/" + type.segment, api("/search/" + type.segment + query), body.toString(), Exchange.Body.JSON);
    }

    private List<Long> ids(IcimsType type, Exchange.Reply r) throws ConnectorException {
        if (r.status() == 403) {
            throw forbidden("search/" + type.segment, r);
        }
        if (!r.ok()) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "iCIMS search/" + type.segment + " answered " + r.status()
                    + ": " + r.errorMessage());
        }
        JsonNode results = r.json().get("searchResults");
        if (results == null || !results.isArray()) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "iCIMS search/" + type.segment + " returned no searchResults");
        }
        List<Long> ids = new ArrayList<>(results.size());
        for (JsonNode hit : results) {
            JsonNode id = hit.get("id");
            try {
                ids.add(id.isNumber() ? id.asLong() : Long.parseLong(id.asText().strip()));
            } catch (RuntimeException e) {
                throw new ConnectorException(ErrorKind.ATS_DATA, "iCIMS search returned an id that is not a number: " + id);
            }
        }
        ids.sort(null);
        return ids;
    }

    private static ConnectorException forbidden(String endpoint, Exchange.Reply r) {
        return ConnectorException.config(null, "iCIMS refused the integration user on " + endpoint + " (403: "
                + r.errorMessage() + "); check its permissions and the IP allow-list");
    }

    /** A profile GET's outcome. */
    sealed interface Got {
        /** @param body the profile */
        record Found(JsonNode body) implements Got {
        }

        /** 404 code 2: the record no longer exists. */
        record Gone() implements Got {
        }

        /** 404 code 3: it exists, but this user may not see it. */
        record AccessLost() implements Got {
        }
    }

    Got get(IcimsType type, long id, List<String> fields) throws ConnectorException {
        String endpoint = "GET " + type.segment;
        Exchange.Reply r = http.send(endpoint, api("/" + type.segment + "/" + id + "?fields=" + String.join(",", fields)),
                null, Exchange.Body.JSON);
        if (r.ok()) {
            return new Got.Found(r.json());
        }
        if (r.status() == 403) {
            throw forbidden(endpoint, r);
        }
        if (r.status() == 404) {
            return switch (r.errorCode()) {
                case IcimsAssumptions.CODE_ACCESS_DENIED -> new Got.AccessLost();
                case IcimsAssumptions.CODE_NOT_FOUND -> new Got.Gone();
                default -> confirmMissing(type, id, fields);
            };
        }
        throw new ConnectorException(ErrorKind.ATS_DATA, "iCIMS " + endpoint + " " + id + " answered " + r.status() + ": "
                + r.errorMessage());
    }

    /** A 404 without a readable code: asked once more before it is believed (§5.3). */
    private Got confirmMissing(IcimsType type, long id, List<String> fields) throws ConnectorException {
        Exchange.Reply again = http.send("GET " + type.segment, api("/" + type.segment + "/" + id + "?fields=id"), null,
                Exchange.Body.JSON);
        if (again.status() == 404) {
            return again.errorCode() == IcimsAssumptions.CODE_ACCESS_DENIED ? new Got.AccessLost() : new Got.Gone();
        }
        return get(type, id, fields);
    }

    /** @return the person's resume, or empty when they have none */
    Optional<AtsDocument> resume(long personId) throws ConnectorException {
        Exchange.Reply r = http.send("GET resume", api("/people/" + personId + "/fields/resume/binary"), null,
                Exchange.Body.BYTES);
        // No resume is JSON instead of a file (a 404 with errors, or a 200 JSON body per pyicims) [OBS C1, ASSUME].
        if (r.status() == 404 || r.contentType().contains("json")) {
            return Optional.empty();
        }
        if (r.status() == 403) {
            throw forbidden("GET resume", r);
        }
        if (!r.ok()) {
            throw new ConnectorException(ErrorKind.ATS_DATA, "iCIMS resume of person " + personId + " answered " + r.status());
        }
        String type = r.contentType().isBlank() ? "application/octet-stream" : r.contentType().split(";")[0].strip();
        return Optional.of(new AtsDocument(fileName(personId, type), type, r.body()));
    }

    private static String fileName(long personId, String mediaType) {
        String ext = switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "application/msword" -> ".doc";
            case "text/plain" -> ".txt";
            case "application/rtf", "text/rtf" -> ".rtf";
            default -> "";
        };
        return "resume-" + personId + ext;
    }

    /**
     * {@code GET /customers/{id}}, a cheap authenticated call (§3.1).
     *
     * @return whether this integration user may use the customer: 2xx yes; 403, 404 or fresh tokens refused (iCIMS
     *         credentials are issued per customer) no
     */
    boolean customerAnswers() throws ConnectorException {
        try {
            return http.send("customer", URI.create(settings.apiBaseUrl() + "/customers/" + customerId), null,
                    Exchange.Body.JSON).ok();
        } catch (TokenRefused notOurs) {
            return false;
        }
    }
}

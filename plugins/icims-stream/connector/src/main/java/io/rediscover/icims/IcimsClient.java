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

/** The iCIMS endpoints this connector uses, typed: search for ids, GET a profile, fetch a resume, read the stream. */
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

    String customerId() {
        return customerId;
    }

    private URI api(String path) {
        return URI.create(settings.apiBaseUrl() + "/customers/" + customerId + path);
    }

    /** One filter of a search, in iCIMS's grammar. */
    record Filter(String name, List<String> value, List<String> secondaryValue, String operator) {
        static Filter of(String name, String operator, String value) {
            return new Filter(name, List.of(value), null, operator);
        }
    }

    /**
     * One page of ids, ascending, above {@code afterId}.
     *
     * @param type      profile type
     * @param filters   filters besides the paging one
     * @param afterId   ids must be greater than this
     * @param staleness search cache minutes, or -1 for iCIMS's default
     * @return up to 1,000 ids; fewer means the last page
     */
    List<Long> searchPage(IcimsType type, List<Filter> filters, long afterId, int staleness) throws ConnectorException {
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
        IcimsHttp.Reply r = http.send("search/" + type.segment, api("/search/" + type.segment + query), body.toString(),
                IcimsHttp.Body.JSON);
        if (r.status() == 400) {
            throw new ConnectorException(ErrorKind.INTERNAL, "iCIMS rejected the " + type.segment + " search: "
                    + r.errorMessage() + " (query " + body + ")");
        }
        if (r.status() / 100 != 2) {
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
        IcimsHttp.Reply r = http.send(endpoint, api("/" + type.segment + "/" + id + "?fields=" + String.join(",", fields)),
                null, IcimsHttp.Body.JSON);
        if (r.status() / 100 == 2) {
            return new Got.Found(r.json());
        }
        if (r.status() == 404) {
            int code = r.errorCode();
            if (code == IcimsAssumptions.CODE_ACCESS_DENIED) {
                return new Got.AccessLost();
            }
            if (code == IcimsAssumptions.CODE_NOT_FOUND) {
                return new Got.Gone();
            }
            // A 404 without a readable code: confirm once before believing it (§5.3).
            IcimsHttp.Reply again = http.send(endpoint, api("/" + type.segment + "/" + id + "?fields=id"), null, IcimsHttp.Body.JSON);
            if (again.status() == 404) {
                return again.errorCode() == IcimsAssumptions.CODE_ACCESS_DENIED ? new Got.AccessLost() : new Got.Gone();
            }
            return get(type, id, fields);
        }
        throw new ConnectorException(ErrorKind.ATS_DATA, "iCIMS " + endpoint + " " + id + " answered " + r.status() + ": "
                + r.errorMessage());
    }

    Optional<AtsDocument> resume(long personId) throws ConnectorException {
        IcimsHttp.Reply r = http.send("GET resume", api("/people/" + personId + "/fields/resume/binary"), null,
                IcimsHttp.Body.BYTES);
        // No resume is JSON instead of a file (a 404 with errors, or a 200 JSON body per pyicims) [OBS C1, ASSUME].
        if (r.status() == 404 || r.contentType().contains("json")) {
            return Optional.empty();
        }
        if (r.status() / 100 != 2) {
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

    /** The customer profile: a cheap authenticated call. */
    void customer() throws ConnectorException {
        IcimsHttp.Reply r = http.send("customer", URI.create(settings.apiBaseUrl() + "/customers/" + customerId), null,
                IcimsHttp.Body.JSON);
        if (r.status() / 100 != 2) {
            throw ConnectorException.config(IcimsDescriptor.STREAM_ID, "iCIMS customer " + customerId + " answered "
                    + r.status() + ": " + r.errorMessage());
        }
    }

    /** One page of stream events. */
    record EventPage(List<JsonNode> events, String lastEvaluatedKey) {
    }

    EventPage events(String subscriptionId, String startKey) throws ConnectorException {
        String query = startKey == null ? "" : "?exclusiveStartKey=" + IcimsHttp.enc(startKey);
        URI uri = URI.create(settings.streamBaseUrl() + "/datastream/v2/streams/" + customerId + "/subscriptions/"
                + subscriptionId + "/events" + query);
        IcimsHttp.Reply r = http.send("stream/events", uri, null, IcimsHttp.Body.JSON);
        if (r.status() / 100 != 2) {
            throw new ConnectorException(ErrorKind.TRANSIENT, "iCIMS stream events answered " + r.status() + ": " + r.errorMessage());
        }
        List<JsonNode> events = new ArrayList<>();
        r.json().path("events").forEach(events::add);
        String last = r.json().path("lastEvaluatedKey").asText(null);
        return new EventPage(events, last == null || last.isBlank() ? null : last);
    }
}

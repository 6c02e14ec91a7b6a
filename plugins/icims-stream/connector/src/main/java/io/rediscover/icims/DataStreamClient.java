package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Data Stream v2 endpoints (§4.2: paths and page envelope [OBS C3], everything else [ASSUME]). Nothing about them
 * is published, so every answer that is not usable (403 without a licence, 404, fresh tokens refused, an unknown shape)
 * comes back as {@link Answer.Unusable} with the reason, for the caller to fall back on; only passing faults are
 * exceptions.
 */
final class DataStreamClient {

    /** An answer of the stream, or why there is none. */
    sealed interface Answer<T> {
        /** @param value what the stream said */
        record Usable<T>(T value) implements Answer<T> {
        }

        /** @param reason why the stream cannot be used, for the org admin */
        record Unusable<T>(String reason) implements Answer<T> {
        }

        /** @return the next step on a usable answer; an unusable one stays unusable, with its reason */
        default <R> Answer<R> then(Function<T, Answer<R>> next) {
            return this instanceof Usable<T> usable ? next.apply(usable.value()) : new Unusable<>(((Unusable<T>) this).reason());
        }
    }

    /** One page of events and the key to continue after it (null on the last page). */
    record EventPage(List<JsonNode> events, String lastEvaluatedKey) {
    }

    private final IcimsHttp http;
    private final String base;

    DataStreamClient(IcimsHttp http, IcimsSettings settings) {
        this.http = http;
        this.base = settings.streamBaseUrl() + "/datastream/v2/streams/";
    }

    /** @return the {@code streams} entries of the listing */
    Answer<List<JsonNode>> streams() throws ConnectorException {
        return fetch("stream/streams", URI.create(base)).then(body -> entries(body, "streams"));
    }

    /** @param key the path key: a customer id or a Stream ID @return the {@code subscriptions} entries under it */
    Answer<List<JsonNode>> subscriptions(String key) throws ConnectorException {
        return fetch("stream/subscriptions", URI.create(base + enc(key) + "/subscriptions"))
                .then(body -> entries(body, "subscriptions"));
    }

    /** @return one page of events after {@code startKey} (null: from the start) */
    Answer<EventPage> events(StreamAccess.Subscription subscription, String startKey) throws ConnectorException {
        String query = startKey == null ? "" : "?exclusiveStartKey=" + enc(startKey);
        URI uri = URI.create(base + enc(subscription.pathKey()) + "/subscriptions/" + enc(subscription.id()) + "/events" + query);
        return fetch("stream/events", uri).then(body -> entries(body, "events").then(events -> {
            String last = body.path("lastEvaluatedKey").asText(null);
            return new Answer.Usable<>(new EventPage(events, last == null || last.isBlank() ? null : last));
        }));
    }

    private static Answer<List<JsonNode>> entries(JsonNode body, String key) {
        JsonNode entries = body.get(key);
        if (entries == null || !entries.isArray()) {
            return new Answer.Unusable<>("the Data Stream answered without a '" + key + "' list");
        }
        List<JsonNode> out = new ArrayList<>();
        entries.forEach(out::add);
        return new Answer.Usable<>(out);
    }

    /** The JSON body of a 2xx; a refusal (403 without a licence, 404, fresh tokens refused) is the stream's answer. */
    private Answer<JsonNode> fetch(String endpoint, URI uri) throws ConnectorException {
        Exchange.Reply r;
        try {
            r = http.send(endpoint, uri, null, Exchange.Body.JSON);
        } catch (TokenRefused refused) {
            return new Answer.Unusable<>(refused.getMessage());
        }
        if (r.ok()) {
            return new Answer.Usable<>(r.json());
        }
        String message = r.json() == null ? "" : r.json().path("message").asText(r.errorMessage());
        return new Answer.Unusable<>("iCIMS " + endpoint + " answered " + r.status() + (message.isBlank() ? "" : ": " + message));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorException;

import java.net.URI;

/**
 * Turns the Stream ID an org admin enters into the iCIMS customer id and Data Stream subscription: the stream
 * listing names each stream's customer, and that customer's subscriptions name their stream ([ASSUME] shape, §4.3).
 */
final class StreamResolver {

    /** @param customerId the iCIMS customer @param subscriptionId the stream's subscription */
    record Resolved(String customerId, String subscriptionId) {
    }

    private StreamResolver() {
    }

    static Resolved resolve(IcimsHttp http, IcimsSettings settings, String streamId) throws ConnectorException {
        String base = settings.streamBaseUrl() + "/datastream/v2/streams/";
        IcimsHttp.Reply streams = http.send("stream/streams", URI.create(base), null, IcimsHttp.Body.JSON);
        if (streams.status() / 100 != 2) {
            throw ConnectorException.config(IcimsDescriptor.STREAM_ID, "iCIMS could not list data streams ("
                    + streams.status() + "): " + streams.errorMessage());
        }
        String customerId = null;
        for (JsonNode s : streams.json().path("streams")) {
            if (streamId.equals(s.path("streamId").asText())) {
                customerId = s.path("customerId").asText(null);
            }
        }
        if (customerId == null) {
            throw ConnectorException.config(IcimsDescriptor.STREAM_ID, "iCIMS knows no data stream '" + streamId
                    + "' for this integration user; check the Stream ID iCIMS gave you");
        }
        IcimsHttp.Reply subs = http.send("stream/subscriptions", URI.create(base + customerId + "/subscriptions"), null,
                IcimsHttp.Body.JSON);
        if (subs.status() / 100 == 2) {
            for (JsonNode s : subs.json().path("subscriptions")) {
                if (streamId.equals(s.path("streamId").asText())) {
                    return new Resolved(customerId, s.path("subscriptionId").asText());
                }
            }
        }
        throw ConnectorException.config(IcimsDescriptor.STREAM_ID, "data stream '" + streamId
                + "' has no subscription for iCIMS customer " + customerId + "; ask iCIMS to subscribe it");
    }
}

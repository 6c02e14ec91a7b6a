package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The wire shapes of the Data Stream v2 stand-in (E1), all in one place. The paths and the page envelope
 * {@code {"events":[…],"lastEvaluatedKey":"…"}} are [OBS C3]; everything else is our [ASSUME]: iCIMS has
 * published no event schema.
 *
 * <pre>
 * GET /datastream/v2/streams/
 *   {"streams":[{"streamId":"3f0c…","customerId":"1234"}]}
 * GET /datastream/v2/streams/{customerId or streamId}/subscriptions
 *   {"subscriptions":[{"subscriptionId":"…","streamId":"…","customerId":"1234",
 *                      "profileTypes":["person","job","applicantworkflow"]}]}
 * GET /datastream/v2/streams/{customerId or streamId}/subscriptions/{subscriptionId}/events[?exclusiveStartKey=K]
 *   {"events":[{"eventId":"17","profileType":"person","systemId":"5003","eventType":"updated",
 *               "last_updated_timestamp":"2025-06-02T09:14:00Z"},
 *              {"eventId":"18","profileType":"person","systemId":"5004","eventType":"merged",
 *               "mergedInto":"5003","last_updated_timestamp":"…"}],
 *    "lastEvaluatedKey":"18"}
 * </pre>
 *
 * Resolving a Stream ID: a client that holds only the stream id lists {@code /streams/} to find its
 * customer, or passes the stream id itself in the {@code {customerId}} segment (both are accepted), then
 * takes the subscription whose {@code streamId} matches. Modes of {@link SimulatorConfig} take those
 * conveniences away one by one: listings without {@code streamId}, paths keyed by the customer id only, and
 * no licence at all (every stream path answers 403 {@code {"message":…}}). {@code eventType} is one of
 * created/updated/deleted/merged; {@code systemId} is a string as in iCIMS event payloads [DOC S17].
 * Paging: pass {@code lastEvaluatedKey} as {@code exclusiveStartKey}; it is absent on the last page. To
 * resume later from where a run ended, pass the {@code eventId} of the last event processed: event ids are
 * the keys.
 */
final class DataStreamFormat {
    private final ObjectMapper json;

    DataStreamFormat(ObjectMapper json) {
        this.json = json;
    }

    String streams(String streamId, String customerId) {
        ObjectNode body = json.createObjectNode();
        body.putArray("streams").addObject().put("streamId", streamId).put("customerId", customerId);
        return body.toString();
    }

    /** @param streamId the stream to name in the entry, or null for a listing that does not echo it */
    String subscriptions(String subscriptionId, String streamId, String customerId) {
        ObjectNode body = json.createObjectNode();
        ObjectNode s = body.putArray("subscriptions").addObject().put("subscriptionId", subscriptionId);
        if (streamId != null) {
            s.put("streamId", streamId);
        }
        s.put("customerId", customerId);
        ArrayNode types = s.putArray("profileTypes");
        for (ProfileType t : ProfileType.values()) {
            types.add(t.eventProfileType());
        }
        return body.toString();
    }

    String page(List<ChangeEvent> events, boolean more) {
        ObjectNode body = json.createObjectNode();
        ArrayNode arr = body.putArray("events");
        for (ChangeEvent e : events) {
            ObjectNode o = arr.addObject()
                    .put("eventId", Long.toString(e.sequence()))
                    .put("profileType", e.profileType().eventProfileType())
                    .put("systemId", Long.toString(e.systemId()))
                    .put("eventType", e.type().wireName());
            if (e.mergedInto() != null) {
                o.put("mergedInto", e.mergedInto().toString());
            }
            o.put("last_updated_timestamp", e.timestamp().toString());
        }
        if (more && !events.isEmpty()) {
            body.put("lastEvaluatedKey", Long.toString(events.get(events.size() - 1).sequence()));
        }
        return body.toString();
    }

    String error(String message) {
        return json.createObjectNode().put("message", message).toString();
    }
}

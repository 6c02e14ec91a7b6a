package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorException;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns the Stream ID an org admin enters into the iCIMS customer and, when it can be used, the Data Stream
 * subscription. Nothing about the Data Stream is published (§4.3), so each step is a tolerant guess that falls back to
 * the next one, and a stream that cannot be used at all is not an error: the connector then finds changes by search.
 *
 * <p>The customer: the stream listing's entry for the Stream ID; else a subscription entry that names its customer;
 * else the Stream ID itself, when it is numeric (customer ids are, §1.1) and {@code GET /customers/{id}} answers,
 * which is how a tenant without a Data Stream licence connects.
 *
 * <p>The subscription, in this order: one under the customer that names the stream; one under the stream path keyed by
 * the Stream ID itself (the one that names the stream, else the only one); the customer's only subscription. Its
 * events must then read.
 */
final class StreamResolver {

    private final IcimsHttp http;
    private final IcimsSettings settings;
    private final DataStreamClient stream;

    StreamResolver(IcimsHttp http, IcimsSettings settings) {
        this.http = http;
        this.settings = settings;
        this.stream = new DataStreamClient(http, settings);
    }

    StreamAccess resolve(String streamId) throws ConnectorException {
        DataStreamClient.Answer<List<JsonNode>> listing = stream.streams();
        Optional<String> customer = customerOf(entries(listing).stream().filter(names(streamId)).toList());
        List<JsonNode> underCustomer = customer.isPresent() ? entries(stream.subscriptions(customer.get())) : List.of();

        Optional<JsonNode> named = underCustomer.stream().filter(names(streamId)).findFirst();
        if (named.isPresent()) {
            return readable(customer.get(), subscription(customer.get(), named.get()),
                    "the subscription that names stream " + streamId);
        }
        List<JsonNode> underStream = entries(stream.subscriptions(streamId));
        customer = customer.or(() -> customerOf(underStream));
        Optional<JsonNode> keyed = underStream.stream().filter(names(streamId)).findFirst()
                .or(() -> underStream.size() == 1 ? Optional.of(underStream.get(0)) : Optional.empty());
        if (keyed.isPresent()) {
            String customerId = customer.isPresent() ? customer.get() : customerFromStreamId(streamId, "no customer named");
            return readable(customerId, subscription(streamId, keyed.get()), "the subscription under the stream path " + streamId);
        }
        if (customer.isPresent() && underCustomer.size() == 1) {
            return readable(customer.get(), subscription(customer.get(), underCustomer.get(0)),
                    "the only subscription of customer " + customer.get());
        }
        String why = listing instanceof DataStreamClient.Answer.Unusable<List<JsonNode>> refused ? refused.reason()
                : "no subscription found for stream " + streamId;
        String customerId = customer.isPresent() ? customer.get() : customerFromStreamId(streamId, why);
        return new StreamAccess(customerId, Optional.empty(), why);
    }

    /** The access, once one page of the subscription's events has been read; else the access without a stream. */
    private StreamAccess readable(String customerId, StreamAccess.Subscription subscription, String howFound)
            throws ConnectorException {
        if (stream.events(subscription, null) instanceof DataStreamClient.Answer.Unusable<DataStreamClient.EventPage> u) {
            return new StreamAccess(customerId, Optional.empty(), "its events do not read: " + u.reason());
        }
        return new StreamAccess(customerId, Optional.of(subscription), howFound);
    }

    private static Optional<String> customerOf(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("customerId").asText("")).filter(c -> !c.isBlank()).findFirst();
    }

    /** Without a stream that names the customer, a numeric Stream ID may be the customer id itself. */
    private String customerFromStreamId(String streamId, String why) throws ConnectorException {
        if (IcimsAssumptions.couldBeCustomerId(streamId) && new IcimsClient(http, settings, streamId).customerAnswers()) {
            return streamId;
        }
        throw ConnectorException.config(IcimsDescriptor.STREAM_ID, "iCIMS knows no data stream '" + streamId
                + "' for this integration user (" + why + "), and it is not a customer id this user may read; check "
                + "the Stream ID iCIMS gave you, or enter your iCIMS customer id if you have no Data Stream");
    }

    private static List<JsonNode> entries(DataStreamClient.Answer<List<JsonNode>> answer) {
        return answer instanceof DataStreamClient.Answer.Usable<List<JsonNode>> u ? u.value() : List.of();
    }

    private static Predicate<JsonNode> names(String streamId) {
        return entry -> streamId.equals(entry.path("streamId").asText());
    }

    private static StreamAccess.Subscription subscription(String pathKey, JsonNode entry) {
        return new StreamAccess.Subscription(pathKey, entry.path("subscriptionId").asText());
    }
}

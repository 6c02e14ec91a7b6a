package io.rediscover.icims;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ConnectorLog;

import java.util.Optional;

/**
 * Reads the Data Stream's change events for a run, when the stream can be used. A stream that stops answering usably
 * in the middle of a run (a licence withdrawn, an unknown shape) is not a failure: the run carries on without events,
 * keeps its key, and finds changes by search; {@link #used()} then says so.
 */
final class StreamEvents {

    /** Receives one event. */
    @FunctionalInterface
    interface Handler {
        void event(JsonNode event) throws ConnectorException;
    }

    private final DataStreamClient stream;
    private final Optional<StreamAccess.Subscription> subscription;
    private final ConnectorLog log;
    private boolean used;

    StreamEvents(DataStreamClient stream, Optional<StreamAccess.Subscription> subscription, ConnectorLog log) {
        this.stream = stream;
        this.subscription = subscription;
        this.log = log;
        this.used = subscription.isPresent();
    }

    /** @return whether this run has the stream's events (none missed): only then may changes be trusted to it */
    boolean used() {
        return used;
    }

    /**
     * @param key the key after which to read (null: from the start)
     * @return the key after the last event read; {@code key} itself when there was none or the stream is unusable
     */
    String read(String key, Handler handler) throws ConnectorException {
        if (!used) {
            return key;
        }
        String last = key;
        while (true) {
            DataStreamClient.Answer<DataStreamClient.EventPage> answer = stream.events(subscription.get(), last);
            if (answer instanceof DataStreamClient.Answer.Unusable<DataStreamClient.EventPage> unusable) {
                log.warn("the iCIMS Data Stream cannot be read ({}); this run finds changes by search alone", unusable.reason());
                used = false;
                return key;
            }
            DataStreamClient.EventPage page = ((DataStreamClient.Answer.Usable<DataStreamClient.EventPage>) answer).value();
            String lastEvent = last;
            for (JsonNode e : page.events()) {
                handler.event(e);
                lastEvent = e.path("eventId").asText(lastEvent);
            }
            if (page.lastEvaluatedKey() == null || page.events().isEmpty()) {
                // The last page has no key: the next run goes on after its last event, whose id is its key [ASSUME],
                // so no event is read (and no record read again) twice.
                return page.lastEvaluatedKey() != null ? page.lastEvaluatedKey() : lastEvent;
            }
            last = page.lastEvaluatedKey();
        }
    }

    /** @return the stream's current end, so a full download reads events from now on */
    String end() throws ConnectorException {
        return read(null, e -> { });
    }
}

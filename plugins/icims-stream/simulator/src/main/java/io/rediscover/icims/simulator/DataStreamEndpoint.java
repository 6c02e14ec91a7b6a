package io.rediscover.icims.simulator;

import java.util.List;

/** E1 Data Stream v2 stand-in: stream list, subscriptions, paged events. Shapes in {@link DataStreamFormat}. */
final class DataStreamEndpoint {
    private final DataStreamFormat format;
    private final EventLog events;
    private final String customerId;
    private final String streamId;
    private final String subscriptionId;
    private final int pageSize;
    private final SimulatorConfig config;
    private volatile boolean licensed;

    DataStreamEndpoint(DataStreamFormat format, EventLog events, String customerId, String streamId,
                       String subscriptionId, SimulatorConfig config) {
        this.format = format;
        this.events = events;
        this.customerId = customerId;
        this.streamId = streamId;
        this.subscriptionId = subscriptionId;
        this.pageSize = config.streamPageSize;
        this.config = config;
        this.licensed = config.dataStreamLicensed;
    }

    /** Grants or withdraws the Data Stream licence while the simulator runs. */
    void setLicensed(boolean licensed) {
        this.licensed = licensed;
    }

    boolean licensed() {
        return licensed;
    }

    SimResponse handle(SimRequest request, ApiRoute route) {
        if (!request.method().equals("GET")) {
            return SimResponse.json(405, format.error("Method not allowed"));
        }
        if (!licensed) {
            return SimResponse.json(403, format.error("The integration user is not licensed for the Data Stream"));
        }
        if (route.streamKey() == null) {
            return SimResponse.json(200, format.streams(streamId, customerId));
        }
        boolean known = route.streamKey().equals(customerId)
                || (config.streamPathAcceptsStreamId && route.streamKey().equals(streamId));
        if (!known) {
            return SimResponse.json(404, format.error("Stream not found: " + route.streamKey()));
        }
        if (route.subscriptionId() == null) {
            return SimResponse.json(200, format.subscriptions(subscriptionId,
                    config.subscriptionsNameStream ? streamId : null, customerId));
        }
        if (!route.subscriptionId().equals(subscriptionId)) {
            return SimResponse.json(404, format.error("Subscription not found: " + route.subscriptionId()));
        }
        long after = 0;
        String key = request.param("exclusiveStartKey");
        if (key != null && !key.isBlank()) {
            try {
                after = Long.parseLong(key.trim());
            } catch (NumberFormatException e) {
                return SimResponse.json(400, format.error("Invalid exclusiveStartKey: " + key));
            }
        }
        List<ChangeEvent> page = events.after(after, pageSize);
        boolean more = !page.isEmpty() && page.get(page.size() - 1).sequence() < events.size();
        return SimResponse.json(200, format.page(page, more));
    }
}

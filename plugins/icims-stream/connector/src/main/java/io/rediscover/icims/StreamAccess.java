package io.rediscover.icims;

import java.util.Optional;

/**
 * What a Stream ID resolved to: the iCIMS customer, and the Data Stream subscription to read change events from when
 * the stream can be used.
 *
 * @param customerId   the iCIMS customer id every REST path starts with
 * @param subscription where the events are, or empty when the Data Stream cannot be used
 * @param howFound     how the subscription (or its absence) was established, for logs and the org admin
 */
record StreamAccess(String customerId, Optional<Subscription> subscription, String howFound) {

    /**
     * A Data Stream subscription.
     *
     * @param pathKey the key in {@code /streams/{key}/subscriptions/…}: the customer id or the Stream ID
     * @param id      the subscription id
     */
    record Subscription(String pathKey, String id) {
    }

    /** @return the warning an org admin should see, when changes cannot come from the Data Stream */
    Optional<String> warning() {
        return subscription.isPresent() ? Optional.empty() : Optional.of("The iCIMS Data Stream cannot be used ("
                + howFound + "). Rediscover still finds every change, by searching for updated records on each sync "
                + "and by the weekly reconciliation, so deletions may show up a little later.");
    }
}

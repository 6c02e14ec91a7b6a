package io.rediscover.pluginapi.sync;

import io.rediscover.pluginapi.ConnectorException;

/** Receives, one by one, the ids of a reconciliation that the ATS did not list; see {@link SyncSink#forEachUnseen}. */
@FunctionalInterface
public interface UnseenHandler {

    /**
     * @param externalId an id the host mirrors that the plugin did not report as seen
     * @throws ConnectorException to stop the walk and fail the run
     */
    void accept(String externalId) throws ConnectorException;
}

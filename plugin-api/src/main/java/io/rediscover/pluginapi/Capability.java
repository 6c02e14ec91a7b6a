package io.rediscover.pluginapi;

/**
 * Something a connector can do for an organisation; an org admin ticks a subset of a connector's capabilities
 * when creating a connection.
 */
public enum Capability {
    /**
     * Two-way rediscovery: the host mirrors the ATS's candidates and jobs every day and makes them searchable in
     * "Your ATS". Requires {@link AtsConnector#openSync}.
     */
    REDISCOVERY
}

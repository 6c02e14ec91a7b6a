package io.rediscover.candidates;

import io.rediscover.mirror.ConnectionRef;
import io.rediscover.pluginapi.ConnectorDescriptor;

import java.util.Optional;

/**
 * Which connector a connection uses, for labelling its ATS data with the connector's declared profile fields. Owned
 * here, implemented where connections are kept.
 */
public interface ConnectionDescriptors {

    /**
     * @param ref a connection
     * @return its connector's descriptor, if the connection exists and its plugin is installed
     */
    Optional<ConnectorDescriptor> descriptor(ConnectionRef ref);
}

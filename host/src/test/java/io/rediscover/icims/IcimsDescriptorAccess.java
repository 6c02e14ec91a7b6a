package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorDescriptor;


/**
 * The iCIMS credential fields as the host sees them, for tests that create a connection before any host runs (the
 * host has no compile-time access to the plugin, so this mirrors the three fields the descriptor declares).
 */
public final class IcimsDescriptorAccess {

    /** @return a descriptor with the iCIMS credential fields (which one is secret matters for sealing) */
    public ConnectorDescriptor descriptor() {
        return ConnectorDescriptor.builder("icims-stream", "iCIMS Stream")
                .capabilities(io.rediscover.pluginapi.Capability.REDISCOVERY)
                .credentials(io.rediscover.pluginapi.CredentialField.text("clientId", "Client ID").asRequired(),
                        io.rediscover.pluginapi.CredentialField.secret("clientSecret", "Client Secret").asRequired(),
                        io.rediscover.pluginapi.CredentialField.text("streamId", "Stream ID").asRequired())
                .build();
    }

}

package io.rediscover.icims;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.sync.SyncSource;
import org.pf4j.Extension;

/** The iCIMS Stream connector: mirrors people, recruiting workflows and jobs of one iCIMS customer. */
@Extension
public final class IcimsStreamConnector implements AtsConnector {

    @Override
    public ConnectorDescriptor descriptor() {
        return IcimsDescriptor.DESCRIPTOR;
    }

    @Override
    public CheckResult check(Credentials credentials, ConnectorContext context) throws ConnectorException {
        throw ConnectorException.config(null, "verifying iCIMS credentials is not available in this version of the "
                + "iCIMS Stream plugin; it arrives with the iCIMS client");
    }

    @Override
    public SyncSource openSync(Credentials credentials, ConnectorContext context) throws ConnectorException {
        throw ConnectorException.config(null, "syncing from iCIMS is not available in this version of the iCIMS "
                + "Stream plugin; it arrives with the iCIMS client");
    }
}

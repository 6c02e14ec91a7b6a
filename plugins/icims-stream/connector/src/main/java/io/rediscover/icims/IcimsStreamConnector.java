package io.rediscover.icims;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.ErrorKind;
import io.rediscover.pluginapi.sync.SyncSource;
import org.pf4j.Extension;

import java.util.List;

/** The iCIMS Stream connector: mirrors people, recruiting workflows and jobs of one iCIMS customer. */
@Extension
public final class IcimsStreamConnector implements AtsConnector {

    @Override
    public ConnectorDescriptor descriptor() {
        return IcimsDescriptor.DESCRIPTOR;
    }

    /** Token, stream resolution, one real search: what a sync needs first, each failure naming its field. */
    @Override
    public CheckResult check(Credentials credentials, ConnectorContext context) throws ConnectorException {
        IcimsSettings full = IcimsSettings.from(context);
        // A check answers a person waiting at a form: one retry, not a run's patience.
        IcimsSettings settings = new IcimsSettings(full.apiBaseUrl(), full.tokenUrl(), full.streamBaseUrl(), full.audience(),
                full.linkedinFieldIds(), full.overlap(), full.getConcurrency(), full.reconcileEvery(), full.requestTimeout(),
                Math.min(1, full.maxRetries()), full.retryBase(), full.staleness());
        IcimsHttp http = new IcimsHttp(context, settings, credentials, new RequestCounter());
        try {
            http.token();
            StreamResolver.Resolved resolved = StreamResolver.resolve(http, settings, credentials.require(IcimsDescriptor.STREAM_ID));
            IcimsClient client = new IcimsClient(http, settings, resolved.customerId());
            client.customer();
            client.searchPage(IcimsType.PEOPLE, List.of(), 0, -1);
            return CheckResult.ok();
        } catch (ConnectorException e) {
            if (e.kind() == ErrorKind.CONFIG) {
                return CheckResult.failed(e.field().orElse(null), e.getMessage());
            }
            if (e.kind() == ErrorKind.TRANSIENT && e.getMessage().contains("token endpoint")) {
                return CheckResult.failed(null, "cannot reach iCIMS at " + settings.tokenUrl().getHost() + ": " + e.getMessage());
            }
            if (e.kind() == ErrorKind.TRANSIENT) {
                return CheckResult.failed(null, "cannot reach iCIMS at " + settings.apiBaseUrl().getHost() + ": " + e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public SyncSource openSync(Credentials credentials, ConnectorContext context) throws ConnectorException {
        IcimsSettings settings = IcimsSettings.from(context);
        IcimsHttp http = new IcimsHttp(context, settings, credentials, new RequestCounter());
        StreamResolver.Resolved resolved = StreamResolver.resolve(http, settings, credentials.require(IcimsDescriptor.STREAM_ID));
        return new IcimsSync(context, settings, http, new IcimsClient(http, settings, resolved.customerId()),
                resolved.subscriptionId());
    }
}

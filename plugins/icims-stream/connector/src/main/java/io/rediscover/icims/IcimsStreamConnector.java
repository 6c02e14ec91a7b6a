package io.rediscover.icims;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.sync.SyncSource;
import org.pf4j.Extension;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The iCIMS Stream connector: mirrors people, recruiting workflows and jobs of one iCIMS customer. */
@Extension
public final class IcimsStreamConnector implements AtsConnector {

    @Override
    public ConnectorDescriptor descriptor() {
        return IcimsDescriptor.DESCRIPTOR;
    }

    /**
     * What a sync needs first, each failure naming its field: a token, the customer and stream, one real search of
     * people, one of workflows by their own id and one by person. What works less well than it could (no usable Data
     * Stream, workflows that cannot be paged or found by person) passes with a warning rather than refusing the
     * connection.
     */
    @Override
    public CheckResult check(Credentials credentials, ConnectorContext context) throws ConnectorException {
        // A check answers a person waiting at a form: one retry, not a run's patience.
        IcimsSettings configured = IcimsSettings.from(context);
        IcimsSettings settings = configured.withMaxRetries(Math.min(1, configured.maxRetries()));
        IcimsHttp http = IcimsHttp.open(context, settings, credentials);
        try {
            http.tokens().current();
        } catch (ConnectorException e) {
            return failure(e, settings.tokenUrl());
        }
        try {
            StreamAccess access = new StreamResolver(http, settings).resolve(credentials.require(IcimsDescriptor.STREAM_ID));
            IcimsClient client = new IcimsClient(http, settings, access.customerId());
            if (!client.customerAnswers()) {
                return CheckResult.failed(IcimsDescriptor.STREAM_ID, "iCIMS customer " + access.customerId()
                        + " (found through the Stream ID) does not answer for this integration user");
            }
            client.searchPage(IcimsType.PEOPLE, List.of(), 0, -1);
            List<String> warnings = new ArrayList<>();
            access.warning().ifPresent(warnings::add);
            if (!client.accepts(IcimsType.WORKFLOWS, List.of())) {
                warnings.add("iCIMS refused to page recruiting workflows by applicantworkflow.id, which the sync relies "
                        + "on: the sync will stop at workflows with the reason. Ask iCIMS to enable that search filter.");
            } else if (client.workflowsOf(List.of(0L)).isEmpty()) {
                warnings.add("iCIMS refused to search recruiting workflows by applicantworkflow.person.id: during the "
                        + "first download, candidates arrive without their workflows, which follow at its end.");
            }
            return warnings.isEmpty() ? CheckResult.ok() : CheckResult.okWithWarning(String.join(" ", warnings));
        } catch (ConnectorException e) {
            return failure(e, settings.apiBaseUrl());
        }
    }

    /** What the org admin can act on, or wait out, is a failed check; a rate limit and faults of ours are thrown. */
    private static CheckResult failure(ConnectorException e, URI host) throws ConnectorException {
        return switch (e.kind()) {
            case CONFIG -> CheckResult.failed(e.field().orElse(null), e.getMessage());
            case TRANSIENT -> CheckResult.failed(null, "cannot reach iCIMS at " + host.getHost() + ": " + e.getMessage());
            case RATE_LIMITED, ATS_DATA, INTERNAL -> throw e; // the host retries a rate limit; the rest are ours
        };
    }

    @Override
    public SyncSource openSync(Credentials credentials, ConnectorContext context) throws ConnectorException {
        IcimsSettings settings = IcimsSettings.from(context);
        IcimsHttp http = IcimsHttp.open(context, settings, credentials);
        StreamAccess access = new StreamResolver(http, settings).resolve(credentials.require(IcimsDescriptor.STREAM_ID));
        return new IcimsSync(context, settings, new IcimsClient(http, settings, access.customerId()),
                new DataStreamClient(http, settings), access);
    }
}

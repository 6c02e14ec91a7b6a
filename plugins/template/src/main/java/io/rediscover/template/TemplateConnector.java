package io.rediscover.template;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorDescriptor;
import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.pluginapi.sync.SyncSource;
import org.pf4j.Extension;

/**
 * The template connector: mirrors the candidates of one account of "Template ATS", a small REST API
 * ({@link TemplateApi}). Stateless and shared by every connection: everything per run lives in {@link TemplateSync}.
 */
@Extension
public final class TemplateConnector implements AtsConnector {

    @Override
    public ConnectorDescriptor descriptor() {
        return TemplateDescriptor.DESCRIPTOR;
    }

    /**
     * Reads one candidate for real. What the org admin can fix (a wrong key, an unknown account) or wait out (the ATS
     * unreachable) is a failed check naming the field; a rate limit and faults of ours are thrown.
     */
    @Override
    public CheckResult check(Credentials credentials, ConnectorContext context) throws ConnectorException {
        TemplateApi api = new TemplateApi(context, TemplateSettings.from(context), credentials);
        try {
            api.page(null, 1);
            return CheckResult.ok();
        } catch (ConnectorException e) {
            return switch (e.kind()) {
                case CONFIG -> CheckResult.failed(e.field().orElse(null), e.getMessage());
                case TRANSIENT -> CheckResult.failed(null, e.getMessage());
                case RATE_LIMITED, ATS_DATA, INTERNAL -> throw e;
            };
        }
    }

    @Override
    public SyncSource openSync(Credentials credentials, ConnectorContext context) throws ConnectorException {
        TemplateSettings settings = TemplateSettings.from(context);
        return new TemplateSync(context, settings, new TemplateApi(context, settings, credentials));
    }
}

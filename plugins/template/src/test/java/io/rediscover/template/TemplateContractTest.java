package io.rediscover.template;

import io.rediscover.pluginapi.AtsConnector;
import io.rediscover.pluginapi.testkit.ConnectorContractTest;

import java.util.Map;

/**
 * The host's contract, run against the template connector and its fake ATS: keep this class when you copy the
 * template and point it at your fake.
 */
class TemplateContractTest extends ConnectorContractTest {

    static final int PEOPLE = 230;

    private FakeAts ats;

    @Override
    protected AtsConnector connector() {
        return new TemplateConnector();
    }

    @Override
    protected Map<String, String> startAts() {
        ats = FakeAts.start(PEOPLE);
        // Pages of 50: a full read has five checkpoints, enough for the kit's crash at the third.
        return Map.of("baseUrl", ats.baseUrl(), "pageSize", "50");
    }

    @Override
    protected void stopAts() {
        ats.close();
    }

    @Override
    protected Map<String, String> goodCredentials() {
        return Map.of(TemplateDescriptor.ACCOUNT_ID, FakeAts.ACCOUNT, TemplateDescriptor.API_KEY, FakeAts.API_KEY);
    }

    @Override
    protected Map<String, Map<String, String>> badCredentialsByField() {
        return Map.of(
                TemplateDescriptor.ACCOUNT_ID, Map.of(TemplateDescriptor.ACCOUNT_ID, "nobody", TemplateDescriptor.API_KEY, FakeAts.API_KEY),
                TemplateDescriptor.API_KEY, Map.of(TemplateDescriptor.ACCOUNT_ID, FakeAts.ACCOUNT, TemplateDescriptor.API_KEY, "tk_live_wrong"));
    }

    @Override
    protected int candidateCount() {
        return PEOPLE;
    }

    @Override
    protected void changeCandidates(int n) {
        ats.change(n);
    }

    @Override
    protected boolean isFakeAtsThread(String threadName) {
        return FakeAts.ownsThread(threadName);
    }
}

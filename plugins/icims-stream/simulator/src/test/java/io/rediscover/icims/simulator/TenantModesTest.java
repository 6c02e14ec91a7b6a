package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static io.rediscover.icims.simulator.SimHttp.filter;
import static io.rediscover.icims.simulator.SimHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modes that take away what no public page promises: a Data Stream that does not echo the stream id or is keyed
 * by the customer only, no Data Stream licence, no range filters on reference fields, tokens revoked under load, and
 * a 403 at the edge.
 */
class TenantModesTest {

    private IcimsSimulator sim;
    private SimHttp http;

    private SimHttp start(SimulatorConfig.Builder config) {
        sim = IcimsSimulator.start(config.people(30).seed(3).noise(false).tickingClock(false).dailyQuota(0).build());
        http = new SimHttp(sim);
        return http;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private String subscriptions(String key) {
        return "/datastream/v2/streams/" + key + "/subscriptions";
    }

    @Test
    void subscriptionListingsCanLeaveOutTheStreamIdAndPathsCanBeKeyedByTheCustomerOnly() {
        start(SimulatorConfig.builder().subscriptionsNameStream(false).streamPathAcceptsStreamId(false));
        JsonNode listing = SimHttp.json(http.get(subscriptions(sim.customerId())));
        assertThat(listing.at("/subscriptions/0/subscriptionId").asText()).isEqualTo(sim.subscriptionId());
        assertThat(listing.at("/subscriptions/0/customerId").asText()).isEqualTo(sim.customerId());
        assertThat(listing.at("/subscriptions/0").has("streamId")).isFalse();
        assertThat(http.get(subscriptions(sim.streamId())).statusCode()).isEqualTo(404);
        // The streams listing still names the stream and its customer.
        assertThat(SimHttp.json(http.get("/datastream/v2/streams/")).at("/streams/0/customerId").asText())
                .isEqualTo(sim.customerId());
    }

    @Test
    void withoutADataStreamLicenceEveryStreamPathAnswers403AndTheRestApiStillWorks() {
        start(SimulatorConfig.builder().dataStreamLicensed(false));
        for (String path : new String[] {"/datastream/v2/streams/", subscriptions(sim.customerId()),
                subscriptions(sim.customerId()) + "/" + sim.subscriptionId() + "/events"}) {
            HttpResponse<String> r = http.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(403);
            assertThat(SimHttp.json(r).get("message").asText()).contains("not licensed");
        }
        assertThat(http.searchIds("people", query(filter("person.id", ">", "0")))).hasSize(30);
        // The licence can be granted (and withdrawn) while the simulator runs.
        assertThat(SimHttp.json(http.control("PUT", "/datastream", "{\"licensed\":true}")).get("licensed").asBoolean()).isTrue();
        assertThat(http.get("/datastream/v2/streams/").statusCode()).isEqualTo(200);
    }

    @Test
    void aTenantWithoutRangeFiltersOnReferenceFieldsRefusesThemLikeAnyInvalidOperator() {
        start(SimulatorConfig.builder().referenceRangeFilters(false));
        long person = sim.tenant().ids(ProfileType.PERSON).get(0);
        HttpResponse<String> range = http.search("applicantworkflows", query(
                filter("applicantworkflow.person.id", ">=", Long.toString(person))), 0);
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(SimHttp.json(range).at("/errors/0/errorMessage").asText())
                .isEqualTo(SearchErrors.INVALID_FILTER_OPERATOR.formatted(">="));
        // Equality on the reference and ranges on the workflow's own id still work.
        assertThat(http.searchIds("applicantworkflows", query(filter("applicantworkflow.person.id", "=", Long.toString(person)))))
                .containsExactlyElementsOf(sim.tenant().workflowsOf(person).stream().map(Workflow::id).toList());
        assertThat(http.searchIds("applicantworkflows", query(filter("applicantworkflow.id", ">", "0"))))
                .hasSize(sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
    }

    @Test
    void tokensRevokedUnderLoadRefuseTheRequestThatDrewTheRevocation() {
        start(SimulatorConfig.builder().tokenRevocationRate(1.0));
        String path = "/customers/" + sim.customerId();
        assertThat(http.get(path).statusCode()).isEqualTo(401);
        http.forgetToken();
        assertThat(http.get(path).statusCode()).as("even a fresh token").isEqualTo(401);
        assertThat(sim.tokens().revocations()).isEqualTo(2);

        JsonNode off = SimHttp.json(http.control("PUT", "/tokens", "{\"revocationRate\":0}"));
        assertThat(off.get("revocations").asLong()).isEqualTo(2);
        http.forgetToken();
        assertThat(http.get(path).statusCode()).isEqualTo(200);
        assertThat(sim.tokens().revocations()).isEqualTo(2);
    }

    @Test
    void aForbiddenFaultAnswers403() {
        start(SimulatorConfig.builder());
        http.control("POST", "/faults", "{\"endpoint\":\"GET\",\"call\":1,\"fault\":{\"type\":\"FORBIDDEN\"}}");
        long person = sim.tenant().ids(ProfileType.PERSON).get(0);
        HttpResponse<String> r = http.get("/customers/" + sim.customerId() + "/people/" + person);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(http.get("/customers/" + sim.customerId() + "/people/" + person).statusCode()).isEqualTo(200);
    }
}

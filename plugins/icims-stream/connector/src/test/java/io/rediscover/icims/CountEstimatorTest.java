package io.rediscover.icims;

import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.ConnectorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before a download, the number of records is estimated within 20 % with at most 30 searches, also when deletions
 * and purges left gaps in the ids; the pages of the download then make it exact.
 */
class CountEstimatorTest {

    private Rig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private IcimsClient client() throws ConnectorException {
        IcimsSettings settings = IcimsSettings.from(rig.context);
        return new IcimsClient(IcimsHttp.open(rig.context, settings, rig.good()), settings, rig.sim.customerId());
    }

    /** Purges the people whose position in the id order matches, leaving gaps (their workflows go with them). */
    private void purge(LongPredicate byPosition) {
        List<Long> ids = rig.sim.tenant().ids(ProfileType.PERSON);
        rig.sim.tenant().deleteAll(ProfileType.PERSON,
                java.util.stream.IntStream.range(0, ids.size()).filter(i -> byPosition.test(i)).mapToObj(ids::get).toList());
    }

    private void assertEstimated(IcimsType type, ProfileType simType) throws ConnectorException {
        rig.sim.counters().reset();
        CountEstimator estimate = CountEstimator.probe(client(), type);
        long actual = rig.sim.tenant().size(simType);
        long searches = rig.sim.counters().count("SEARCH:" + simType.pathSegment());
        System.out.printf("estimate %s: %d of %d (%+.1f %%) with %d searches%n", type.segment, estimate.total(), actual,
                100.0 * (estimate.total() - actual) / actual, searches);
        assertThat(estimate.total()).as("estimate of %d %s", actual, type.segment)
                .isBetween(Math.round(actual * 0.8), Math.round(actual * 1.2));
        assertThat(searches).isLessThanOrEqualTo(CountEstimator.BUDGET);
    }

    @Test
    void aLargeTenantWithTheGapsOfOrdinaryDeletionsIsEstimatedClosely() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(60_000).jobs(50).seed(41));
        purge(i -> i % 7 == 3); // scattered deletions on top of the generator's own gaps
        assertEstimated(IcimsType.PEOPLE, ProfileType.PERSON);
        assertEstimated(IcimsType.WORKFLOWS, ProfileType.APPLICANT_WORKFLOW);
    }

    @Test
    void aPurgedBlockAndADenseBlockAreEstimatedClosely() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(40_000).jobs(50).seed(42));
        purge(i -> (i >= 8_000 && i < 20_000) || (i >= 30_000 && i % 4 != 0)); // a purge, and a thinned-out stretch
        assertEstimated(IcimsType.PEOPLE, ProfileType.PERSON);
        assertEstimated(IcimsType.WORKFLOWS, ProfileType.APPLICANT_WORKFLOW);
    }

    @Test
    void aSmallTenantIsCountedExactlyAndTheDownloadsPagesMakeAnyEstimateExact() throws Exception {
        rig = Rig.start(SimulatorConfig.builder().people(2_600).seed(43));
        IcimsClient client = client();
        assertThat(CountEstimator.probe(client, IcimsType.PEOPLE).total()).isEqualTo(rig.sim.tenant().size(ProfileType.PERSON));

        CountEstimator pages = CountEstimator.empty();
        pages.observe(0, client.searchPage(IcimsType.WORKFLOWS, List.of(), 0, -1));
        client.forEachPage(IcimsType.WORKFLOWS, List.of(), 0, -1, pages::observe);
        assertThat(pages.total()).isEqualTo(rig.sim.tenant().size(ProfileType.APPLICANT_WORKFLOW));
    }
}

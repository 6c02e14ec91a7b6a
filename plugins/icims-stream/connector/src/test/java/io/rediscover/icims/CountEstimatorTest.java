package io.rediscover.icims;

import io.rediscover.icims.simulator.ProfileType;
import io.rediscover.icims.simulator.SimulatorConfig;
import io.rediscover.pluginapi.ConnectorException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before a download, the number of records is estimated within 20 % with at most 30 searches, also when deletions
 * and purges left gaps in the ids; the pages of the download then make it exact.
 */
class CountEstimatorTest extends RigTest {

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
    void anUncountedRangeIsEstimatedFromTheDensityOnEitherSideIncludingTheTails() {
        CountEstimator estimate = CountEstimator.empty();
        estimate.observe(0, ids(1, 1_000, 1));          // 1,000 records in ids 1..1,000
        estimate.observe(4_000, ids(4_001, 4_998, 2));  // the tail: 499 records in ids 4,001..4,997, one in two
        // ids 1,001..4,000 are uncounted: estimated at the mean density of both sides, (1,000 + 499) / (1,000 + 997).
        assertThat(estimate.total()).isEqualTo(1_000 + 499 + Math.round(3_000 * 1_499 / 1_997.0));
        estimate.observe(1_000, ids(1_003, 4_000, 3));  // a full page of the ids between
        assertThat(estimate.total()).as("now counted").isEqualTo(1_000 + 1_000 + 499);
    }

    /**
     * Tenants too large to simulate in a test, as sorted id arrays searched like iCIMS does: the lowest 1,000 ids above
     * the bound.
     */
    @Test
    void millionsOfIdsWithPurgesAndSparseYearsAreEstimatedWithinTwentyPercent() throws Exception {
        java.util.Random random = new java.util.Random(44);
        Map<String, long[]> tenants = new java.util.LinkedHashMap<>();
        tenants.put("1M ids, 10 % deleted at random", keep(1, 1_100_000, id -> random.nextDouble() < 0.9));
        tenants.put("2M ids, a 40 % block purged", keep(1, 2_000_000, id -> id < 600_000 || id > 1_400_000));
        tenants.put("density falling from 1 to 0.1", keep(1, 3_000_000, id -> random.nextDouble() < 1 - 0.9 * id / 3e6));
        tenants.put("five 10 % blocks purged, the rest thinned by a fifth",
                keep(1, 3_000_000, id -> id % 600_000 >= 300_000 && random.nextDouble() < 0.8 || id % 600_000 < 240_000));
        for (Map.Entry<String, long[]> tenant : tenants.entrySet()) {
            long[] ids = tenant.getValue();
            int[] searches = {0};
            long total = CountEstimator.probe(after -> {
                searches[0]++;
                int at = java.util.Arrays.binarySearch(ids, after + 1);
                int from = at >= 0 ? at : -at - 1;
                return java.util.Arrays.stream(ids, from, Math.min(ids.length, from + IcimsClient.PAGE)).boxed().toList();
            }).total();
            System.out.printf("estimate %s: %d of %d (%+.1f %%) with %d searches%n", tenant.getKey(), total, ids.length,
                    100.0 * (total - ids.length) / ids.length, searches[0]);
            assertThat(total).as(tenant.getKey()).isBetween(Math.round(ids.length * 0.8), Math.round(ids.length * 1.2));
            assertThat(searches[0]).isLessThanOrEqualTo(CountEstimator.BUDGET);
        }
    }

    private static long[] keep(long from, long to, LongPredicate kept) {
        return java.util.stream.LongStream.rangeClosed(from, to).filter(kept).toArray();
    }

    private static List<Long> ids(long from, long to, int step) {
        return java.util.stream.LongStream.iterate(from, id -> id <= to, id -> id + step).boxed().toList();
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

package io.rediscover.icims.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static io.rediscover.icims.simulator.SimHttp.filter;
import static io.rediscover.icims.simulator.SimHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

/** A2 paging by id (C1), max 1,000 rows, D12 empty page after a full page, A3 staleness cache (C2). */
class PagingAndStalenessTest {
    static IcimsSimulator sim;
    static SimHttp http;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(3000).seed(5).noise(false).tickingClock(false)
                .clockStart(Instant.parse("2025-06-02T09:00:00Z")).dailyQuota(0).build());
        http = new SimHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Pages a query by {@code <prefix>.id >} until a short page; returns each page's size. */
    static List<Integer> pageAll(String type, String prefix, List<Long> collected) {
        List<Integer> sizes = new ArrayList<>();
        long last = 0;
        while (true) {
            List<Long> page = http.searchIds(type, query(filter(prefix + ".id", ">", Long.toString(last))));
            sizes.add(page.size());
            collected.addAll(page);
            if (page.size() < 1000) {
                return sizes;
            }
            assertThat(page).isSorted();
            last = page.get(page.size() - 1);
        }
    }

    @Test
    void exactMultipleOfAThousandNeedsOneMoreEmptyPage() {
        List<Long> ids = new ArrayList<>();
        assertThat(pageAll("people", "person", ids)).containsExactly(1000, 1000, 1000, 0);
        assertThat(new LinkedHashSet<>(ids)).hasSize(3000);
        assertThat(ids).isEqualTo(sim.tenant().ids(ProfileType.PERSON));
    }

    @Test
    void partialLastPageAcrossWorkflows() {
        List<Long> ids = new ArrayList<>();
        List<Integer> sizes = pageAll("applicantworkflows", "applicantworkflow", ids);
        int total = sim.tenant().size(ProfileType.APPLICANT_WORKFLOW);
        assertThat(total).isGreaterThan(2501);
        assertThat(sizes.size()).isGreaterThanOrEqualTo(3);
        assertThat(ids).doesNotHaveDuplicates().hasSize(total);
        assertThat(sizes.get(sizes.size() - 1)).isEqualTo(total % 1000);
    }

    @Test
    void incrementalQueryFindsRecentUpdateOnlyWhenNotServedStale() {
        long id = sim.tenant().ids(ProfileType.PERSON).get(10);
        String since = IcimsDates.formatDateTime(sim.clock().now().minus(Duration.ofMinutes(20)));
        String q = query(filter("person.updateddate", ">=", since));
        assertThat(ids(http.search("people", q))).doesNotContain(id); // fills the cache

        sim.clock().advance(Duration.ofMinutes(1));
        sim.tenant().updatePerson(id, Map.of("lastname", "Changedname"));
        // default staleness 15: the cached answer from a minute ago is served
        assertThat(ids(http.search("people", q))).doesNotContain(id);
        assertThat(ids(http.search("people", q, 5))).doesNotContain(id);
        // staleness=0 forces a live search
        assertThat(ids(http.search("people", q, 0))).contains(id);

        // a different spelling of the same query shares the cache entry: it is keyed by the normalised query
        String q2 = "{ \"operator\": \"&\", \"filters\": [ {\"operator\":\">=\", \"name\":\"person.updateddate\", \"value\":[\"" + since + "\"]} ] }";
        assertThat(ids(http.search("people", q2))).contains(id);

        String other = query(filter("person.updateddate", ">=", since), filter("person.id", ">", "0"));
        assertThat(ids(http.search("people", other))).contains(id);
        sim.tenant().updatePerson(sim.tenant().ids(ProfileType.PERSON).get(20), Map.of("lastname", "Later"));
        sim.clock().advance(Duration.ofMinutes(16));
        assertThat(ids(http.search("people", other))).contains(sim.tenant().ids(ProfileType.PERSON).get(20));
    }

    @Test
    void armedEmptyPageAfterFullPageStopsPaging() {
        sim.faults().arm(FaultRule.onCall(Endpoint.SEARCH, 2, new Fault.EmptySearchPage()));
        List<Long> ids = new ArrayList<>();
        assertThat(pageAll("people", "person", ids)).containsExactly(1000, 0);
        sim.faults().clear();
    }

    @Test
    void rejectsNegativeStaleness() {
        HttpResponse<String> r = http.search("people", query(filter("person.id", ">", "0")), -1);
        assertThat(r.statusCode()).isEqualTo(400);
    }

    static List<Long> ids(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        SimHttp.json(r).get("searchResults").forEach(n -> ids.add(n.get("id").asLong()));
        return ids;
    }
}

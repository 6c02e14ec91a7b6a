package io.rediscover.search;

import io.indextables.tantivy4java.aggregation.TermsResult;
import io.rediscover.index.CandidateFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When one shard's short list settles a facet, and when it must be asked for a longer one: the bounds a full list
 * gives (every value it does not list has at most its last count there), on lists as Tantivy answers them.
 */
class FacetMergeTest {

    private static final FilterCatalog.Filter STATUS = new FilterCatalog.Filter("status", "Status", "ats",
            FilterCatalog.Kind.TERMS, CandidateFields.ATS_PREFIX + "status");
    private static final FilterCatalog.Filter SKILL = new FilterCatalog.Filter("skill", "Skills", "power",
            FilterCatalog.Kind.TERMS, CandidateFields.FACET_PREFIX + "skill");

    /** @param counts value, count, value, count, … as a shard lists them (most first) */
    private static TermsResult list(Object... counts) {
        List<TermsResult.TermsBucket> buckets = new ArrayList<>();
        for (int i = 0; i < counts.length; i += 2) {
            buckets.add(new TermsResult.TermsBucket(counts[i], ((Number) counts[i + 1]).longValue()));
        }
        return new TermsResult("status", buckets, 0, 0);
    }

    private static Map<String, Long> shown(FacetMerge merge) {
        Map<String, Long> out = new LinkedHashMap<>();
        merge.top().forEach(v -> out.put(v.value(), v.count()));
        return out;
    }

    @Test
    void listsShorterThanAskedAreCompleteAndSettleEverything() {
        FacetMerge merge = new FacetMerge(STATUS, 2);
        merge.put(0, 4, list("Hired", 5, "Rejected", 3, "Offer", 1));
        merge.put(1, 4, list("Rejected", 4, "Offer", 2));
        assertThat(merge.longerLists()).isEmpty();
        assertThat(shown(merge)).containsExactly(Map.entry("Rejected", 7L), Map.entry("Hired", 5L));
    }

    @Test
    void aShardThatDoesNotListAShownValueIsAskedForMore() {
        FacetMerge merge = new FacetMerge(STATUS, 1);
        merge.put(0, 2, list("Hired", 50, "Offer", 40)); // full: what it leaves out has at most 40
        merge.put(1, 2, list("Rejected", 9, "Screen", 8)); // full: Hired may be there with up to 8
        assertThat(merge.longerLists()).as("Hired is shown; shard 1's count of it is unknown").containsOnlyKeys(1);
        assertThat(merge.longerLists().get(1)).isEqualTo(8);
        merge.put(1, 8, list("Rejected", 9, "Screen", 8, "Hired", 3));
        assertThat(merge.longerLists()).isEmpty();
        assertThat(shown(merge)).containsExactly(Map.entry("Hired", 53L));
    }

    @Test
    void aValueNoListNamesThatCouldPassTheLastShownIsLookedFor() {
        FacetMerge merge = new FacetMerge(STATUS, 1);
        merge.put(0, 2, list("A", 10, "B", 9));
        merge.put(1, 2, list("C", 10, "D", 9));
        // A has 10 and at most 9 in shard 1; C likewise: each could be 19, and E (in no list) up to 18
        assertThat(merge.longerLists()).containsOnlyKeys(0, 1);
        merge.put(0, 8, list("A", 10, "B", 9, "C", 9, "E", 1));
        merge.put(1, 8, list("C", 10, "D", 9, "A", 2));
        assertThat(merge.longerLists()).isEmpty();
        assertThat(shown(merge)).containsExactly(Map.entry("C", 19L));
    }

    @Test
    void longerListsGrowFourfoldThenAskForEveryValue() {
        FacetMerge merge = new FacetMerge(STATUS, 1);
        Object[] thousand = new Object[2_000];
        for (int i = 0; i < 1_000; i++) {
            thousand[2 * i] = "v" + i;
            thousand[2 * i + 1] = 1;
        }
        merge.put(0, 1_000, list(thousand)); // full, and does not list B
        merge.put(1, 1, list("B", 5)); // full: any v may have up to 5 more here
        assertThat(merge.longerLists()).containsExactly(Map.entry(0, FacetMerge.ALL), Map.entry(1, 4));
    }

    @Test
    void spellingsOfAPowerFilterValueAreOneValueUnderTheMostCommonSpelling() {
        FacetMerge merge = new FacetMerge(SKILL, 1);
        merge.put(0, 10, list("Java", 5, "JAVA", 2));
        merge.put(1, 10, list("java", 4));
        assertThat(merge.longerLists()).isEmpty();
        assertThat(shown(merge)).containsExactly(Map.entry("Java", 11L));
    }
}

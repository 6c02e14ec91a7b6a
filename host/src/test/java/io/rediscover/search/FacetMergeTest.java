package io.rediscover.search;

import io.indextables.tantivy4java.aggregation.TermsResult;
import io.rediscover.index.CandidateFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the parts' short lists settle a facet, and when a part is asked for the count of a shown value its full list
 * does not name; on lists as Tantivy answers them (of the values as filters match them: how spellings of one value are
 * counted as one is {@code ShardedFacetsTest}'s).
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
        assertThat(merge.unknownCounts()).isEmpty();
        assertThat(shown(merge)).containsExactly(Map.entry("Rejected", 7L), Map.entry("Hired", 5L));
    }

    @Test
    void aFullListThatDoesNotNameAShownValueIsAskedForItsCount() {
        FacetMerge merge = new FacetMerge(STATUS, 1);
        merge.put(0, 2, list("Hired", 50, "Offer", 40));
        merge.put(1, 2, list("Rejected", 9, "Screen", 8)); // full: Hired may be there with up to 8
        assertThat(merge.unknownCounts()).containsExactly(Map.entry(1, Set.of("Hired")));
        // the documents of part 1 that are Hired, aggregated: Hired, and what else they hold (here: nothing)
        merge.refine(1, Set.of("Hired"), list("Hired", 3));
        assertThat(merge.unknownCounts()).isEmpty();
        assertThat(shown(merge)).containsExactly(Map.entry("Hired", 53L));
    }

    @Test
    void aCountAskedForIsTakenAloneFromTheDocumentsHoldingIt() {
        FacetMerge merge = new FacetMerge(SKILL, 2);
        merge.put(0, 2, list("java", 50, "sql", 40));
        merge.put(1, 2, list("go", 9, "rust", 8));
        assertThat(merge.unknownCounts()).containsExactly(Map.entry(1, Set.of("java", "sql")));
        // the candidates of part 1 with java also hold go and sql: partial counts of those, left out
        merge.refine(1, Set.of("java", "sql"), list("go", 4, "java", 4, "sql", 1));
        assertThat(merge.unknownCounts()).isEmpty();
        assertThat(shown(merge)).as("java and sql counted in part 1, go's partial count ignored")
                .containsExactly(Map.entry("java", 54L), Map.entry("sql", 41L));
    }

    @Test
    void theValuesShownAreTheMostFrequentByWhatTheListsTell() {
        FacetMerge merge = new FacetMerge(STATUS, 2);
        merge.put(0, 2, list("A", 10, "B", 9)); // C has at most 9 here
        merge.put(1, 2, list("C", 10, "D", 9)); // and A at most 9 here
        assertThat(merge.unknownCounts()).containsExactly(Map.entry(0, Set.of("C")), Map.entry(1, Set.of("A")));
        merge.refine(0, Set.of("C"), list("C", 9));
        merge.refine(1, Set.of("A"), list("A", 2));
        assertThat(shown(merge)).containsExactly(Map.entry("C", 19L), Map.entry("A", 12L));
    }
}

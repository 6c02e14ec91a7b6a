package io.rediscover.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value counts a document carries for insights, and how they read back. */
class CandidateFieldsTest {

    private static final String SKILL = CandidateFields.FOLDED_PREFIX + "skill";
    private static final String LOCATION = CandidateFields.FOLDED_PREFIX + "location";
    private static final String YEARS = CandidateFields.NUMBER_PREFIX + "yearsexperience";

    @Test
    void aDocumentCountsTheValuesOfEachFieldItHoldsAndNothingForTheOthers() {
        IndexedCandidate c = new IndexedCandidate("o/c/1", "c", "1", Map.of(), Map.of(),
                Map.of(SKILL, List.of("java", "sql", "go"), LOCATION, List.of("boston, ma"),
                        CandidateFields.FACET_PREFIX + "skill", List.of("Java", "SQL", "Go"), "ats_status", List.of("Hired")),
                Map.of(YEARS, 7L), Map.of());
        List<CandidateFields.ValueCount> counts = CandidateFields.valueCounts(c);
        assertThat(counts).as("folded power filters and numbers only; a number is one value")
                .containsExactly(new CandidateFields.ValueCount(LOCATION, 1), new CandidateFields.ValueCount(SKILL, 3),
                        new CandidateFields.ValueCount(YEARS, 1));
        assertThat(counts).allSatisfy(v -> assertThat(CandidateFields.ValueCount.of(v.encoded())).isEqualTo(v));
        assertThat(counts.stream().map(CandidateFields.ValueCount::encoded).distinct()).hasSize(3);
    }

    @Test
    void aNumberNamingNoFieldIsRefused() {
        long beyond = CandidateFields.COUNTED.size() * 1_000_000L;
        assertThatThrownBy(() -> CandidateFields.ValueCount.of(beyond)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no counted field");
        assertThatThrownBy(() -> CandidateFields.ValueCount.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theValueCountsFieldIsPartOfTheFingerprint() {
        assertThat(new CandidateFields(Set.of("status"), Set.of()).describe()).contains(CandidateFields.VALUE_COUNTS + ":counts");
    }
}

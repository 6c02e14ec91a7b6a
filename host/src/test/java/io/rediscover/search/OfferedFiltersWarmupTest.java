package io.rediscover.search;

import io.rediscover.Host;
import io.rediscover.index.CandidateDocuments;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.IndexedCandidate;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which filters a collection offers is worked out after each publication in the background, not by the next search. */
class OfferedFiltersWarmupTest {

    private static final ConnectionRef CONNECTION = new ConnectionRef("acme", "c1");

    @TempDir
    Path dir;

    @Test
    void eachPublicationsOfferedFiltersAreKnownBeforeAnySearch() throws Exception {
        try (Host host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")),
                Map.of("sync.enabled", "false")))) {
            Indexes indexes = host.injector().getInstance(Indexes.class);
            SearchService search = host.injector().getInstance(SearchService.class);
            OrgIndex index = indexes.candidates("acme");

            index.write(List.of(candidate("p1", "skill", "Java")), List.of());
            indexes.publishNow();
            long first = index.generation();
            ApiFixture.await("the offered filters of the new publication", () -> search.offeredKnown(index));
            assertThat(search.offered(index, search.catalog())).extracting(FilterCatalog.Filter::key)
                    .contains("skill").doesNotContain("industry");

            index.write(List.of(candidate("p2", "industry", "Software")), List.of());
            indexes.publishNow();
            assertThat(index.generation()).isNotEqualTo(first);
            ApiFixture.await("the offered filters of the new publication", () -> search.offeredKnown(index));
            assertThat(search.offered(index, search.catalog())).extracting(FilterCatalog.Filter::key)
                    .contains("skill", "industry");
        }
    }

    private static IndexedCandidate candidate(String id, String facet, String value) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        CandidateFields.facet(facets, facet, Stream.of(value));
        return new IndexedCandidate(CandidateDocuments.key(CONNECTION, id), CONNECTION.connectionId(), id, Map.of("name", id),
                Map.of("all", id), facets, Map.of(), Map.of());
    }
}

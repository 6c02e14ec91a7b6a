package io.rediscover.index;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One candidate (or public profile) as the index holds it: the merged view flattened into the four kinds of fields the
 * index knows. Built by the package that merges ATS data, resume text and enrichment; the index only stores it.
 *
 * @param key          unique key of the document in its index ({@code org/connection/candidate} for ATS candidates)
 * @param connectionId the connection it came from (empty for public profiles): lets a removed connection's documents go
 * @param externalId   the id in its source (ATS id or profile id)
 * @param display      stored values for result lists, by {@link CandidateFields} display name (name, title, company,
 *                     location)
 * @param text         searchable text by text field, already analysed: terms separated by single spaces, in order
 * @param keywords     exact values by keyword field (filters, facets, insights), several per field allowed
 * @param numbers      whole numbers by numeric field (years of experience, years in role)
 * @param dates        instants by date field (last updated)
 */
public record IndexedCandidate(String key, String connectionId, String externalId, Map<String, String> display,
                               Map<String, String> text, Map<String, List<String>> keywords,
                               Map<String, Long> numbers, Map<String, Instant> dates) {

    /** Canonical constructor: copies every map. */
    public IndexedCandidate {
        Objects.requireNonNull(key, "key");
        connectionId = connectionId == null ? "" : connectionId;
        display = Map.copyOf(display);
        text = Map.copyOf(text);
        keywords = Map.copyOf(keywords);
        numbers = Map.copyOf(numbers);
        dates = Map.copyOf(dates);
    }
}

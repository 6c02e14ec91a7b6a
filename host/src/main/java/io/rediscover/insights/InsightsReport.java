package io.rediscover.insights;

import io.rediscover.search.FilterCatalog;
import io.rediscover.search.SearchRequest;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Insights with what a printed page or an exported file says on top: whose data, which search, when.
 *
 * @param org      the org's name (empty when the caller has none: a platform admin reading public profiles)
 * @param corpus   what was searched, as shown ("Your ATS", "Public profiles")
 * @param query    the query ("" for everything)
 * @param filters  each filter as a line ("Location: Boston, Zürich", "Years of Experience: 5–10")
 * @param date     the day it was made (UTC)
 * @param insights the insights
 */
public record InsightsReport(String org, String corpus, String query, List<String> filters, LocalDate date, Insights insights) {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Canonical constructor: copies the filters. */
    public InsightsReport {
        filters = List.copyOf(filters);
    }

    /**
     * @param org      the org's name, or empty
     * @param request  the validated request
     * @param now      when
     * @param insights its insights
     * @return the report
     */
    public static InsightsReport of(String org, InsightsRequest.Valid request, Instant now, Insights insights) {
        SearchRequest.Valid search = request.search();
        return new InsightsReport(org, search.corpus() == SearchRequest.Corpus.PUBLIC ? "Public profiles" : "Your ATS",
                search.query().strip(), search.selections().stream().map(InsightsReport::describe).toList(),
                LocalDate.ofInstant(now, ZoneOffset.UTC), insights);
    }

    /** @param s a filter selection @return it as a line */
    static String describe(SearchRequest.Selection s) {
        FilterCatalog.Filter f = s.filter();
        if (f.kind() == FilterCatalog.Kind.TERMS) {
            return f.label() + ": " + String.join(", ", s.values());
        }
        String from = bound(f, s.from());
        String to = bound(f, s.to());
        String range = from == null ? "up to " + to : to == null ? "from " + from : from.equals(to) ? from : from + "–" + to;
        return f.label() + ": " + range;
    }

    private static String bound(FilterCatalog.Filter f, Long v) {
        if (v == null) {
            return null;
        }
        return f.kind() == FilterCatalog.Kind.DATE_RANGE ? LocalDate.ofInstant(Instant.ofEpochSecond(v), ZoneOffset.UTC).toString()
                : Long.toString(v);
    }

    /** @return when the ATS data counted is as of ("2026-12-02 03:00 UTC"), or null (public profiles, no sync yet) */
    public String dataAsOf() {
        return insights.syncedAt() == null ? null : AS_OF.format(insights.syncedAt());
    }

    /** @return the export's file name: {@code insights-<org>-<yyyy-mm-dd>.xlsx}, the org's name in safe ASCII */
    public String fileName() {
        String ascii = Normalizer.normalize(org, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
        String name = ascii.length() > 60 ? ascii.substring(0, 60).replaceAll("-+$", "") : ascii;
        return "insights-" + (name.isEmpty() ? "rediscover" : name) + "-" + date + ".xlsx";
    }
}

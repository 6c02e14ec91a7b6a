package io.rediscover.search;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.indextables.tantivy4java.aggregation.AggregationResult;
import io.indextables.tantivy4java.aggregation.CountAggregation;
import io.indextables.tantivy4java.aggregation.CountResult;
import io.indextables.tantivy4java.aggregation.TermsAggregation;
import io.indextables.tantivy4java.aggregation.TermsResult;
import io.indextables.tantivy4java.core.DocAddress;
import io.indextables.tantivy4java.core.Document;
import io.indextables.tantivy4java.result.SearchResult;
import io.indextables.tantivy4java.split.SplitAggregation;
import io.indextables.tantivy4java.split.SplitBooleanQuery;
import io.indextables.tantivy4java.split.SplitMatchAllQuery;
import io.indextables.tantivy4java.split.SplitQuery;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.Indexes;
import io.rediscover.index.OrgIndex;
import io.rediscover.index.SplitPart;
import io.rediscover.pluginapi.FilterField;
import io.rediscover.plugins.ConnectorRegistry;
import io.rediscover.plugins.LoadedConnector;
import io.rediscover.web.ApiException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs searches against one collection: the query is parsed (our Boolean language), compiled twice, and sent to every
 * shard — ranked hits from each shard's index reader, exact totals and facets from its published splits, both at the
 * same commit — then merged. Which filters a collection offers (those it holds values for) is worked out once per
 * publication.
 */
@Singleton
public final class SearchService {

    /** Values per facet in a search answer. */
    static final int FACET_VALUES = 20;
    /**
     * Buckets each part lists per facet: a few more than shown, so that a part seldom has to be asked for a shown
     * value's count ({@link FacetMerge}). Every bucket listed costs: a list of a
     * thousand per shard made a search over a million candidates several times slower.
     */
    private static final int FIRST_LIST = FACET_VALUES * FacetMerge.OVERFETCH;
    private static final String TOTAL = "_total";

    private final Indexes indexes;
    private final ConnectorRegistry connectors;
    private final ValueLabels labels;
    private final Map<String, Offered> offered = new ConcurrentHashMap<>();
    /** Per split read (weakly: a retired split goes with its entry), what it holds. */
    private final Cache<Object, SplitFacts> splitFacts = CacheBuilder.newBuilder().weakKeys().build();
    private volatile Vocabulary vocabulary;

    /**
     * @param indexes    the collections
     * @param connectors their filters' labels
     * @param labels     how the facets' values are spelled
     */
    @Inject
    public SearchService(Indexes indexes, ConnectorRegistry connectors, ValueLabels labels) {
        this.indexes = indexes;
        this.connectors = connectors;
        this.labels = labels;
    }

    /**
     * @param corpus what a request searches
     * @param org    the caller's org, asked only for the org's candidates (a caller without one, such as a platform
     *               admin, is refused there, not for the public profiles)
     * @return the collection it reads: the public profiles, or the caller's own org's candidates (never another org's)
     */
    public OrgIndex collection(SearchRequest.Corpus corpus, Supplier<String> org) {
        return corpus == SearchRequest.Corpus.PUBLIC ? indexes.profiles() : indexes.candidates(org.get());
    }

    /** The filters and the parser of the installed connectors' fields. */
    record Vocabulary(FilterCatalog catalog, QueryParser parser, QueryCompiler compiler) {
    }

    private record Offered(long generation, List<FilterCatalog.Filter> filters) {
    }

    /** @return the filters and parser for the current fields */
    Vocabulary vocabulary() {
        Vocabulary v = vocabulary;
        if (v == null) {
            Map<String, String> labels = new HashMap<>();
            for (LoadedConnector c : connectors.connectors()) {
                for (FilterField f : c.descriptor().filters()) {
                    labels.putIfAbsent(f.key(), f.label());
                }
            }
            CandidateFields fields = indexes.fields();
            Set<String> ats = fields.atsTerms();
            v = new Vocabulary(new FilterCatalog(fields, labels), new QueryParser(ats), new QueryCompiler(ats));
            vocabulary = v;
        }
        return v;
    }

    /** @return every filter a search takes (the insights' categories are among them) */
    public FilterCatalog catalog() {
        return vocabulary().catalog();
    }

    /**
     * @param query the query text
     * @return it parsed, or null when blank (everything)
     * @throws ApiException 400 {@code invalid_query} with the column where the query goes wrong
     */
    ParsedQuery parse(String query) {
        if (query.isBlank()) {
            return null;
        }
        try {
            return vocabulary().parser().parse(query);
        } catch (QuerySyntaxException e) {
            throw ApiException.badQuery("query", e.getMessage(), e.column());
        }
    }

    /**
     * The query and filters of a search compiled for the published splits, whose aggregations count the result set
     * exactly (what insights aggregate over).
     *
     * @param request a validated search body
     * @return the split query selecting its result set
     * @throws ApiException 400 {@code invalid_query} when the query does not parse
     */
    public SplitQuery splitQuery(SearchRequest.Valid request) {
        ParsedQuery parsed = parse(request.query());
        return vocabulary().compiler().split(parsed == null ? null : parsed.root(), request.selections());
    }

    /** A hit before its page is known: where it is and how it ranks. */
    private record Ranked(int shard, int segment, int doc, double score, long updated) {
    }

    /**
     * @param index   the collection to search (an org's candidates, or the public profiles)
     * @param request the validated request
     * @param parsed  the parsed query, or null for everything
     * @param hitIds  turns a hit's stored key fields into its API id and ATS id
     * @return the answer, without snippets (the caller adds them, knowing where the texts are)
     */
    SearchResponse search(OrgIndex index, SearchRequest.Valid request, ParsedQuery parsed, HitIds hitIds) {
        return search(index, request, parsed, hitIds, true);
    }

    /**
     * @param facets whether to count the offered filters' values (the search benchmark measures what they cost)
     * @see #search(OrgIndex, SearchRequest.Valid, ParsedQuery, HitIds)
     */
    SearchResponse search(OrgIndex index, SearchRequest.Valid request, ParsedQuery parsed, HitIds hitIds, boolean facets) {
        long t0 = System.nanoTime();
        Vocabulary v = vocabulary();
        QueryNode root = parsed == null ? null : parsed.root();
        List<FilterCatalog.Filter> offer = offered(index, v.catalog());
        try (OrgIndex.Reading reading = index.read()) {
            SplitQuery query = v.compiler().split(root, request.selections());
            List<FilterCatalog.Filter> faceted = offer.stream().filter(f -> facets && f.kind() == FilterCatalog.Kind.TERMS).toList();
            List<SplitPart> parts = reading.parts();
            Supplier<Counted> counting = () -> counted(parts, query, faceted);
            Counted c;
            List<SearchResponse.Hit> hits;
            if (request.sort() == SearchRequest.Sort.RELEVANCE) {
                // the ranked page needs no total: it is read from the index while the splits count, on another core
                Fanout.Both<Counted, List<SearchResponse.Hit>> both = Fanout.both(counting,
                        () -> hits(reading, v, root, request, hitIds, query, -1));
                c = both.first();
                hits = both.second();
            } else {
                c = counting.get();
                hits = hits(reading, v, root, request, hitIds, query, c.total());
            }
            long total = c.total();
            Map<String, FacetMerge> merges = c.merges();
            Map<String, List<SearchResponse.Bucket>> facetValues = new LinkedHashMap<>();
            merges.forEach((key, merge) -> {
                List<FacetMerge.Value> top = merge.top();
                Map<String, String> label = labels.of(index, parts, merge.filter(),
                        top.stream().map(FacetMerge.Value::value).toList());
                facetValues.put(key, top.stream()
                        .map(value -> new SearchResponse.Bucket(label.get(value.value()), value.count())).toList());
            });
            List<SearchResponse.Warning> warnings = parsed == null ? List.of() : parsed.warnings().stream()
                    .map(w -> new SearchResponse.Warning(w.message(), w.column())).toList();
            return new SearchResponse(total, request.page(), request.size(), hits, facetValues,
                    offer.stream().map(f -> new SearchResponse.OfferedFilter(f.key(), f.label(), f.group(), f.kind())).toList(),
                    warnings, parsed == null ? "" : parsed.explain(), total > SearchRequest.MAX_DEPTH,
                    (System.nanoTime() - t0) / 1_000_000, null, null);
        }
    }

    /** A result set's exact total and its facets' values, merged over the parts. */
    private record Counted(long total, Map<String, FacetMerge> merges) {
    }

    /**
     * @param faceted the filters whose values are counted
     * @return the total and the facets of the parts' matches, every shown count exact
     */
    private static Counted counted(List<SplitPart> parts, SplitQuery query, List<FilterCatalog.Filter> faceted) {
        Map<FilterCatalog.Filter, Integer> firstLists = new LinkedHashMap<>();
        faceted.forEach(f -> firstLists.put(f, FIRST_LIST));
        // parts answer at once: a shard's whole split, and its recent changes' if any
        List<PartCounts> perPart = Fanout.each(parts.size(), p -> counts(parts.get(p), query, true, firstLists));
        Map<String, FacetMerge> merges = new LinkedHashMap<>();
        faceted.forEach(f -> merges.put(f.key(), new FacetMerge(f, FACET_VALUES)));
        for (int p = 0; p < perPart.size(); p++) {
            int part = p;
            perPart.get(p).facets().forEach((key, terms) -> merges.get(key).put(part, FIRST_LIST, terms));
        }
        refineCounts(parts, perPart, query, merges.values());
        return new Counted(perPart.stream().mapToLong(PartCounts::total).sum(), merges);
    }

    /** One part's exact total and terms aggregations by filter key (read before the result is closed). */
    private record PartCounts(long total, Map<String, TermsResult> facets) {
    }

    /**
     * @param total   whether to count the part's matches too
     * @param lengths the facets to list, with how many buckets each
     */
    private static PartCounts counts(SplitPart part, SplitQuery query, boolean total,
                                     Map<FilterCatalog.Filter, Integer> lengths) {
        Map<String, SplitAggregation> aggs = new LinkedHashMap<>();
        if (total) {
            aggs.put(TOTAL, new CountAggregation(TOTAL, CandidateFields.KEY));
        }
        // the values as filters match them (folded: one bucket per value whatever its spellings, so a listed count is
        // the value's whole count); each segment lists enough for what the part lists to be its exact counts
        lengths.forEach((f, n) -> aggs.put(f.key(), new TermsAggregation(f.key(), f.matchField(), n, part.segmentListSize(n))));
        try (SearchResult r = part.search(query, 0, aggs)) {
            // all at once: tantivy4java converts every aggregation of the result on each getAggregation call
            Map<String, AggregationResult> results = r.getAggregations();
            Map<String, TermsResult> facets = new HashMap<>();
            for (FilterCatalog.Filter f : lengths.keySet()) {
                if (results.get(f.key()) instanceof TermsResult t) {
                    facets.put(f.key(), t);
                }
            }
            return new PartCounts(total ? ((CountResult) results.get(TOTAL)).getCount() : 0, facets);
        }
    }

    /**
     * A part with at most this many matches that must be asked for shown values' counts is asked for every value of
     * those facets in one search (a few hundred buckets cost less than a search per facet); a larger one is asked per
     * facet, for those values alone.
     */
    private static final long SMALL_PART = 1_000;

    /**
     * Asks each part whose first list of a facet is full but does not name a shown value for that value's count: a
     * small part, every value of those facets at once; a larger one, per facet, the terms aggregation over the
     * documents holding the values.
     */
    private static void refineCounts(List<SplitPart> parts, List<PartCounts> perPart, SplitQuery query,
                                     Collection<FacetMerge> merges) {
        // what one part is asked: every value of some facets over its matches, or a facet's values over those holding them
        record Ask(int part, Map<FacetMerge, Set<String>> values, SplitQuery over) {
        }
        List<Ask> asks = new ArrayList<>();
        Map<Integer, Map<FacetMerge, Set<String>>> small = new TreeMap<>();
        merges.forEach(merge -> merge.unknownCounts().forEach((part, values) -> {
            if (perPart.get(part).total() <= SMALL_PART) {
                small.computeIfAbsent(part, p -> new LinkedHashMap<>()).put(merge, values);
            } else {
                asks.add(new Ask(part, Map.of(merge, values), new SplitBooleanQuery().addMust(query).addMust(
                        QueryCompiler.splitFilter(new SearchRequest.Selection(merge.filter(), List.copyOf(values), null, null)))));
            }
        }));
        small.forEach((part, values) -> asks.add(new Ask(part, values, query)));
        List<Map<String, TermsResult>> answers = Fanout.each(asks.size(), i -> {
            Ask ask = asks.get(i);
            Map<FilterCatalog.Filter, Integer> every = new LinkedHashMap<>();
            ask.values().keySet().forEach(merge -> every.put(merge.filter(), FacetMerge.ALL));
            return counts(parts.get(ask.part()), ask.over(), false, every).facets();
        });
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            Map<String, TermsResult> answer = answers.get(i);
            ask.values().forEach((merge, values) -> merge.refine(ask.part(), values, answer.get(merge.filter().key())));
        }
    }

    /** @param total the result set's size: the newest-first order needs it, relevance does not (-1) */
    private List<SearchResponse.Hit> hits(OrgIndex.Reading reading, Vocabulary v, QueryNode root,
                                          SearchRequest.Valid request, HitIds hitIds, SplitQuery query, long total) {
        int need = (int) Math.min((long) request.offset() + request.size(), SearchRequest.MAX_DEPTH);
        List<OrgIndex.RankedReader> readers = reading.ranked();
        List<Ranked> all;
        if (request.sort() == SearchRequest.Sort.RELEVANCE) {
            all = ranked(readers, v, root, request.selections(), need);
            all.sort(BEST_FIRST);
        } else {
            NewestFirst.Cut cut = NewestFirst.cut(reading.parts(), query, total, need);
            all = dated(readers, ranked(readers, v, root, cut.none() ? request.selections()
                    : plus(request.selections(), cut.newer()), need));
            all.sort(Comparator.comparingLong(Ranked::updated).reversed().thenComparing(BEST_FIRST));
            if (!cut.none()) {
                List<Ranked> at = ranked(readers, v, root, plus(request.selections(), cut.at()), need - all.size());
                at.sort(BEST_FIRST);
                all.addAll(at);
            }
        }
        List<Ranked> page = all.subList(Math.min(request.offset(), all.size()), Math.min(need, all.size()));
        Map<Ranked, SearchResponse.Hit> built = new HashMap<>();
        byShard(page).forEach((shard, ranked) -> {
            List<Document> docs = documents(readers.get(shard), ranked, HIT_FIELDS);
            for (int i = 0; i < ranked.size(); i++) {
                try (Document d = docs.get(i)) {
                    HitIds.Ids ids = hitIds.of(text(d, CandidateFields.CONNECTION), text(d, CandidateFields.EXTERNAL_ID));
                    built.put(ranked.get(i), new SearchResponse.Hit(ids.id(), ids.atsId(),
                            text(d, CandidateFields.DISPLAY_PREFIX + "name"), text(d, CandidateFields.DISPLAY_PREFIX + "title"),
                            text(d, CandidateFields.DISPLAY_PREFIX + "company"), text(d, CandidateFields.DISPLAY_PREFIX + "location"),
                            instant(d.getFirst(UPDATED)), Map.of(), "true".equals(text(d, CandidateFields.FACET_PREFIX + "matched"))));
                }
            }
        });
        return page.stream().map(built::get).toList();
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparingInt(Ranked::shard).thenComparingInt(Ranked::segment).thenComparingInt(Ranked::doc);
    private static final String UPDATED = CandidateFields.DATE_PREFIX + CandidateFields.UPDATED;
    private static final Set<String> HIT_FIELDS = Set.of(CandidateFields.KEY, CandidateFields.CONNECTION,
            CandidateFields.EXTERNAL_ID, CandidateFields.DISPLAY_PREFIX + "name", CandidateFields.DISPLAY_PREFIX + "title",
            CandidateFields.DISPLAY_PREFIX + "company", CandidateFields.DISPLAY_PREFIX + "location",
            CandidateFields.FACET_PREFIX + "matched", UPDATED);

    /** @return the best {@code limit} matches of every shard, unordered */
    private static List<Ranked> ranked(List<OrgIndex.RankedReader> readers, Vocabulary v, QueryNode root,
                                       List<SearchRequest.Selection> selections, int limit) {
        if (limit <= 0) {
            return new ArrayList<>();
        }
        return Fanout.each(readers.size(), s -> {
            OrgIndex.RankedReader reader = readers.get(s);
            List<Ranked> best = new ArrayList<>();
            try (QueryCompiler.Ranked q = v.compiler().ranked(reader.schema(), root, selections);
                 SearchResult r = reader.searcher().search(q.query(), limit)) {
                for (SearchResult.Hit h : r.getHits()) {
                    try (DocAddress a = h.getDocAddress()) { // each a native object of its own
                        best.add(new Ranked(s, a.getSegmentOrd(), a.getDoc(), h.getScore(), 0));
                    }
                }
            }
            return best;
        }).stream().flatMap(List::stream).collect(Collectors.toCollection(ArrayList::new));
    }

    /** @return the hits with their last-update time read from the index */
    private static List<Ranked> dated(List<OrgIndex.RankedReader> readers, List<Ranked> hits) {
        List<Ranked> out = new ArrayList<>(hits.size());
        byShard(hits).forEach((shard, ranked) -> {
            List<Document> docs = documents(readers.get(shard), ranked, Set.of(UPDATED));
            for (int i = 0; i < ranked.size(); i++) {
                try (Document d = docs.get(i)) {
                    Instant updated = instant(d.getFirst(UPDATED));
                    Ranked r = ranked.get(i);
                    out.add(new Ranked(r.shard(), r.segment(), r.doc(), r.score(), updated == null ? Long.MIN_VALUE : updated.toEpochMilli()));
                }
            }
        });
        return out;
    }

    private static List<Document> documents(OrgIndex.RankedReader reader, List<Ranked> hits, Set<String> fields) {
        List<DocAddress> addresses = hits.stream().map(r -> new DocAddress(r.segment(), r.doc())).toList();
        try {
            return reader.searcher().docBatch(addresses, fields);
        } finally {
            addresses.forEach(DocAddress::close);
        }
    }

    private static Map<Integer, List<Ranked>> byShard(List<Ranked> hits) {
        Map<Integer, List<Ranked>> byShard = new LinkedHashMap<>();
        hits.forEach(r -> byShard.computeIfAbsent(r.shard(), k -> new ArrayList<>()).add(r));
        return byShard;
    }

    private static List<SearchRequest.Selection> plus(List<SearchRequest.Selection> selections, SearchRequest.Selection extra) {
        List<SearchRequest.Selection> out = new ArrayList<>(selections);
        out.add(extra);
        return out;
    }

    private static Instant instant(Object value) {
        if (value instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i;
        }
        return null;
    }

    private static String text(Document d, String field) {
        Object v = d.getFirst(field);
        return v == null ? null : v.toString();
    }

    /**
     * The filters a collection offers: those for which it holds at least one value, worked out once per publication
     * from what each of its splits holds — read once per split (a publication of recent changes reads only their small
     * split again, not the whole shard's). A split is read as the publication that first reads it masks it: a filter
     * whose every value a newer change removed is offered until the whole shard is folded again.
     *
     * @param index   a collection
     * @param catalog every filter
     * @return the offered ones, in catalogue order
     */
    List<FilterCatalog.Filter> offered(OrgIndex index, FilterCatalog catalog) {
        long generation = index.generation();
        Offered known = offered.get(index.name());
        if (known != null && known.generation() == generation) {
            return known.filters();
        }
        Set<String> found = new HashSet<>();
        Map<FilterCatalog.Filter, List<TermsResult>> spellings = new LinkedHashMap<>();
        try (OrgIndex.Reading reading = index.read()) {
            for (SplitPart split : reading.parts()) {
                SplitFacts facts;
                try {
                    facts = splitFacts.get(split.split(), () -> facts(split, catalog));
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
                found.addAll(facts.present());
                facts.spellings().forEach((f, t) -> spellings.computeIfAbsent(f, k -> new ArrayList<>()).add(t));
            }
        }
        spellings.forEach((f, lists) -> labels.seed(index, f, lists));
        List<FilterCatalog.Filter> out = catalog.all().stream().filter(f -> found.contains(f.key())).toList();
        offered.put(index.name(), new Offered(generation, out));
        return out;
    }

    /** @param index a collection @return whether the filters it offers are known for what it holds now */
    boolean offeredKnown(OrgIndex index) {
        Offered known = offered.get(index.name());
        return known != null && known.generation() == index.generation();
    }

    /** What one split holds: the filters it has values for, and its most frequent spellings of the power filters. */
    private record SplitFacts(Set<String> present, Map<FilterCatalog.Filter, TermsResult> spellings) {
    }

    private static SplitFacts facts(SplitPart split, FilterCatalog catalog) {
        // a value or a count tells a filter has values; a power filter's most frequent spellings label them
        Map<String, SplitAggregation> present = new LinkedHashMap<>();
        catalog.all().forEach(f -> {
            int listed = f.folds() ? FIRST_LIST : 1;
            present.put(f.key(), f.kind() == FilterCatalog.Kind.TERMS
                    ? new TermsAggregation(f.key(), f.field(), listed, split.segmentListSize(listed))
                    : new CountAggregation(f.key(), f.field()));
        });
        Set<String> found = new HashSet<>();
        Map<FilterCatalog.Filter, TermsResult> spellings = new LinkedHashMap<>();
        try (SearchResult r = split.search(new SplitMatchAllQuery(), 0, present)) {
            Map<String, AggregationResult> results = r.getAggregations();
            catalog.all().forEach(f -> {
                var a = results.get(f.key());
                if (a instanceof TermsResult t && !t.getBuckets().isEmpty()
                        || a instanceof CountResult c && c.getCount() > 0) {
                    found.add(f.key());
                }
                if (a instanceof TermsResult t && f.folds()) {
                    spellings.put(f, t);
                }
            });
        }
        return new SplitFacts(Set.copyOf(found), spellings);
    }
}

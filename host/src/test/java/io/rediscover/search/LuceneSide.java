package io.rediscover.search;

import io.rediscover.index.Analyzer;
import io.rediscover.index.CandidateFields;
import io.rediscover.index.Token;
import io.rediscover.insights.Insights;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.range.LongRange;
import org.apache.lucene.facet.range.LongRangeFacetCounts;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The search benchmark's peer: the same generated candidates in one Lucene 9.12 index, analysed by our analyzer (wrapped
 * as a Lucene tokenizer, so both engines hold literally the same terms at the same positions), keyword fields as
 * {@link StringField} plus sorted-set doc-values facets, numbers and dates as points plus doc values. A search compiles
 * the same parsed query tree and filter selections and answers what {@code POST /api/search} answers: the exact total,
 * counts for the same facets and one page of ranked hits with their display fields.
 */
final class LuceneSide implements AutoCloseable {

    private static final Set<String> HIT_FIELDS = Set.of(CandidateFields.KEY, CandidateFields.CONNECTION,
            CandidateFields.EXTERNAL_ID, "name", "title", "company", "location", "updated");

    private final FSDirectory directory;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private final List<String> facetKeys;
    private final Set<String> atsTerms;
    private final Map<String, SortedSetDocValuesReaderState> states = new HashMap<>();
    private IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    /**
     * @param dir       an empty directory, or one with the index a previous run built
     * @param facetKeys the terms filters counted in every search (those the host offers)
     * @param atsTerms  the ATS terms-filter keys
     * @param existing  whether to open the index in {@code dir} as it is instead of creating an empty one
     */
    LuceneSide(Path dir, List<String> facetKeys, Set<String> atsTerms, boolean existing) {
        this.facetKeys = facetKeys;
        this.atsTerms = atsTerms;
        for (String k : facetKeys) {
            facetsConfig.setMultiValued(k, true);
            facetsConfig.setIndexFieldName(k, "$" + k);
            // the documents holding any value, counted too: what the insights' "unknown" is taken from
            facetsConfig.setRequireDimCount(k, true);
        }
        try {
            directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(new OurAnalyzer()).setRAMBufferSizeMB(64)
                    .setOpenMode(existing ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            writer = new IndexWriter(directory, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our analyzer's tokens as a Lucene token stream: term, offsets, one position per token. */
    static final class OurAnalyzer extends org.apache.lucene.analysis.Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new OurTokenizer());
        }
    }

    private static final class OurTokenizer extends Tokenizer {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private List<Token> tokens = List.of();
        private int next;
        private int length;

        @Override
        public void reset() throws IOException {
            super.reset();
            String text = readAll(input);
            length = text.length();
            tokens = Analyzer.tokens(text);
            next = 0;
        }

        @Override
        public boolean incrementToken() {
            if (next >= tokens.size()) {
                return false;
            }
            clearAttributes();
            Token t = tokens.get(next++);
            term.append(t.term());
            offset.setOffset(correctOffset(t.start()), correctOffset(t.end()));
            increment.setPositionIncrement(1);
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(correctOffset(length), correctOffset(length));
        }

        private static String readAll(Reader in) throws IOException {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[4096];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                b.append(buf, 0, n);
            }
            return b.toString();
        }
    }

    /** @param c a candidate: indexed with the same fields as the host's document of it */
    void add(BenchmarkCandidates.Candidate c) {
        Document d = new Document();
        d.add(new StringField(CandidateFields.KEY, "bench/c1/" + c.id(), Field.Store.YES));
        d.add(new StringField(CandidateFields.CONNECTION, "c1", Field.Store.YES));
        d.add(new StringField(CandidateFields.EXTERNAL_ID, c.id(), Field.Store.YES));
        d.add(new StoredField("name", c.name()));
        d.add(new StoredField("title", c.title()));
        d.add(new StoredField("company", c.company()));
        d.add(new StoredField("location", c.location()));
        List<String> all = new ArrayList<>();
        c.texts().forEach((field, text) -> {
            if (!text.isEmpty()) {
                d.add(new TextField(field, text, Field.Store.NO));
                all.add(text);
            }
        });
        d.add(new TextField("all", String.join(" ", all), Field.Store.NO));
        // as the host: facets count the values as spelled, filters match their folded forms
        Map<String, List<String>> keywords = new HashMap<>();
        c.facets().forEach((k, values) -> CandidateFields.facet(keywords, k, values.stream()));
        c.facets().keySet().forEach(k -> {
            keywords.getOrDefault(CandidateFields.FACET_PREFIX + k, List.of()).forEach(v -> facet(d, k, v));
            keywords.getOrDefault(CandidateFields.FOLDED_PREFIX + k, List.of())
                    .forEach(v -> d.add(new StringField(CandidateFields.FOLDED_PREFIX + k, v, Field.Store.NO)));
        });
        c.ats().forEach((k, v) -> {
            if (atsTerms.contains(k)) {
                d.add(new StringField(CandidateFields.ATS_PREFIX + k, v, Field.Store.NO));
                facet(d, k, v);
            }
        });
        number(d, CandidateFields.NUMBER_PREFIX + "yearsexperience", c.yearsExperience());
        number(d, CandidateFields.NUMBER_PREFIX + "yearsinrole", c.yearsInRole());
        number(d, CandidateFields.DATE_PREFIX + CandidateFields.UPDATED, c.updated().getEpochSecond());
        number(d, CandidateFields.DATE_PREFIX + "lastUpdated", c.lastUpdated().getEpochSecond());
        d.add(new StoredField("updated", c.updated().getEpochSecond()));
        try {
            writer.addDocument(facetsConfig.build(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void facet(Document d, String key, String value) {
        if (facetKeys.contains(key)) {
            d.add(new SortedSetDocValuesFacetField(key, value));
        }
    }

    private static void number(Document d, String field, long value) {
        d.add(new LongPoint(field, value));
        d.add(new NumericDocValuesField(field, value));
    }

    /** Commits, closes the writer and opens the searcher with its facet states. */
    void commit() {
        try {
            writer.commit();
            writer.close();
            writer = null;
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
            for (String k : facetKeys) {
                states.put(k, new DefaultSortedSetDocValuesReaderState(reader, "$" + k, facetsConfig));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param total  the exact number of matches
     * @param hits   the page's hits (display fields loaded)
     * @param facets the facets' value counts
     */
    record Result(long total, List<Map<String, String>> hits, Map<String, FacetResult> facets) {
    }

    /**
     * @param root       the parsed query, or null for everything
     * @param selections the filters
     * @param size       the page size
     * @param facets     whether to count the facets
     * @return the answer
     */
    Result search(QueryNode root, List<SearchRequest.Selection> selections, int size, boolean facets) {
        Query q = query(root, selections);
        try {
            TopScoreDocCollectorManager top = new TopScoreDocCollectorManager(size, null, Integer.MAX_VALUE);
            TopDocs docs;
            Map<String, FacetResult> counts = new HashMap<>();
            if (facets) {
                Object[] both = searcher.search(q, new MultiCollectorManager(top, new FacetsCollectorManager()));
                docs = (TopDocs) both[0];
                FacetsCollector fc = (FacetsCollector) both[1];
                for (String k : facetKeys) {
                    Optional.ofNullable(new SortedSetDocValuesFacetCounts(states.get(k), fc).getTopChildren(
                            SearchService.FACET_VALUES * FacetMerge.OVERFETCH, k)).ifPresent(r -> counts.put(k, r));
                }
            } else {
                docs = searcher.search(q, top);
            }
            StoredFields stored = searcher.storedFields();
            List<Map<String, String>> hits = new ArrayList<>();
            for (ScoreDoc sd : docs.scoreDocs) {
                Document d = stored.document(sd.doc, HIT_FIELDS);
                Map<String, String> hit = new HashMap<>();
                d.getFields().forEach(f -> hit.put(f.name(), f.stringValue() != null ? f.stringValue()
                        : String.valueOf(f.numericValue())));
                hits.add(hit);
            }
            return new Result(docs.totalHits.value, hits, counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One insight category as Lucene's facets count it.
     *
     * @param top     the most frequent values, most frequent first, with their counts
     * @param other   the counts of the values not shown, added up
     * @param unknown matching documents with no value
     */
    record Insight(Map<String, Long> top, long other, long unknown) {
    }

    /**
     * What {@code POST /api/insights} answers, the Lucene way: one collection of the matching documents, then per keyword
     * category {@link SortedSetDocValuesFacetCounts} (its top values; every value's count, for {@code other}; the
     * dimension's count of documents with a value, for {@code unknown}) and per year category {@link LongRangeFacetCounts}
     * over the same buckets.
     *
     * @param root       the parsed query, or null for everything
     * @param selections the filters
     * @param termKeys   the keyword categories (each one of this index's facets)
     * @param yearFields the year categories' number fields
     * @param buckets    the year buckets, as our insights answer them (label, from, to inclusive or null)
     * @param limit      values shown per keyword category
     * @return the total, then each category by key (a year category by its field)
     */
    Map.Entry<Long, Map<String, Insight>> insights(QueryNode root, List<SearchRequest.Selection> selections,
                                                   List<String> termKeys, List<String> yearFields,
                                                   List<Insights.Value> buckets, int limit) {
        try {
            FacetsCollector fc = searcher.search(query(root, selections), new FacetsCollectorManager());
            long total = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            Map<String, Insight> out = new LinkedHashMap<>();
            for (String k : termKeys) {
                SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(states.get(k), fc);
                // one call: every value's count (for other) and the dimension's count of documents (for unknown); the
                // shown values are its most frequent, as getTopChildren would pick them
                FacetResult all = counts.getAllChildren(k);
                Map<String, Long> shown = new LinkedHashMap<>();
                long shownSum = 0;
                long withValue = 0;
                long values = 0;
                if (all != null) {
                    withValue = all.value.longValue();
                    List<LabelAndValue> ranked = new ArrayList<>(List.of(all.labelValues));
                    ranked.sort(Comparator.comparingLong((LabelAndValue lv) -> lv.value.longValue()).reversed()
                            .thenComparing(lv -> lv.label));
                    for (LabelAndValue lv : ranked) {
                        values += lv.value.longValue();
                        if (shown.size() < limit) {
                            shown.put(lv.label, lv.value.longValue());
                            shownSum += lv.value.longValue();
                        }
                    }
                }
                out.put(k, new Insight(shown, values - shownSum, total - withValue));
            }
            LongRange[] ranges = buckets.stream().map(b -> new LongRange(b.value(), b.from(), true,
                    b.to() == null ? Long.MAX_VALUE : b.to(), true))
                    .toArray(LongRange[]::new);
            for (String field : yearFields) {
                FacetResult r = new LongRangeFacetCounts(field, fc, ranges).getAllChildren(field);
                Map<String, Long> shown = new LinkedHashMap<>();
                long bucketed = 0;
                for (LabelAndValue lv : r.labelValues) {
                    shown.put(lv.label, lv.value.longValue());
                    bucketed += lv.value.longValue();
                }
                out.put(field, new Insight(shown, 0, total - bucketed));
            }
            return Map.entry(total, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same compilation as the host's {@code QueryCompiler}: unscoped words search {@code all}, filters AND. */
    Query query(QueryNode root, List<SearchRequest.Selection> selections) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(root == null ? new MatchAllDocsQuery() : node(root), BooleanClause.Occur.MUST);
        selections.forEach(s -> b.add(filter(s), BooleanClause.Occur.FILTER));
        return b.build();
    }

    private String field(Optional<String> scope) {
        if (scope.isEmpty()) {
            return "all";
        }
        return atsTerms.contains(scope.get()) ? CandidateFields.ATS_TEXT_PREFIX + scope.get() : scope.get();
    }

    private Query node(QueryNode node) {
        if (node instanceof QueryNode.Term t) {
            return new TermQuery(new Term(field(t.field()), t.term()));
        }
        if (node instanceof QueryNode.Phrase p) {
            return new PhraseQuery(p.slop(), field(p.field()), p.terms().toArray(String[]::new));
        }
        if (node instanceof QueryNode.Prefix p) {
            return new PrefixQuery(new Term(field(p.field()), p.prefix()));
        }
        if (node instanceof QueryNode.Wildcard w) {
            return new WildcardQuery(new Term(field(w.field()), w.pattern()));
        }
        if (node instanceof QueryNode.And a) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (QueryNode c : a.clauses()) {
                if (c instanceof QueryNode.Not n) {
                    b.add(node(n.clause()), BooleanClause.Occur.MUST_NOT);
                } else {
                    b.add(node(c), BooleanClause.Occur.MUST);
                }
            }
            if (a.clauses().stream().allMatch(c -> c instanceof QueryNode.Not)) {
                b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
            }
            return b.build();
        }
        if (node instanceof QueryNode.Or o) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            o.clauses().forEach(c -> b.add(node(c), BooleanClause.Occur.SHOULD));
            return b.build();
        }
        QueryNode.Not n = (QueryNode.Not) node;
        return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(node(n.clause()), BooleanClause.Occur.MUST_NOT).build();
    }

    private static Query filter(SearchRequest.Selection s) {
        String field = s.filter().matchField();
        switch (s.filter().kind()) {
            case TERMS:
                List<String> values = QueryCompiler.values(s);
                return values.size() == 1 ? new TermQuery(new Term(field, values.get(0)))
                        : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
            default: // whole numbers, and dates as epoch seconds
                return LongPoint.newRangeQuery(field, s.from() == null ? Long.MIN_VALUE : s.from(),
                        s.to() == null ? Long.MAX_VALUE : s.to());
        }
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
        if (reader != null) {
            reader.close();
        }
        directory.close();
    }
}

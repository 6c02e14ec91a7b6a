package io.rediscover.search;

import io.indextables.tantivy4java.core.FieldType;
import io.indextables.tantivy4java.core.Schema;
import io.indextables.tantivy4java.query.Occur;
import io.indextables.tantivy4java.query.Query;
import io.indextables.tantivy4java.split.SplitBooleanQuery;
import io.indextables.tantivy4java.split.SplitMatchAllQuery;
import io.indextables.tantivy4java.split.SplitPhraseQuery;
import io.indextables.tantivy4java.split.SplitQuery;
import io.indextables.tantivy4java.split.SplitRangeQuery;
import io.indextables.tantivy4java.split.SplitTermQuery;
import io.indextables.tantivy4java.split.SplitWildcardQuery;
import io.rediscover.index.CandidateFields;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Compiles a parsed query and the filters into Tantivy queries, twice: for the index reader (ranked hits) and for the
 * published split (exact totals, facets, insights) — the same logic, two query types. An unscoped word searches the
 * catch-all text field; a scope searches its field ({@code status:} an ATS text field). Filters select exact keyword
 * values (OR within a filter, AND between filters) or ranges.
 */
final class QueryCompiler {

    private final Set<String> atsFields;

    /** @param atsFields the ATS filter keys a query may scope to */
    QueryCompiler(Set<String> atsFields) {
        this.atsFields = atsFields;
    }

    private String field(Optional<String> scope) {
        if (scope.isEmpty()) {
            return "all";
        }
        String f = scope.get();
        return atsFields.contains(f) ? CandidateFields.ATS_TEXT_PREFIX + f : f;
    }

    /**
     * @param node       the parsed query, or null for everything
     * @param selections the filters
     * @return the query for the published split
     */
    SplitQuery split(QueryNode node, List<SearchRequest.Selection> selections) {
        SplitBooleanQuery all = new SplitBooleanQuery();
        all.addMust(node == null ? new SplitMatchAllQuery() : splitNode(node));
        selections.forEach(s -> all.addMust(splitFilter(s)));
        return all;
    }

    private SplitQuery splitNode(QueryNode node) {
        if (node instanceof QueryNode.Term t) {
            return new SplitTermQuery(field(t.field()), t.term());
        }
        if (node instanceof QueryNode.Phrase p) {
            return new SplitPhraseQuery(field(p.field()), p.terms(), p.slop());
        }
        if (node instanceof QueryNode.Prefix p) {
            return new SplitWildcardQuery(field(p.field()), p.prefix() + "*");
        }
        if (node instanceof QueryNode.Wildcard w) {
            return new SplitWildcardQuery(field(w.field()), w.pattern());
        }
        if (node instanceof QueryNode.And a) {
            SplitBooleanQuery b = new SplitBooleanQuery();
            for (QueryNode c : a.clauses()) {
                if (c instanceof QueryNode.Not n) {
                    b.addMustNot(splitNode(n.clause()));
                } else {
                    b.addMust(splitNode(c));
                }
            }
            if (a.clauses().stream().allMatch(c -> c instanceof QueryNode.Not)) {
                b.addMust(new SplitMatchAllQuery());
            }
            return b;
        }
        if (node instanceof QueryNode.Or o) {
            SplitBooleanQuery b = new SplitBooleanQuery();
            o.clauses().forEach(c -> b.addShould(splitNode(c)));
            return b.setMinimumShouldMatch(1);
        }
        QueryNode.Not n = (QueryNode.Not) node;
        return new SplitBooleanQuery().addMust(new SplitMatchAllQuery()).addMustNot(splitNode(n.clause()));
    }

    static SplitQuery splitFilter(SearchRequest.Selection s) {
        String field = s.filter().matchField();
        switch (s.filter().kind()) {
            case TERMS:
                SplitBooleanQuery any = new SplitBooleanQuery();
                values(s).forEach(v -> any.addShould(new SplitTermQuery(field, v)));
                return any.setMinimumShouldMatch(1);
            case NUMBER_RANGE:
                return new SplitRangeQuery(field, bound(s.from(), Long::toString), bound(s.to(), Long::toString), "i64");
            default:
                return new SplitRangeQuery(field, bound(s.from(), e -> Instant.ofEpochSecond(e).toString()),
                        bound(s.to(), e -> Instant.ofEpochSecond(e).toString()), "date");
        }
    }

    private static SplitRangeQuery.RangeBound bound(Long v, LongFunction<String> format) {
        return v == null ? SplitRangeQuery.RangeBound.unbounded() : SplitRangeQuery.RangeBound.inclusive(format.apply(v));
    }

    /** The values a terms filter looks up: power filters hold folded keywords; the ATS's values are its own labels. */
    static List<String> values(SearchRequest.Selection s) {
        return s.values().stream().map(s.filter()::value).distinct().toList();
    }

    /**
     * @param schema     the reader's schema
     * @param node       the parsed query, or null for everything
     * @param selections the filters
     * @return the query for the index reader; close it after use (it holds native memory)
     */
    Ranked ranked(Schema schema, QueryNode node, List<SearchRequest.Selection> selections) {
        Ranked r = new Ranked(schema);
        List<Query.OccurQuery> clauses = new ArrayList<>();
        clauses.add(new Query.OccurQuery(Occur.MUST, node == null ? r.keep(Query.allQuery()) : r.node(node)));
        // a filter selects and does not rank (Lucene's FILTER): a candidate with more skills is not better for it
        selections.forEach(s -> clauses.add(new Query.OccurQuery(Occur.MUST, r.keep(Query.constScoreQuery(r.filter(s), 0.0)))));
        r.root = r.keep(Query.booleanQuery(clauses));
        return r;
    }

    /** A query for the index reader and every native query it was built from, closed together. */
    final class Ranked implements AutoCloseable {
        private final Schema schema;
        private final List<Query> parts = new ArrayList<>();
        private Query root;

        private Ranked(Schema schema) {
            this.schema = schema;
        }

        /** @return the query */
        Query query() {
            return root;
        }

        private Query keep(Query q) {
            parts.add(q);
            return q;
        }

        private Query node(QueryNode node) {
            if (node instanceof QueryNode.Term t) {
                return keep(Query.termQuery(schema, field(t.field()), t.term()));
            }
            if (node instanceof QueryNode.Phrase p) {
                return keep(Query.phraseQuery(schema, field(p.field()), List.copyOf(p.terms()), p.slop()));
            }
            if (node instanceof QueryNode.Prefix p) {
                return keep(Query.wildcardQuery(schema, field(p.field()), p.prefix() + "*"));
            }
            if (node instanceof QueryNode.Wildcard w) {
                return keep(Query.wildcardQuery(schema, field(w.field()), w.pattern()));
            }
            if (node instanceof QueryNode.And a) {
                List<Query.OccurQuery> c = new ArrayList<>();
                for (QueryNode n : a.clauses()) {
                    c.add(n instanceof QueryNode.Not not ? new Query.OccurQuery(Occur.MUST_NOT, node(not.clause()))
                            : new Query.OccurQuery(Occur.MUST, node(n)));
                }
                if (a.clauses().stream().allMatch(n -> n instanceof QueryNode.Not)) {
                    c.add(new Query.OccurQuery(Occur.MUST, keep(Query.allQuery())));
                }
                return keep(Query.booleanQuery(c));
            }
            if (node instanceof QueryNode.Or o) {
                List<Query.OccurQuery> c = new ArrayList<>();
                o.clauses().forEach(n -> c.add(new Query.OccurQuery(Occur.SHOULD, node(n))));
                return keep(Query.booleanQuery(c));
            }
            QueryNode.Not n = (QueryNode.Not) node;
            return keep(Query.booleanQuery(List.of(new Query.OccurQuery(Occur.MUST, keep(Query.allQuery())),
                    new Query.OccurQuery(Occur.MUST_NOT, node(n.clause())))));
        }

        private Query filter(SearchRequest.Selection s) {
            String field = s.filter().matchField();
            switch (s.filter().kind()) {
                case TERMS:
                    List<Query.OccurQuery> any = new ArrayList<>();
                    values(s).forEach(v -> any.add(new Query.OccurQuery(Occur.SHOULD, keep(Query.termQuery(schema, field, v)))));
                    return keep(Query.booleanQuery(any));
                case NUMBER_RANGE:
                    return keep(Query.rangeQuery(schema, field, FieldType.INTEGER, s.from() == null ? 0L : s.from(),
                            s.to() == null ? Long.MAX_VALUE : s.to(), true, true));
                default:
                    return keep(Query.rangeQuery(schema, field, FieldType.DATE, date(s.from() == null ? EARLIEST : s.from()),
                            date(s.to() == null ? LATEST : s.to()), true, true));
            }
        }

        @Override
        public void close() {
            parts.forEach(Query::close);
        }
    }

    private static final long EARLIEST = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LATEST = LocalDateTime.of(2200, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private static LocalDateTime date(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }
}

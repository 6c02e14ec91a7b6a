package io.rediscover.search;

import java.util.List;
import java.util.Objects;

/**
 * A query as {@link QueryParser} read it.
 *
 * @param root     the tree to search with
 * @param warnings what may not have been read as meant, in the order of the query
 */
public record ParsedQuery(QueryNode root, List<QueryWarning> warnings) {

    /** Canonical constructor: keeps an immutable copy of the warnings. */
    public ParsedQuery {
        Objects.requireNonNull(root, "root");
        warnings = List.copyOf(warnings);
    }

    /** @return how the query was read, fully parenthesised ({@link QueryNode#explain()}) */
    public String explain() {
        return root.explain();
    }
}

package io.rediscover.icims.simulator;

import java.util.List;

/**
 * A validated Search API query (grammar of [DOC S1]): a group of filters combined with {@code &} or
 * {@code |}, with nested child groups. Operators are normalised to their defaults, so two requests that
 * mean the same thing have the same {@link #cacheKey}.
 */
record SearchQuery(ProfileType type, Group root) {
    /** {@code {"filters":[…], "operator":"&|", "children":[…]}}. */
    record Group(String operator, List<Filter> filters, List<Group> children) {
    }

    /** {@code {"name":"person.x", "value":[…], "secondaryValue":[…], "operator":"="}}; {@code field} without prefix. */
    record Filter(String name, String field, SearchFields.Kind kind, String operator, List<String> value,
                  List<String> secondaryValue) {
    }

    /** Normalised form used as the staleness-cache key (A3). */
    String cacheKey() {
        return type.searchPrefix() + ":" + root;
    }
}

package io.rediscover.search;

/**
 * Something in a query that was read, but perhaps not as meant: AND and OR mixed without parentheses, an operator in
 * lower case, a word with nothing searchable in it. Returned with the results, never an error.
 *
 * @param message what was noticed and how it was read, safe to show
 * @param column  the 1-based column (in code points of the query) it is about
 */
public record QueryWarning(String message, int column) {
}

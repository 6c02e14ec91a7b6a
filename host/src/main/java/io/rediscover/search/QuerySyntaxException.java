package io.rediscover.search;

/**
 * A query that cannot be read: what is wrong and where. Bad input, never a server fault: answer it with 400, showing
 * the message and pointing at the column. It carries no stack trace: it is thrown as often as people mistype, and the
 * message and column say all there is to know.
 */
public final class QuerySyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where the query is wrong: 1-based, in code points. */
    private final int column;

    /**
     * @param message what is wrong and how to fix it, safe to show
     * @param column  the 1-based column (in code points of the query) where it is wrong
     */
    public QuerySyntaxException(String message, int column) {
        super(message, null, false, false);
        this.column = column;
    }

    /** @return the 1-based column, in code points of the query, where it is wrong */
    public int column() {
        return column;
    }
}

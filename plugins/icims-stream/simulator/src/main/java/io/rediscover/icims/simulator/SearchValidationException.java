package io.rediscover.icims.simulator;

/** A rejected Search API query; the message is one of {@link SearchErrors}. Answered with 400 [ASSUME]. */
final class SearchValidationException extends Exception {
    private static final long serialVersionUID = 1L;

    SearchValidationException(String message) {
        super(message);
    }
}

package io.rediscover.lifecycle;

/**
 * A service cannot start because of something around it that the operator can fix at once: a port another program
 * listens on, a data directory another process holds. The message is one line saying what is wrong and what to do; the
 * command line prints it alone, with no stack trace, and exits with the configuration-error code.
 */
public final class StartRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what stands in the way, and the remedy */
    public StartRefused(String message) {
        super(message);
    }
}

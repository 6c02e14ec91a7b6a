package io.rediscover;

import io.rediscover.config.HostConfig;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Locale;

/**
 * Sets up logging once, before the first logger exists: SLF4J Simple writes to stderr with ISO timestamps at the
 * configured level; Jersey's and HK2's java.util.logging is routed into it.
 */
public final class Logging {

    private Logging() {
    }

    /** @param level the root log level; takes effect only before the first logger is created */
    public static void configure(HostConfig.LogLevel level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level.name().toLowerCase(Locale.ROOT));
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
        // Jersey warns at start-up about resource instances without provider interfaces; harmless (stack-notes.md).
        setIfAbsent("org.slf4j.simpleLogger.log.org.glassfish.jersey.internal.inject.Providers", "error");
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

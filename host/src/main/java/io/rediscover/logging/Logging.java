package io.rediscover.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.rediscover.config.HostConfig;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.util.Locale;

/**
 * The host's logging: SLF4J into Logback, one appender on stderr, in a human format or as JSON lines
 * ({@code log.format}). Every line carries the id of the HTTP request or the sync run it belongs to ({@link LogIds}),
 * and every secret the host knows of is masked in it ({@link LogSecrets}), whatever logged it. Jersey's and HK2's
 * java.util.logging is routed into it.
 *
 * <p>Logback starts with the defaults ({@link DefaultLogging}: info, text) before anything is configured, so what
 * logs before the configuration is read (the demo's simulator, tests) is readable; {@link #configure} then applies the
 * configured level and format, and does nothing when they are already in force (a host started next to another in a
 * test does not reset the appender under it).
 */
public final class Logging {

    /** The human format: time, thread, level, logger, the request or run id when there is one, the message. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] [%level] %logger{0}"
            + "%replace( " + LogIds.REQUEST + "=%X{" + LogIds.REQUEST + "}){' " + LogIds.REQUEST + "=$', ''}"
            + "%replace( " + LogIds.RUN + "=%X{" + LogIds.RUN + "}){' " + LogIds.RUN + "=$', ''} - %msg%n";
    private static final String APPENDER = "stderr";
    private static String inForce;

    private Logging() {
    }

    /**
     * @param level  the root log level
     * @param format text or JSON lines
     */
    public static synchronized void configure(HostConfig.LogLevel level, HostConfig.LogFormat format) {
        String wanted = level + "/" + format;
        if (wanted.equals(inForce)) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        apply(context, Level.toLevel(level.name()), format);
        inForce = wanted;
    }

    /** Sets up {@code context}: one stderr appender in {@code format}, the root at {@code level}, quiet libraries. */
    static void apply(LoggerContext context, Level level, HostConfig.LogFormat format) {
        Encoder<ILoggingEvent> encoder = format == HostConfig.LogFormat.JSON ? json(context) : text(context);
        RedactingEncoder redacting = new RedactingEncoder(encoder);
        redacting.setContext(context);
        redacting.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setName(APPENDER);
        appender.setContext(context);
        appender.setTarget("System.err"); // resolved at every write, so a test that swaps System.err sees the lines
        appender.setEncoder(redacting);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var previous = root.getAppender(APPENDER);
        root.addAppender(appender); // the new one first, so no line falls between the two
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
        root.setLevel(level);
        // Jersey warns at start-up about resource instances without provider interfaces; harmless (stack-notes.md).
        context.getLogger("org.glassfish.jersey.internal.inject.Providers").setLevel(Level.ERROR);
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    /**
     * @param logger a logger name (a library's package)
     * @param level  its level from now on, e.g. {@code warn}
     */
    public static void setLevel(String logger, String level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(logger).setLevel(Level.toLevel(level.toUpperCase(Locale.ROOT)));
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.setCharset(java.nio.charset.StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}

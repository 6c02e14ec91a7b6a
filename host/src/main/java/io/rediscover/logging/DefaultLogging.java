package io.rediscover.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.rediscover.config.HostConfig;

/**
 * Logback's configuration before the host's is known (found through {@code META-INF/services}): info, the human
 * format, secrets masked. Without it Logback would start at debug level in its own format.
 */
public final class DefaultLogging extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logging.apply(context, Level.INFO, HostConfig.LogFormat.TEXT);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}

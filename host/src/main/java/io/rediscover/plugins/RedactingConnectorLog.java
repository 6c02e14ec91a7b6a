package io.rediscover.plugins;

import io.rediscover.pluginapi.ConnectorLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * The {@link ConnectorLog} handed to plugins: logs under {@code connector.<id>}, prefixes the connection, and masks
 * every secret credential value in messages, arguments and exceptions.
 */
final class RedactingConnectorLog implements ConnectorLog {

    private final Logger log;
    private final String prefix;
    private final Redactor redactor;

    RedactingConnectorLog(String connectorId, String scope, Redactor redactor) {
        this.log = LoggerFactory.getLogger("connector." + connectorId);
        this.prefix = scope.isBlank() ? "" : "[" + scope + "] ";
        this.redactor = redactor;
    }

    private String format(String format, Object[] args) {
        return prefix + redactor.redact(MessageFormatter.arrayFormat(format, args).getMessage());
    }

    @Override
    public void debug(String format, Object... args) {
        if (log.isDebugEnabled()) {
            log.debug(format(format, args));
        }
    }

    @Override
    public void info(String format, Object... args) {
        if (log.isInfoEnabled()) {
            log.info(format(format, args));
        }
    }

    @Override
    public void warn(String format, Object... args) {
        if (log.isWarnEnabled()) {
            log.warn(format(format, args));
        }
    }

    @Override
    public void error(String message, Throwable error) {
        log.error(prefix + redactor.redact(message), redactor.redact(error));
    }
}

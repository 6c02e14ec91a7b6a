package io.rediscover.icims;

import io.rediscover.pluginapi.ConnectorException;
import io.rediscover.pluginapi.ErrorKind;

/**
 * iCIMS kept answering 401 to freshly issued tokens. During a run that is passing (tokens revoked while requests were
 * in flight, a login service catching up), so it is {@link ErrorKind#TRANSIENT}; a check or the stream resolution,
 * which know what they asked for, can tell it apart by its type.
 */
final class TokenRefused extends ConnectorException {

    private static final long serialVersionUID = 1L;

    TokenRefused(String message) {
        super(ErrorKind.TRANSIENT, message);
    }
}

package io.rediscover.pluginapi;

import io.rediscover.pluginapi.sync.SyncSource;
import org.pf4j.ExtensionPoint;

/**
 * One type of applicant tracking system, such as iCIMS Stream.
 *
 * <p>Implementations carry PF4J's {@code @Extension} annotation, have a public no-argument constructor, hold no
 * per-connection state and are safe to call from several threads at once: the host creates one instance per
 * connector and shares it between every organisation's connections.
 *
 * <p>The host sets the thread context class loader to the plugin's class loader around every call.
 */
public interface AtsConnector extends ExtensionPoint {

    /**
     * Describes this connector as data: identity, capabilities, credential fields, ATS-only filters and profile
     * fields, setup notes. Called once at start-up; must do no I/O and return the same value every time.
     * The host validates it and refuses to start when it is invalid.
     *
     * @return this connector's descriptor
     */
    ConnectorDescriptor descriptor();

    /**
     * Verifies credentials for real: authenticate and read one small page from the ATS. A successful check promises
     * that a sync with the same credentials can start.
     *
     * <p>Report what the user can fix as {@link CheckResult#failed(String, String)} naming the credential field
     * (for example a wrong client secret), or with a {@code null} field when no single field is at fault (an
     * unreachable host). Throw {@link ConnectorException} only for faults the user cannot fix.
     *
     * @param credentials the connection's decrypted credential values, keyed by {@link CredentialField#key()}
     * @param context     host services for this call (HTTP client, clock, log, cancellation, settings)
     * @return ok, or failed with the field at fault and a message the org admin can act on
     * @throws ConnectorException for a fault that is not the user's (kind {@link ErrorKind#TRANSIENT},
     *                            {@link ErrorKind#INTERNAL}, ...)
     */
    CheckResult check(Credentials credentials, ConnectorContext context) throws ConnectorException;

    /**
     * Opens one sync run. The returned source is used by one thread for one run and then closed.
     *
     * @param credentials the connection's decrypted credential values
     * @param context     host services for the whole run
     * @return a fresh source for this run
     * @throws ConnectorException when the run cannot start (for example {@link ErrorKind#CONFIG} when a required
     *                            setting is missing)
     */
    SyncSource openSync(Credentials credentials, ConnectorContext context) throws ConnectorException;
}

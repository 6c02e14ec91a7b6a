/**
 * The plain immutable records a sync emits.
 *
 * <p>Conventions shared by every record:
 * <ul>
 *   <li>{@code externalId} is the record's id in the ATS, as a string.</li>
 *   <li>A {@code null} value or an empty list means "the ATS did not return this", never "cleared": the host keeps
 *       the value it already holds. (iCIMS, for one, omits fields that are empty <em>or</em> hidden.)</li>
 *   <li>Partial dates (work history, education) are ISO strings of {@code YYYY}, {@code YYYY-MM} or
 *       {@code YYYY-MM-DD}.</li>
 *   <li>{@code attributes} carry values for the connector's declared filter and profile-field keys
 *       ({@link io.rediscover.pluginapi.FilterField}, {@link io.rediscover.pluginapi.ProfileField}); keys not
 *       declared in the descriptor are a plugin bug. Date-valued attributes are ISO-8601.</li>
 * </ul>
 */
package io.rediscover.pluginapi.record;

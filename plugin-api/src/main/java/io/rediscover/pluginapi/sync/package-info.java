/**
 * The sync contract: a plugin's {@link io.rediscover.pluginapi.sync.SyncSource} reads from a saved
 * {@link io.rediscover.pluginapi.sync.SyncState} and emits records into the host's
 * {@link io.rediscover.pluginapi.sync.SyncSink}.
 *
 * <h2>Durability: at least once, with no gaps</h2>
 * {@link io.rediscover.pluginapi.sync.SyncSink#checkpoint(SyncState)} returns only after the host has committed every
 * record emitted since the previous checkpoint together with the new state, in one commit. That is the only durability
 * point: after a crash the host calls {@code read} again with the last committed state, so at most one checkpoint's
 * worth of records is emitted twice. The host upserts by (connection, kind, external id) and ignores a record older
 * than the one it holds, so replays and overlapping windows are harmless.
 *
 * <h2>Rules for plugins</h2>
 * <ul>
 *   <li>Checkpoint at page boundaries, at least every few thousand records or few minutes, and always at the end.</li>
 *   <li>Never checkpoint a cursor beyond records already emitted. Cursors are inclusive, with a lookback: duplicates
 *       are cheap, gaps are silent data loss.</li>
 *   <li>Keep the state a versioned JSON document with one cursor per stream (for example
 *       {@code {"v":1,"people":{...},"jobs":{...}}}), and accept every older version.</li>
 *   <li>Poll {@link io.rediscover.pluginapi.ConnectorContext#cancellation()} between requests and return when asked.</li>
 *   <li>Retry single requests briefly (honour Retry-After, refresh an expired token once), then throw
 *       {@link io.rediscover.pluginapi.ConnectorException} of the right kind.</li>
 * </ul>
 */
package io.rediscover.pluginapi.sync;

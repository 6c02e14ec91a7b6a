/**
 * The contract between the Rediscover host and ATS connector plugins: the platform maintainer's manual.
 *
 * <h2>What a plugin is</h2>
 * A plugin is a PF4J zip dropped into the host's {@code plugins/} directory. It contributes one or more
 * {@link io.rediscover.pluginapi.AtsConnector} extensions, each a pure translator from one applicant
 * tracking system (ATS) to plain records. The host owns everything after the
 * {@link io.rediscover.pluginapi.sync.SyncSink}: storage, scheduling, retries across runs, matching,
 * search and the web UI. A plugin ships no UI and no REST routes: the host renders the credentials form,
 * the "Your ATS" filters and the ATS data panel from the plugin's {@link io.rediscover.pluginapi.ConnectorDescriptor}.
 *
 * <h2>The three calls</h2>
 * <ol>
 *   <li>{@link io.rediscover.pluginapi.AtsConnector#descriptor()} returns data and does no I/O.</li>
 *   <li>{@link io.rediscover.pluginapi.AtsConnector#check} authenticates and reads one page for real.</li>
 *   <li>{@link io.rediscover.pluginapi.AtsConnector#openSync} returns a fresh
 *       {@link io.rediscover.pluginapi.sync.SyncSource} per run; its {@code read(state, sink)} emits records and
 *       checkpoints.</li>
 * </ol>
 *
 * <h2>Packaging rules</h2>
 * <ul>
 *   <li>Depend on {@code io.rediscover:plugin-api} and {@code org.pf4j:pf4j} with scope {@code provided}. Never
 *       bundle them into the zip: the host always loads {@code io.rediscover.pluginapi.*} itself, and a second
 *       copy causes {@code ClassCastException}s.</li>
 *   <li>Everything else the plugin needs (JSON library, ...) goes into the zip's {@code lib/}; plugin classes are
 *       loaded plugin-first, so they never clash with the host's own libraries.</li>
 *   <li>Declare {@code Plugin-Id}, {@code Plugin-Version}, {@code Plugin-Provider} and
 *       {@code Plugin-Requires} (a semver range over {@link io.rediscover.pluginapi.PluginApi#VERSION}, e.g.
 *       {@code >=1.0.0 & <2.0.0}) in {@code plugin.properties} at the root of the zip.</li>
 *   <li>Start no threads the host cannot stop; use the services of {@link io.rediscover.pluginapi.ConnectorContext}.</li>
 * </ul>
 *
 * <h2>Compatibility</h2>
 * The contract evolves by adding types and default methods. Anything deprecated stays for at least one minor
 * version and is removed only on a major version of {@link io.rediscover.pluginapi.PluginApi#VERSION}.
 */
package io.rediscover.pluginapi;

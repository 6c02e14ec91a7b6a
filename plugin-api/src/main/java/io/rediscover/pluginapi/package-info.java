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
 * <h2>Request budgets</h2>
 * ATSs limit how many API requests a customer may make a day, and the customer shares that quota with every other
 * integration they run. A connector declares its ATS's quota as data
 * ({@link io.rediscover.pluginapi.ConnectorDescriptor#requestQuota()}: the licence's default daily limit and which
 * requests count); the host does the rest for every connector alike: each connection has a daily request budget (a
 * share of that quota, set by the org admin), the host counts the requests that count as they leave through
 * {@link io.rediscover.pluginapi.ConnectorContext#http()}, keeps the count in its store, and once the budget is spent
 * refuses further counted requests before they leave with {@link io.rediscover.pluginapi.BudgetExhaustedException}.
 * A plugin plans with {@link io.rediscover.pluginapi.ConnectorContext#budget()}, checkpoints what is complete when
 * refused, and ends the run with {@link io.rediscover.pluginapi.ConnectorException#quotaExhausted}, which it also uses
 * when the ATS itself says its quota is spent; the host resumes the run from that checkpoint after the reset.
 * {@link io.rediscover.pluginapi.sync.SyncSink#mirrored} says what the host already holds, so nothing unchanged is
 * read twice.
 *
 * <h2>Packaging rules</h2>
 * <ul>
 *   <li>Depend on {@code io.rediscover:plugin-api} and {@code org.pf4j:pf4j} with scope {@code provided}. Never
 *       bundle them into the zip: the host always loads {@code io.rediscover.pluginapi.*} itself, and a second
 *       copy causes {@code ClassCastException}s.</li>
 *   <li>Everything else the plugin needs (JSON library, ...) goes into the zip's {@code lib/}. A plugin's class
 *       loader has the Java platform as its parent and sees the host only through {@code io.rediscover.pluginapi.*},
 *       {@code org.pf4j.*} and the SLF4J API ({@code org.slf4j.*}); the host's own libraries (Jackson, Guice, Jetty,
 *       ...) are invisible, so a library the plugin did not bundle is missing at run time, and one it did bundle
 *       never clashes with the host's.</li>
 *   <li>Declare {@code Plugin-Id}, {@code Plugin-Version}, {@code Plugin-Provider} and
 *       {@code Plugin-Requires} (a semver range over {@link io.rediscover.pluginapi.PluginApi#VERSION}, e.g.
 *       {@code >=1.0.0 & <2.0.0}) in {@code plugin.properties} at the root of the zip.</li>
 *   <li>Start no threads: use the services of {@link io.rediscover.pluginapi.ConnectorContext}, its
 *       {@link io.rediscover.pluginapi.ConnectorContext#executor() executor} for concurrent reads.</li>
 * </ul>
 *
 * <h2>Compatibility</h2>
 * The contract evolves by adding types and default methods. Anything deprecated stays for at least one minor
 * version and is removed only on a major version of {@link io.rediscover.pluginapi.PluginApi#VERSION}.
 *
 * <p>A tool keeps this so: {@code plugin-api}'s {@code verify} compares the jar it builds with the last released
 * contract, committed as {@code plugin-api/compat/plugin-api-<baseline>.jar}, using japicmp, and fails on any
 * binary- or source-incompatible change (a member removed or made less accessible, an abstract method added to an
 * interface a plugin or the host implements). At a release of the contract:
 * <ol>
 *   <li>set {@link io.rediscover.pluginapi.PluginApi#VERSION} and {@code plugin-api.version} in the parent pom to the
 *       new version: a minor one for additions, a major one to remove what was deprecated;</li>
 *   <li>build it ({@code ./mvnw -pl plugin-api package}) and copy {@code target/plugin-api-<project version>.jar} to
 *       {@code compat/plugin-api-<new version>.jar}, removing the previous baseline;</li>
 *   <li>set {@code plugin-api.baseline} in {@code plugin-api/pom.xml} to the new version.</li>
 * </ol>
 * A major version fails the check against the old baseline by design; its baseline is bumped in the same change.
 * Release 1.0.0 is the first baseline. Between releases {@link io.rediscover.pluginapi.PluginApi#VERSION} may be
 * ahead of the baseline (1.1.0 adds request budgets): plugins that use an addition require that version.
 */
package io.rediscover.pluginapi;

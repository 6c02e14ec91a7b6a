package io.rediscover.pluginapi;

/**
 * The version of this contract, independent of the host's version.
 *
 * <p>The host hands it to PF4J as the system version; every plugin declares {@code Plugin-Requires} with a
 * semver range over it (for example {@code >=1.0.0 & <2.0.0}) and is refused at start-up when the range does not
 * include it. Minor versions only add; a major version may remove what was deprecated before.
 */
public final class PluginApi {

    /** Semantic version of the plugin contract. */
    public static final String VERSION = "1.1.0";

    private PluginApi() {
    }
}

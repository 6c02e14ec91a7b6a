package io.rediscover.plugins;

import java.util.List;

/**
 * Start-up refused because of broken plugins. The message names every broken plugin and why, one per line, so the
 * operator can remove or replace the zip.
 */
public final class PluginLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param problems one sentence per problem, each naming the plugin */
    PluginLoadException(List<String> problems) {
        super("refusing to start: " + problems.size() + " plugin problem(s):\n  - " + String.join("\n  - ", problems));
    }
}

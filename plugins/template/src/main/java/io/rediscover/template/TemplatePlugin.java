package io.rediscover.template;

import org.pf4j.Plugin;

/**
 * The PF4J plugin class named by {@code plugin.class} in {@code plugin.properties}. It holds no state: the connector
 * is a stateless extension and everything a sync run needs belongs to that run.
 */
public final class TemplatePlugin extends Plugin {

    /** Created by PF4J. */
    public TemplatePlugin() {
        super();
    }
}

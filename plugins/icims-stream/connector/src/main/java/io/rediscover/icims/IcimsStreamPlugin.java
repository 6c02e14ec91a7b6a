package io.rediscover.icims;

import org.pf4j.Plugin;

/**
 * The PF4J plugin of the iCIMS Stream connector. It holds no state: the connector is a stateless extension and every
 * resource of a sync run belongs to that run.
 */
public final class IcimsStreamPlugin extends Plugin {

    /** Created by PF4J. */
    public IcimsStreamPlugin() {
        super();
    }
}

package io.rediscover.mirror;

import java.util.Set;

/**
 * The way out of the mirror: told, after every committed batch, which candidates changed, so matching and indexing can
 * follow. The same path rebuilds everything: a reindex hands every candidate through it. Implementations must be
 * quick or hand the work to their own queue; they must not fail the sync.
 */
public interface MirrorListener {

    /**
     * @param ref          the connection
     * @param candidateIds candidates whose mirrored data (or applications) changed, live or deleted
     */
    void changed(ConnectionRef ref, Set<String> candidateIds);

    /**
     * A connection was removed and its mirror data deleted: drop everything derived from it (index entries).
     *
     * @param ref the connection
     */
    default void removed(ConnectionRef ref) {
    }
}

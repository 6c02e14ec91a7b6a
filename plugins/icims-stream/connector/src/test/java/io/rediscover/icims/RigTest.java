package io.rediscover.icims;

import org.junit.jupiter.api.AfterEach;

/** A test that runs against a {@link Rig} of its own, closed after each test. */
abstract class RigTest {

    /** The running simulator and the connector's context; set by the test. */
    Rig rig;

    @AfterEach
    void closeRig() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }
}

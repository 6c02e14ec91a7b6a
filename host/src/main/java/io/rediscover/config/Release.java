package io.rediscover.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running release, as the build stamped it into {@code rediscover-version.properties}. */
public final class Release {

    private Release() {
    }

    /** @return the version, e.g. {@code 0.1.0}, or {@code unknown} when the build did not stamp one */
    public static String version() {
        try (InputStream in = Release.class.getResourceAsStream("/io/rediscover/rediscover-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

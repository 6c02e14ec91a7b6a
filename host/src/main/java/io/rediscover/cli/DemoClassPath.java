package io.rediscover.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What only the demo needs, kept out of the server: the jars in {@code lib/demo/} (a simulated ATS and the libraries only
 * it uses), loaded in a class loader of their own by {@code demo} and the simulator tools, never by {@code serve}. Each
 * jar says what it offers in {@code META-INF/rediscover-demo.properties}: {@code ats=<class>} (a simulated ATS the demo
 * connects to) and {@code tool.<name>=<class>} (a command with a main method). The host shares no type with them but
 * the JDK's: an ATS is a {@code Function<Map<String,String>,Map<String,String>>} from options to wiring, as data.
 *
 * <p>Running from source there is no {@code lib/demo/}: the class path is searched instead.
 */
final class DemoClassPath implements AutoCloseable {

    static final String DESCRIPTOR = "META-INF/rediscover-demo.properties";

    private final ClassLoader loader;
    private final Properties offers = new Properties();

    private DemoClassPath(ClassLoader loader) throws IOException {
        this.loader = loader;
        for (URL u : Collections.list(loader.getResources(DESCRIPTOR))) {
            try (InputStream in = u.openStream()) {
                offers.load(in);
            }
        }
    }

    /**
     * @param home the installation directory
     * @return the demo's class path: {@code home/lib/demo/*.jar} when present, else the host's own class path
     */
    static DemoClassPath open(Path home) {
        Path dir = home.resolve("lib").resolve("demo");
        try {
            if (!Files.isDirectory(dir)) {
                return new DemoClassPath(DemoClassPath.class.getClassLoader());
            }
            List<URL> jars = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                    jars.add(url(jar));
                }
            }
            // Parent first: what the server already has (Jetty, Jackson, SLF4J) is shared, never loaded twice.
            return new DemoClassPath(new URLClassLoader("demo", jars.toArray(URL[]::new), DemoClassPath.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }

    /** A started demo ATS and how to connect to it. */
    record Ats(String connectorId, Map<String, String> settings, Map<String, String> credentials, String description,
               Optional<Path> profiles, AutoCloseable running) {
    }

    /**
     * Starts the demo's ATS.
     *
     * @param options what the ATS takes (host, people, seed, ...)
     * @return it, or empty when no demo jar offers one
     */
    @SuppressWarnings("unchecked")
    Optional<Ats> startAts(Map<String, String> options) {
        String type = offers.getProperty("ats");
        if (type == null) {
            return Optional.empty();
        }
        try {
            Object ats = loader.loadClass(type).getConstructor().newInstance();
            Map<String, String> wiring = ((Function<Map<String, String>, Map<String, String>>) ats).apply(options);
            return Optional.of(new Ats(wiring.get("connector"), prefixed(wiring, "setting."), prefixed(wiring, "credential."),
                    wiring.getOrDefault("description", ""), Optional.ofNullable(wiring.get("profiles")).map(Path::of),
                    (AutoCloseable) ats));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("the demo's ATS " + type + " cannot be started: " + e, e);
        }
    }

    private static Map<String, String> prefixed(Map<String, String> wiring, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        wiring.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /**
     * Runs a demo tool's main method in this class path.
     *
     * @param name the tool, e.g. {@code icims-sim}
     * @param args its arguments
     * @return false when no demo jar offers it
     */
    boolean runTool(String name, String[] args) {
        String type = offers.getProperty("tool." + name);
        if (type == null) {
            return false;
        }
        try {
            Method main = loader.loadClass(type).getMethod("main", String[].class);
            Thread.currentThread().setContextClassLoader(loader);
            main.invoke(null, (Object) args);
            return true;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the demo tool " + name + " (" + type + ") failed: " + e.getCause(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (loader instanceof URLClassLoader u) {
            u.close();
        }
    }
}

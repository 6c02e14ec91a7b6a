package io.rediscover.testing;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds real PF4J plugin zips at test time: compiles connector sources against plugin-api (PF4J's annotation
 * processor indexes the {@code @Extension}s), jars them and zips them with a {@code plugin.properties}, exactly as a
 * plugin author's build would. Used to test how the host treats broken plugins.
 */
public final class PluginZips {

    private PluginZips() {
    }

    /**
     * @param dir        where to write the zip
     * @param name       the zip file name
     * @param properties the plugin.properties content
     * @param sources    Java sources by fully qualified class name
     * @return the zip
     * @throws IOException when writing fails
     */
    public static Path build(Path dir, String name, String properties, Map<String, String> sources) throws IOException {
        Path work = Files.createTempDirectory(dir, "build");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path f = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(f.getParent());
            Files.writeString(f, s.getValue());
            files.add(f.toString());
        }
        if (!files.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                    "-processor", "org.pf4j.processor.ExtensionAnnotationProcessor"));
            args.addAll(files);
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            if (javac.run(null, null, err, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test plugin does not compile:\n" + err);
            }
        }
        Path zip = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "plugin.properties", properties.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream jar = new ByteArrayOutputStream();
            try (ZipOutputStream j = new ZipOutputStream(jar); Stream<Path> walk = Files.walk(classes)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList()) {
                    put(j, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            put(out, "lib/plugin.jar", jar.toByteArray());
        }
        return zip;
    }

    /**
     * Copies a plugin zip, replacing its plugin.properties (to fake another plugin id or requirement).
     *
     * @param original   a plugin zip
     * @param target     the new zip
     * @param properties the new plugin.properties
     * @return the new zip
     * @throws IOException when reading or writing fails
     */
    public static Path withProperties(Path original, Path target, String properties) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(original));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals("plugin.properties") && !e.isDirectory()) {
                    put(out, e.getName(), in.readAllBytes());
                }
            }
            put(out, "plugin.properties", properties.getBytes(StandardCharsets.UTF_8));
        }
        return target;
    }

    /**
     * @param id       plugin id
     * @param requires the plugin-api range it requires, or null
     * @return a plugin.properties
     */
    public static String properties(String id, String requires) {
        return "plugin.id=" + id + "\nplugin.version=1.0.0\nplugin.provider=Test\n"
                + (requires == null ? "" : "plugin.requires=" + requires + "\n");
    }

    /**
     * @param pkg                  the package of the connector class {@code TestConnector}
     * @param descriptorExpression Java code returning its descriptor
     * @return the source of a connector whose check passes and whose sync fails
     */
    public static String connectorSource(String pkg, String descriptorExpression) {
        return """
                package %s;
                import io.rediscover.pluginapi.*;
                import io.rediscover.pluginapi.sync.SyncSource;
                @org.pf4j.Extension
                public class TestConnector implements AtsConnector {
                    public ConnectorDescriptor descriptor() { return %s; }
                    public CheckResult check(Credentials c, ConnectorContext x) { return CheckResult.ok(); }
                    public SyncSource openSync(Credentials c, ConnectorContext x) throws ConnectorException {
                        throw new ConnectorException(ErrorKind.INTERNAL, "test");
                    }
                }
                """.formatted(pkg, descriptorExpression);
    }

    /** @return the zip the reactor built for the iCIMS Stream plugin */
    public static Path icimsZip() throws IOException {
        try (Stream<Path> files = Files.list(TestHosts.reactorPlugins())) {
            return files.filter(f -> f.getFileName().toString().startsWith("icims-stream")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run the build through Maven: no iCIMS zip in "
                            + TestHosts.reactorPlugins()));
        }
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

}

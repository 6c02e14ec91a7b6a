package io.rediscover.plugins;

import com.sun.net.httpserver.HttpServer;
import io.rediscover.config.HostConfig;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.CheckResult;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.ConnectorLog;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.store.DataDirectory;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template plugin installs as docs/writing-a-plugin.md says: its zip, dropped into the plugins directory next to
 * iCIMS, loads behind the host's class-loader wall and runs a check with its own bundled JSON library.
 */
class TemplatePluginInstallTest {

    @TempDir
    Path dir;

    private ConnectorRegistry registry;
    private HttpServer ats;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.stop();
        }
        if (ats != null) {
            ats.stop(0);
        }
    }

    @Test
    void theTemplateZipInstallsBesideIcimsAndChecksAgainstItsAts() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims-stream.zip"));
        Files.copy(templateZip(), plugins.resolve("template-ats.zip"));
        HostConfig config = TestHosts.config(dir.resolve("data"), plugins, Map.of());
        registry = new ConnectorRegistry(config, new DataDirectory(config.data().dir()));
        registry.start();

        assertThat(registry.find("icims-stream")).isPresent();
        LoadedConnector template = registry.find("template-ats").orElseThrow();
        assertThat(template.descriptor().displayName()).isEqualTo("Template ATS");
        assertThat(template.descriptor().version()).isNotBlank().doesNotContain("${");

        startAts();
        String base = "http://127.0.0.1:" + ats.getAddress().getPort() + "/";
        CheckResult ok = template.call(() -> template.connector().check(
                Credentials.of(template.descriptor(), Map.of("accountId", "acme", "apiKey", "k1")), context(base)));
        assertThat(ok.passed()).as(String.valueOf(ok.message())).isTrue();
        CheckResult wrongKey = template.call(() -> template.connector().check(
                Credentials.of(template.descriptor(), Map.of("accountId", "acme", "apiKey", "k2")), context(base)));
        assertThat(wrongKey.field()).isEqualTo("apiKey");
    }

    private static Path templateZip() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/template-plugin"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("template-ats")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run the build through Maven: no template zip in "
                            + "target/template-plugin"));
        }
    }

    /** One page of an empty account, for key k1 only: parsing it takes the plugin's own Jackson. */
    private void startAts() throws IOException {
        ats = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ats.createContext("/v1/accounts/acme/candidates", exchange -> {
            try (exchange) {
                boolean authorised = "Bearer k1".equals(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = (authorised ? "{\"candidates\":[],\"next\":\"\",\"hasMore\":false,\"total\":0}" : "{}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(authorised ? 200 : 401, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        ats.start();
    }

    private ConnectorContext context(String baseUrl) {
        return new ConnectorContext() {
            @Override
            public HttpClient http() {
                return http;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public ConnectorLog log() {
                return new ConnectorLog() {
                    @Override
                    public void debug(String format, Object... args) {
                    }

                    @Override
                    public void info(String format, Object... args) {
                    }

                    @Override
                    public void warn(String format, Object... args) {
                    }

                    @Override
                    public void error(String message, Throwable error) {
                    }
                };
            }

            @Override
            public Cancellation cancellation() {
                return Cancellation.never();
            }

            @Override
            public Map<String, String> settings() {
                return Map.of("baseUrl", baseUrl);
            }
        };
    }
}

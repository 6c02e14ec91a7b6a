package io.rediscover.plugins;

import io.rediscover.Host;
import io.rediscover.pluginapi.Cancellation;
import io.rediscover.pluginapi.ConnectorContext;
import io.rediscover.pluginapi.Credentials;
import io.rediscover.testing.PluginZips;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a plugin receives from the host for a call, and that its log never shows a secret. */
class ConnectorContextsTest {

    @TempDir
    Path dir;

    @Test
    void contextCarriesSettingsHttpAndARedactingLog() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(PluginZips.icimsZip(), plugins.resolve("icims.zip"));
        Executor reads;
        try (Host host = Host.start(TestHosts.config(dir.resolve("data"), plugins,
                Map.of("connectors.icims-stream.apiBaseUrl", "http://127.0.0.1:9/")))) {
            LoadedConnector icims = host.injector().getInstance(ConnectorRegistry.class).find("icims-stream").orElseThrow();
            Credentials credentials = Credentials.of(icims.descriptor(),
                    Map.of("clientId", "client-1", "clientSecret", "TOP-SECRET-42", "streamId", "s1"));
            ConnectorContext ctx = host.injector().getInstance(ConnectorContexts.class)
                    .forCall(icims, "org demo / connection 1", credentials, Cancellation.never(), Metering.NONE);

            assertThat(ctx.setting("apiBaseUrl")).contains("http://127.0.0.1:9/");
            assertThat(ctx.setting("region")).contains("us");
            assertThat(ctx.setting("tokenUrl")).isEmpty();
            assertThat(ctx.http().version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(ctx.cancellation().isRequested()).isFalse();
            reads = ctx.executor();
            assertThat(CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), reads).get(10, TimeUnit.SECONDS))
                    .startsWith("connector-read-");
            assertThat(CompletableFuture.supplyAsync(() -> Thread.currentThread().getContextClassLoader(), reads)
                    .get(10, TimeUnit.SECONDS)).as("plugin code on a host thread sees its own loader")
                    .isSameAs(icims.connector().getClass().getClassLoader());

            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            PrintStream original = System.err;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                ctx.log().warn("token request with {} failed", credentials.get("clientSecret").orElseThrow());
                ctx.log().info("plain TOP-SECRET-42 in the message");
                ctx.log().error("call failed", new IllegalStateException("bad secret TOP-SECRET-42",
                        new RuntimeException("cause has TOP-SECRET-42 too")));
            } finally {
                System.setErr(original);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("token request with **** failed").contains("[org demo / connection 1]")
                    .contains("icims-stream - ").contains("plain **** in the message").contains("bad secret ****").contains("cause has **** too")
                    .doesNotContain("TOP-SECRET-42");
        }
        // The host owns the read threads: they stop with it.
        assertThatThrownBy(() -> reads.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void redactorMasksLongestSecretsFirstAndIgnoresTrivialValues() {
        Redactor r = new Redactor(java.util.Set.of("abcd", "abcdefgh", "x"));
        assertThat(r.redact("key=abcdefgh other=abcd x marks")).isEqualTo("key=**** other=**** x marks");
        assertThat(r.redact((String) null)).isNull();
    }
}

package io.rediscover.pluginapi;

import io.rediscover.pluginapi.record.AtsCandidate;
import io.rediscover.pluginapi.record.AtsDocument;
import io.rediscover.pluginapi.sync.SyncState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractTypesTest {

    private static final ConnectorDescriptor DESCRIPTOR = ConnectorDescriptor.builder("demo-ats", "Demo ATS")
            .capabilities(Capability.REDISCOVERY)
            .credentials(CredentialField.text("clientId", "Client ID").asRequired().pattern("[a-z]+"),
                    CredentialField.secret("clientSecret", "Client Secret").asRequired())
            .filters(FilterField.terms("status", "Status"), FilterField.dateRange("lastUpdated", "Last Updated"))
            .profileFields(ProfileField.email("email", "Email"))
            .setupNote("IPs", "Allow " + SetupNote.EGRESS_IPS)
            .build();

    @Test
    void theVersionConstantMatchesTheBuild() {
        assertThat(PluginApi.VERSION).isEqualTo(System.getProperty("plugin-api.version"));
    }

    @Test
    void credentialsNeverShowSecretsInToString() {
        Credentials c = Credentials.of(DESCRIPTOR, Map.of("clientId", "acme", "clientSecret", "s3cr3t-value"));
        assertThat(c.toString()).contains("clientId=acme").contains("clientSecret=****").doesNotContain("s3cr3t");
        assertThat(c.isSecret("clientSecret")).isTrue();
        assertThat(c.isSecret("clientId")).isFalse();
        assertThat(c.get("clientSecret")).contains("s3cr3t-value");
        assertThat(c.get("missing")).isEmpty();
    }

    @Test
    void aMissingRequiredCredentialIsAConfigErrorNamingTheField() {
        Credentials c = Credentials.of(DESCRIPTOR, Map.of("clientId", " "));
        assertThatThrownBy(() -> c.require("clientId")).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIG);
            assertThat(e.field()).contains("clientId");
        });
    }

    @Test
    void descriptorsAreImmutableDataWithValidation() {
        assertThat(DESCRIPTOR.credential("clientId").orElseThrow().accepts("acme")).isTrue();
        assertThat(DESCRIPTOR.credential("clientId").orElseThrow().accepts("ACME!")).isFalse();
        assertThat(DESCRIPTOR.setupNotes().get(0).placeholders()).containsExactly("egressIps");
        assertThatThrownBy(() -> DESCRIPTOR.filters().add(FilterField.terms("x", "X")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CredentialField.text("k", "K").pattern("[unclosed"))
                .hasMessageContaining("'k'").hasMessageContaining("pattern");
        assertThatThrownBy(() -> CheckResult.failed("clientId", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CheckResult.ok().passed()).isTrue();
        assertThat(CheckResult.ok().warning()).isNull();
    }

    @Test
    void onlyAPassedCheckCarriesAWarningAndTheOlderConstructorStillWorks() {
        CheckResult warned = CheckResult.okWithWarning("no change feed: changes are found by search");
        assertThat(warned.passed()).isTrue();
        assertThat(warned.warning()).isEqualTo("no change feed: changes are found by search");
        assertThat(new CheckResult(false, "clientId", "unknown client")).isEqualTo(CheckResult.failed("clientId", "unknown client"));
        assertThatThrownBy(() -> new CheckResult(false, null, "down", "and also this"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckResult.okWithWarning(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aContextWithoutItsOwnExecutorRunsTasksOnTheCallingThread() {
        ConnectorContext minimal = new ConnectorContext() {
            public java.net.http.HttpClient http() {
                return null;
            }

            public java.time.Clock clock() {
                return java.time.Clock.systemUTC();
            }

            public ConnectorLog log() {
                return null;
            }

            public Cancellation cancellation() {
                return Cancellation.never();
            }
        };
        Thread[] ran = new Thread[1];
        minimal.executor().execute(() -> ran[0] = Thread.currentThread());
        assertThat(ran[0]).isSameAs(Thread.currentThread());
    }

    @Test
    void recordsCopyTheirCollectionsAndDropBlanks() {
        AtsCandidate c = AtsCandidate.builder("42", Instant.parse("2026-01-02T03:04:05Z"))
                .name("Ana", null, "Torres").email("ana@example.com").email(" ").email("ana@example.com")
                .attribute("status", "Hired").attribute("status", "Hired").attribute("source", null)
                .resume(new AtsDocument("cv.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)))
                .build();
        assertThat(c.displayName()).isEqualTo("Ana Torres");
        assertThat(c.emails()).containsExactly("ana@example.com");
        assertThat(c.attributes()).containsOnlyKeys("status").containsEntry("status", java.util.List.of("Hired"));
        assertThat(c.resume().content()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(c.phones()).isEmpty();
        assertThat(SyncState.initial().isInitial()).isTrue();
        assertThat(SyncState.of("{\"v\":1}").toString()).doesNotContain("v\":1");
    }
}

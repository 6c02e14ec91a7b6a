package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** People derived from a public-profile JSON Lines file: true matches, with realistic ATS noise. */
class ProfileCorpusTest {
    static Path fixture() throws URISyntaxException {
        return Path.of(ProfileCorpusTest.class.getResource("/profiles-200.jsonl").toURI());
    }

    @Test
    void derivesNoisyPeopleThatPointBackToTheirProfiles() throws Exception {
        Map<String, JsonNode> profiles = new HashMap<>();
        for (String line : Files.readAllLines(fixture())) {
            JsonNode p = SimHttp.JSON.readTree(line);
            profiles.put(p.get("id").asText(), p);
        }
        SimulatorConfig config = SimulatorConfig.builder().people(250).seed(4).profiles(fixture()).noise(false)
                .clockStart(Instant.parse("2025-06-02T09:00:00Z")).build();
        try (IcimsSimulator sim = IcimsSimulator.start(config)) {
            List<Person> people = sim.tenant().ids(ProfileType.PERSON).stream().map(id -> sim.tenant().person(id).orElseThrow()).toList();
            List<Person> derived = people.stream().filter(p -> p.sourceProfileId() != null).toList();
            assertThat(derived).hasSize(200);
            assertThat(people.subList(200, 250)).allSatisfy(p -> assertThat(p.sourceProfileId()).isNull());

            int exactLastNames = 0;
            int changedFirstNames = 0;
            int missingEmail = 0;
            for (Person p : derived) {
                JsonNode profile = profiles.get(p.sourceProfileId());
                assertThat(profile).isNotNull();
                exactLastNames += p.lastname().toLowerCase(Locale.ROOT).equals(profile.get("last_name").asText()) ? 1 : 0;
                changedFirstNames += p.firstname().toLowerCase(Locale.ROOT).equals(profile.get("first_name").asText()) ? 0 : 1;
                missingEmail += p.email() == null ? 1 : 0;
                if (profile.hasNonNull("linkedin_url") && p.linkedinUrl() != null) {
                    assertThat(p.linkedinUrl()).contains(profile.get("linkedin_url").asText().replaceFirst("^(www\\.)?", ""));
                }
                PersonDetails d = sim.tenant().details(p);
                assertThat(d.workexperience()).hasSize(profile.get("experience").size());
            }
            assertThat(exactLastNames).isBetween(180, 200);
            assertThat(changedFirstNames).isBetween(5, 60);
            assertThat(missingEmail).isBetween(5, 40);

            // The derived person's resume carries the profile's work history.
            Person withResume = derived.stream().filter(p -> p.email() != null
                    && sim.tenant().details(p).resume().format() == ResumeSpec.Format.PDF).findFirst().orElseThrow();
            SimHttp http = new SimHttp(sim);
            var r = http.getBytes("/customers/" + sim.customerId() + "/people/" + withResume.id() + "/fields/resume/binary");
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(r.body())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                assertThat(text).contains(withResume.email()).contains(sim.tenant().details(withResume).workexperience().get(0).employer());
            }
        }
    }

    @Test
    void sampleWriterIsDeterministic(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        new SampleProfileWriter().write(a, 50, 2024);
        new SampleProfileWriter().write(b, 50, 2024);
        assertThat(Files.readAllLines(a)).hasSize(50).isEqualTo(Files.readAllLines(b));
    }

    @Test
    void mainParsesItsOptions() {
        IcimsSimulatorMain main = new IcimsSimulatorMain();
        new picocli.CommandLine(main).parseArgs("--port", "0", "--people", "12", "--seed", "5", "--jobs", "3", "--customer-id", "777");
        assertThat(main.people).isEqualTo(12);
        assertThat(main.jobs).isEqualTo(3);
        assertThat(main.customerId).isEqualTo("777");
        assertThat(new picocli.CommandLine(new IcimsSimulatorMain()).execute("--help")).isZero();
    }
}

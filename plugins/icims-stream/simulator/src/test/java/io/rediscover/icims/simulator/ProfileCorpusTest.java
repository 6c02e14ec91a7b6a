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
            long lookAlikes = people.subList(0, 200).stream().filter(p -> sim.tenant().truth(p.id()).orElseThrow().variant()
                    == MatchTruth.Variant.LOOK_ALIKE).count();
            assertThat(lookAlikes).as("one line, one person: a look-alike stands where its profile's copy would").isBetween(2L, 25L);
            assertThat(derived).hasSize(200 - (int) lookAlikes);
            assertThat(people.subList(200, 250)).allSatisfy(p -> assertThat(p.sourceProfileId()).isNull());
            assertThat(people.subList(200, 250)).allSatisfy(p -> assertThat(sim.tenant().truth(p.id()).orElseThrow().variant())
                    .isEqualTo(MatchTruth.Variant.NOT_IN_CORPUS));

            for (Person p : derived) {
                JsonNode profile = profiles.get(p.sourceProfileId());
                assertThat(profile).isNotNull();
                MatchTruth truth = sim.tenant().truth(p.id()).orElseThrow();
                assertThat(truth.profileId()).isEqualTo(p.sourceProfileId());
                if (truth.variant() == MatchTruth.Variant.URL_IN_FIELD) {
                    assertThat(p.linkedinUrl()).contains(profile.get("linkedin_url").asText().replaceFirst("^(https?://)?(www\\.)?", ""));
                }
                if (truth.variant() == MatchTruth.Variant.URL_VARIANT) {
                    assertThat(slug(p.linkedinUrl())).isEqualTo(slug(profile.get("linkedin_url").asText()));
                }
                PersonDetails d = sim.tenant().details(p);
                assertThat(d.workexperience()).hasSize(profile.get("experience").size()
                        + (truth.variant() == MatchTruth.Variant.JOB_CHANGE ? 1 : 0));
            }
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

    /** The canonical LinkedIn slug of a URL in the spellings the simulator writes (the host has the real normaliser). */
    static String slug(String url) {
        String u = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "").replaceAll("/+$", "");
        java.util.regex.Matcher pub = java.util.regex.Pattern.compile(".*/pub/([^/]+)/([0-9a-f]+)/([0-9a-f]+)/([0-9a-f]+)").matcher(u);
        if (pub.matches()) {
            return pub.group(1) + "-" + pub.group(4) + pub.group(3) + pub.group(2);
        }
        return u.substring(u.indexOf("/in/") + 4);
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

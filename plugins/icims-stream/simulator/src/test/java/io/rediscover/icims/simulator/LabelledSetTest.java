package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated corpus and the labelled sets derived from it: the generator is deterministic to the byte and realistic
 * in shape; a tenant derived from it holds each variant in its stated share, look-alikes that are in no profile, and the
 * ground truth of every person.
 */
class LabelledSetTest {

    static final int PROFILES = 3_000;
    static final int PEOPLE = 3_300;
    @TempDir
    static Path dir;
    static Path corpus;
    static Map<String, JsonNode> byId = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        corpus = dir.resolve("corpus.jsonl.gz");
        new SampleProfileWriter().write(corpus, PROFILES, 7);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(corpus)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode p = SimHttp.JSON.readTree(line);
                byId.put(p.get("id").asText(), p);
            }
        }
    }

    private static IcimsSimulator start(long seed) {
        return IcimsSimulator.start(SimulatorConfig.builder().people(PEOPLE).seed(seed).profiles(corpus).noise(false)
                .clockStart(Instant.parse("2025-06-02T09:00:00Z")).tickingClock(false).build());
    }

    @Test
    void theGeneratorWritesTheSameBytesForTheSameSeed() throws IOException {
        for (String name : List.of("a.jsonl", "a.jsonl.gz")) {
            Path one = dir.resolve("1-" + name);
            Path two = dir.resolve("2-" + name);
            new SampleProfileWriter().write(one, 500, 11);
            new SampleProfileWriter().write(two, 500, 11);
            assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        }
        assertThat(Files.readAllBytes(dir.resolve("1-a.jsonl.gz"))).startsWith(0x1f, 0x8b);
        Path other = dir.resolve("other.jsonl");
        new SampleProfileWriter().write(other, 500, 12);
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(dir.resolve("1-a.jsonl")));
    }

    @Test
    void theCorpusLooksLikeAPeopleDatabase() {
        Set<String> slugs = new HashSet<>();
        int accents = 0;
        int aliases = 0;
        int github = 0;
        int diverse = 0;
        for (JsonNode p : byId.values()) {
            JsonNode experience = p.get("experience");
            assertThat(experience.size()).isBetween(1, 5);
            String previousStart = "9999";
            for (int i = 0; i < experience.size(); i++) {
                JsonNode e = experience.get(i);
                assertThat(SampleProfileWriter.SIZES).contains(e.at("/company/size").asText());
                assertThat(e.at("/company/industry").asText()).isNotBlank();
                assertThat(e.has("end_date") && e.get("end_date").isNull()).as("only the newest job may be current").isEqualTo(
                        i == 0 && p.has("job_title"));
                String start = e.get("start_date").asText();
                int precision = Math.min(start.length(), previousStart.length()); // a year alone is rounded down
                assertThat(start.substring(0, precision)).as("newest first").isLessThanOrEqualTo(previousStart.substring(0, precision));
                previousStart = start;
            }
            if (p.has("linkedin_url")) {
                assertThat(slugs.add(ProfileCorpusTest.slug(p.get("linkedin_url").asText()))).as("unique LinkedIn URLs").isTrue();
            }
            p.path("diversity").forEach(d -> assertThat(List.of("female", "black", "hispanic", "asian", "veteran")).contains(d.asText()));
            accents += p.get("full_name").asText().chars().anyMatch(c -> c > 127) ? 1 : 0;
            aliases += p.has("name_aliases") ? 1 : 0;
            github += p.has("github_url") ? 1 : 0;
            diverse += p.has("diversity") ? 1 : 0;
            assertThat(p.get("skills").size()).isBetween(1, 12);
        }
        assertThat(slugs.size()).isBetween(PROFILES * 80 / 100, PROFILES * 90 / 100);
        assertThat(accents).isGreaterThan(PROFILES / 20);
        assertThat(aliases).isGreaterThan(PROFILES / 20);
        assertThat(github).isGreaterThan(PROFILES / 10);
        assertThat(diverse).isBetween(PROFILES * 20 / 100, PROFILES * 40 / 100);
        for (String field : List.of("education", "certifications", "languages", "interests", "groups", "honors", "headline",
                "location_country", "industry", "job_company_size")) {
            assertThat(byId.values().stream().filter(p -> p.has(field)).count()).as(field).isGreaterThan(PROFILES / 20);
        }
    }

    @Test
    void aDerivedTenantHoldsEachVariantInItsShareWithItsGroundTruth() {
        try (IcimsSimulator sim = start(5)) {
            Tenant tenant = sim.tenant();
            Map<Long, MatchTruth> truths = tenant.truths();
            assertThat(truths).hasSize(PEOPLE);
            Map<MatchTruth.Variant, Integer> counts = new EnumMap<>(MatchTruth.Variant.class);
            truths.values().forEach(t -> counts.merge(t.variant(), 1, Integer::sum));
            assertThat(counts.get(MatchTruth.Variant.NOT_IN_CORPUS)).isEqualTo(PEOPLE - PROFILES);

            // Expected shares: the weights, with the fallbacks for profiles without a LinkedIn URL or a known nickname.
            double linkedin = byId.values().stream().filter(p -> p.has("linkedin_url")).count() / (double) PROFILES;
            double nickname = byId.values().stream().filter(p -> Vocabulary.get().nicknames.containsKey(
                    ProfileCorpusReader.titleCase(p.get("first_name").asText()))).count() / (double) PROFILES;
            double urlWeights = 0;
            for (MatchTruth.Variant v : MatchTruth.Variant.values()) {
                urlWeights += v.needsLinkedin() ? v.weight() : 0;
            }
            for (MatchTruth.Variant v : MatchTruth.Variant.values()) {
                double expected = switch (v) {
                    case NOT_IN_CORPUS -> 0;
                    case NO_URL -> v.weight() + urlWeights * (1 - linkedin);
                    case NICKNAME -> v.weight() * nickname;
                    case NAME_TYPO -> v.weight() + MatchTruth.Variant.NICKNAME.weight() * (1 - nickname);
                    default -> v.needsLinkedin() ? v.weight() * linkedin : v.weight();
                };
                double actual = 100.0 * counts.getOrDefault(v, 0) / PROFILES;
                if (v != MatchTruth.Variant.NOT_IN_CORPUS) {
                    assertThat(actual).as("%% of %s", v).isCloseTo(expected, org.assertj.core.data.Offset.offset(2.5));
                    assertThat(counts.getOrDefault(v, 0)).as("%s present", v).isPositive();
                }
            }

            for (Map.Entry<Long, MatchTruth> e : truths.entrySet()) {
                Person p = tenant.person(e.getKey()).orElseThrow();
                MatchTruth t = e.getValue();
                PersonDetails d = tenant.details(p);
                assertThat(p.sourceProfileId()).isEqualTo(t.profileId());
                switch (t.variant()) {
                    case URL_IN_FIELD, URL_VARIANT -> assertThat(p.linkedinInField()).isTrue();
                    case URL_ONLY_IN_PDF_RESUME, URL_ONLY_IN_DOCX_RESUME -> {
                        assertThat(p.linkedinInField()).isFalse();
                        assertThat(p.linkedinUrl()).isNotNull();
                        assertThat(d.resume().linkedinPlacement()).isNotEqualTo(ResumeSpec.LinkedinPlacement.ABSENT);
                        assertThat(d.resume().format()).isEqualTo(t.variant() == MatchTruth.Variant.URL_ONLY_IN_PDF_RESUME
                                ? ResumeSpec.Format.PDF : ResumeSpec.Format.DOCX);
                    }
                    case NO_URL, NAME_TYPO, NICKNAME, JOB_CHANGE -> {
                        assertThat(p.linkedinUrl()).isNull();
                        assertThat(d.resume().githubUrl()).isNull();
                    }
                    case LOOK_ALIKE -> {
                        JsonNode of = byId.get(t.lookAlikeOf());
                        assertThat(t.profileId()).isNull();
                        assertThat(p.lastname().toLowerCase(Locale.ROOT)).isEqualTo(of.get("last_name").asText());
                        assertThat(p.firstname().toLowerCase(Locale.ROOT)).isEqualTo(of.get("first_name").asText());
                        if (p.linkedinUrl() != null && of.has("linkedin_url")) {
                            assertThat(ProfileCorpusTest.slug(p.linkedinUrl())).isNotEqualTo(ProfileCorpusTest.slug(of.get("linkedin_url").asText()));
                        }
                    }
                    default -> { }
                }
                if (t.variant() == MatchTruth.Variant.URL_VARIANT) {
                    assertThat(ProfileCorpusTest.slug(p.linkedinUrl())).isEqualTo(ProfileCorpusTest.slug(byId.get(t.profileId())
                            .get("linkedin_url").asText()));
                }
                if (t.variant() == MatchTruth.Variant.NICKNAME) {
                    String profileFirst = ProfileCorpusReader.titleCase(byId.get(t.profileId()).get("first_name").asText());
                    assertThat(Vocabulary.get().nicknames.get(profileFirst)).contains(p.firstname());
                }
                if (t.variant() == MatchTruth.Variant.JOB_CHANGE) {
                    JsonNode profile = byId.get(t.profileId());
                    assertThat(d.workexperience().get(0).current()).isTrue();
                    assertThat(d.workexperience().get(0).employer().toLowerCase(Locale.ROOT))
                            .isNotEqualTo(profile.at("/experience/0/company/name").asText());
                    assertThat(d.workexperience()).hasSize(profile.get("experience").size() + 1);
                }
            }
        }
    }

    @Test
    void theSameSeedDerivesTheSameTenantAndTruth() {
        try (IcimsSimulator a = start(9); IcimsSimulator b = start(9); IcimsSimulator c = start(10)) {
            assertThat(a.tenant().truths()).isEqualTo(b.tenant().truths());
            for (long id : a.tenant().ids(ProfileType.PERSON)) {
                assertThat(a.tenant().person(id)).isEqualTo(b.tenant().person(id));
            }
            assertThat(a.tenant().truths()).isNotEqualTo(c.tenant().truths());
        }
    }
}

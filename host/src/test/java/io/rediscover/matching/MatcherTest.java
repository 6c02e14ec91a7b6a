package io.rediscover.matching;

import io.rediscover.Host;
import io.rediscover.profiles.BadLine;
import io.rediscover.profiles.LinkUrls;
import io.rediscover.profiles.Profile;
import io.rediscover.profiles.ProfileJson;
import io.rediscover.profiles.ProfileStore;
import io.rediscover.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each step of the matching cascade on hand-made profiles in a real host's corpus: the URL steps with their name check,
 * the profile score with nicknames, accents, initials, swapped names and typos that must match, and the look-alikes that
 * must not (a namesake, a namesake at the same employer in other years, two equally good profiles).
 */
class MatcherTest {

    @TempDir
    static Path dir;
    private static Host host;
    private static Matcher matcher;

    private static final String WILLIAM = """
            {"id":"p-william","first_name":"William","last_name":"Thornbury","linkedin_url":"linkedin.com/in/wthornbury-0a1b2c3d4",
             "github_url":"github.com/wthorn","location_locality":"leeds","experience":[
              {"company":{"name":"Halverson Analytics Ltd"},"title":{"name":"senior data engineer"},"start_date":"2020-03","end_date":null},
              {"company":{"name":"Brightwell Insurance"},"title":{"name":"data analyst"},"start_date":"2016-09","end_date":"2020-02"}],
             "education":[{"school":{"name":"university of york"},"degrees":["bachelor of science"],"start_date":"2012","end_date":"2016"}]}""";
    private static final String JOSE = """
            {"id":"p-jose","first_name":"José","last_name":"García Márquez","location_locality":"sevilla","experience":[
              {"company":{"name":"Telefónica"},"title":{"name":"network architect"},"start_date":"2018-01","end_date":null}],
             "education":[{"school":{"name":"universidad de sevilla"},"degrees":["ingeniería"],"end_date":"2012"}]}""";
    private static final String WEI = """
            {"id":"p-wei","first_name":"Wei","last_name":"Zhangsun","experience":[
              {"company":{"name":"Orbital Freight"},"title":{"name":"product manager"},"start_date":"2019-06","end_date":null},
              {"company":{"name":"Kestrel Labs"},"title":{"name":"analyst"},"start_date":"2015-02","end_date":"2019-05"}]}""";
    /** Two profiles with the same name, employer and dates: no way to tell them apart. */
    private static final String TWIN_A = """
            {"id":"p-twin-a","first_name":"Priya","last_name":"Ravindran","experience":[
              {"company":{"name":"Lumen Biotech"},"title":{"name":"scientist"},"start_date":"2017-04","end_date":null}]}""";
    private static final String TWIN_B = TWIN_A.replace("p-twin-a", "p-twin-b");
    /** A namesake of William's at his employer, years before him. */
    private static final String OTHER_WILLIAM = """
            {"id":"p-other-william","first_name":"William","last_name":"Thornbury","experience":[
              {"company":{"name":"Halverson Analytics"},"title":{"name":"senior data engineer"},"start_date":"2005-01","end_date":"2009-12"}]}""";

    @BeforeAll
    static void corpus() throws Exception {
        host = Host.start(TestHosts.config(dir.resolve("data"), Files.createDirectories(dir.resolve("plugins")), Map.of()));
        List<Profile> profiles = new ArrayList<>();
        for (String json : List.of(WILLIAM, JOSE, WEI, TWIN_A, TWIN_B, OTHER_WILLIAM)) {
            profiles.add(parse(json));
        }
        host.injector().getInstance(ProfileStore.class).write(profiles, (b, w) -> { });
        matcher = host.injector().getInstance(Matcher.class);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Profile parse(String json) throws BadLine {
        return ProfileJson.parse(json.replace("\n", ""));
    }

    private static CandidateIdentity.Job job(String employer, String title, String start, String end) {
        return new CandidateIdentity.Job(employer, title, start, end, end == null);
    }

    private static CandidateIdentity person(String first, String last, List<CandidateIdentity.Job> work,
                                            List<CandidateIdentity.Study> education, String city) {
        return new CandidateIdentity(first, null, last, List.of(), List.of(), work, education,
                city == null ? null : new CandidateIdentity.Place(city, null, null));
    }

    private static CandidateIdentity withLinkedin(CandidateIdentity c, String raw, CandidateIdentity.Origin origin) {
        return new CandidateIdentity(c.firstName(), c.middleName(), c.lastName(),
                List.of(new CandidateIdentity.Link(LinkUrls.linkedin(raw).orElseThrow(), origin)), c.githubUrls(), c.work(),
                c.education(), c.location());
    }

    private static Optional<Match> match(CandidateIdentity c) {
        return matcher.match(c).match();
    }

    private static final List<CandidateIdentity.Job> WILLIAM_JOBS = List.of(
            job("Halverson Analytics", "Senior Data Engineer", "2020-03-01", null),
            job("Brightwell Insurance", "Data Analyst", "2016-09-01", "2020-02-01"));
    private static final List<CandidateIdentity.Study> YORK = List.of(
            new CandidateIdentity.Study("University of York", "Bachelor of Science", "2012-09-01", "2016-06-01"));

    @Test
    void aLinkedinUrlInAnySpellingMatchesWhenTheNameAgrees() {
        CandidateIdentity bare = person("Bill", "Thornbury", List.of(), List.of(), null);
        for (String url : List.of("https://www.linkedin.com/in/wthornbury-0a1b2c3d4/", "http://uk.linkedin.com/in/WThornbury-0a1b2c3d4",
                "linkedin.com/pub/wthornbury/3d4/b2c/0a1?trk=x", "https://m.linkedin.com/in/wthornbury-0a1b2c3d4#top")) {
            Match m = match(withLinkedin(bare, url, CandidateIdentity.Origin.RESUME)).orElseThrow(() -> new AssertionError(url));
            assertThat(m.profileId()).as(url).isEqualTo("p-william");
            assertThat(m.method()).isEqualTo(Match.Method.LINKEDIN);
            assertThat(m.score()).isEqualTo(1.0);
            assertThat(m.evidence()).anyMatch(e -> e.contains("linkedin.com/in/wthornbury-0a1b2c3d4") && e.contains("resume"));
        }
    }

    @Test
    void aLinkedinUrlOfSomeoneWithAnotherNameDecidesNothing() {
        CandidateIdentity stranger = withLinkedin(person("Margaret", "Okafor", List.of(), List.of(), "leeds"),
                "linkedin.com/in/wthornbury-0a1b2c3d4", CandidateIdentity.Origin.ATS);
        Matcher.Outcome outcome = matcher.match(stranger);
        assertThat(outcome.match()).isEmpty();
        assertThat(outcome.keys()).contains("li:linkedin.com/in/wthornbury-0a1b2c3d4", "n:margaret|okafor");
    }

    @Test
    void githubComesAfterLinkedin() {
        CandidateIdentity c = new CandidateIdentity("W.", null, "Thornbury", List.of(new CandidateIdentity.Link(
                "linkedin.com/in/nobody-in-the-corpus", CandidateIdentity.Origin.ATS)),
                List.of(new CandidateIdentity.Link("github.com/wthorn", CandidateIdentity.Origin.RESUME)), List.of(), List.of(), null);
        Match m = match(c).orElseThrow();
        assertThat(m.method()).isEqualTo(Match.Method.GITHUB);
        assertThat(m.profileId()).isEqualTo("p-william");
    }

    @Test
    void theScoreMatchesOnHistoryAndEducation() {
        Match m = match(person("William", "Thornbury", WILLIAM_JOBS, YORK, "Leeds")).orElseThrow();
        assertThat(m.profileId()).isEqualTo("p-william");
        assertThat(m.method()).isEqualTo(Match.Method.PROFILE_SCORE);
        assertThat(m.score()).isBetween(0.9, 1.0);
        assertThat(m.evidence()).anyMatch(e -> e.startsWith("employer halverson analytics from 2020-03 (same start)"))
                .anyMatch(e -> e.startsWith("school university of york, degree bachelor of science, graduated 2016"))
                .anyMatch(e -> e.startsWith("next best profile"));
    }

    @Test
    void nicknamesAccentsInitialsSwappedNamesAndTyposMatch() {
        assertThat(match(person("Bill", "Thornbury", WILLIAM_JOBS, List.of(), null))).as("nickname")
                .map(Match::profileId).contains("p-william");
        assertThat(match(person("W.", "Thornbury", WILLIAM_JOBS, YORK, null))).as("initial")
                .map(Match::profileId).contains("p-william");
        assertThat(match(person("Thornbury", "William", WILLIAM_JOBS, List.of(), null))).as("swapped")
                .map(Match::profileId).contains("p-william");
        assertThat(match(person("William", "Thornbry", WILLIAM_JOBS, List.of(), null))).as("typo in the surname")
                .map(Match::profileId).contains("p-william");
        assertThat(match(person("Willaim", "Thornbury", WILLIAM_JOBS, List.of(), null))).as("typo in the first name")
                .map(Match::profileId).contains("p-william");
        List<CandidateIdentity.Job> telefonica = List.of(job("TELEFONICA S.A.", "Network Architect", "2018-01-15", null));
        assertThat(match(person("Jose", "Garcia", telefonica, List.of(), null))).as("accents, a compound surname in part")
                .map(Match::profileId).contains("p-jose");
        assertThat(match(person("Wei", "Zhangsun", List.of(job("Orbital Freight", "Product Manager", "2019-06-01", null)),
                List.of(), null))).as("one job with its start month").map(Match::profileId).contains("p-wei");
    }

    @Test
    void aJobTheProfileDoesNotHaveYetCostsNothing() {
        List<CandidateIdentity.Job> moved = new ArrayList<>();
        moved.add(job("Quillon Systems", "Staff Engineer", "2025-03-01", null));
        moved.add(job("Halverson Analytics", "Senior Data Engineer", "2020-03-01", "2025-02-01"));
        moved.add(WILLIAM_JOBS.get(1));
        assertThat(match(person("William", "Thornbury", moved, List.of(), null))).map(Match::profileId).contains("p-william");
    }

    @Test
    void lookAlikesDoNotMatch() {
        assertThat(match(person("William", "Thornbury", List.of(job("Corvid Retail", "Store Manager", "2014-01-01", null)),
                List.of(new CandidateIdentity.Study("Leeds Beckett University", "BA", "2008", "2011")), "Leeds")))
                .as("same name and city, another career").isEmpty();
        assertThat(match(person("William", "Thornbury", List.of(job("Halverson Analytics", "Intern", "2011-06-01", "2011-09-01")),
                List.of(), null))).as("same name, same employer, other years").isEmpty();
        assertThat(match(person("Priya", "Ravindran", List.of(job("Lumen Biotech", "Scientist", "2017-04-01", null)),
                List.of(), null))).as("two profiles equally good").isEmpty();
        assertThat(match(person("William", "Thornbury", List.of(), List.of(), "Leeds"))).as("a name alone").isEmpty();
        assertThat(match(person("Wendy", "Thornbury", WILLIAM_JOBS, YORK, null))).as("another first name").isEmpty();
    }
}

package io.rediscover.profiles;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading one line of the import format: every field, lenient where the format is, reasons where it is not. */
class ProfileJsonTest {

    static final String EXAMPLE = "{\"id\":\"p_000123\",\"full_name\":\"ana maría torres\",\"first_name\":\"ana maría\","
            + "\"last_name\":\"torres\",\"name_aliases\":[\"anita torres\"],"
            + "\"linkedin_url\":\"https://www.LinkedIn.com/in/ana-torres-12ab/\",\"github_url\":\"github.com/atorres\","
            + "\"twitter_url\":\"twitter.com/anat\",\"facebook_url\":\"facebook.com/ana.torres\","
            + "\"profiles\":[{\"network\":\"LinkedIn\",\"url\":\"uk.linkedin.com/in/ana-torres-12ab?trk=x\",\"username\":\"ana-torres-12ab\"},"
            + "{\"network\":\"stackoverflow\",\"url\":\"stackoverflow.com/users/1/ana\"}],"
            + "\"headline\":\"backend engineer\",\"job_title\":\"senior backend engineer\",\"job_company_name\":\"acme\","
            + "\"job_company_size\":\"1001-5000\",\"job_company_industry\":\"computer software\",\"job_start_date\":\"2021-03\","
            + "\"industry\":\"computer software\",\"location_name\":\"seattle, washington, united states\","
            + "\"location_locality\":\"seattle\",\"location_region\":\"washington\",\"location_country\":\"united states\","
            + "\"skills\":[\"java\",\"kafka\"],"
            + "\"experience\":[{\"company\":{\"name\":\"acme\",\"size\":\"1001-5000\",\"industry\":\"computer software\"},"
            + "\"title\":{\"name\":\"senior backend engineer\"},\"start_date\":\"2021-03\",\"end_date\":null,\"is_primary\":true,"
            + "\"location_names\":[\"seattle\"]},"
            + "{\"company\":{\"name\":\"globex\"},\"title\":{\"name\":\"software engineer\"},\"start_date\":\"2016-07\",\"end_date\":\"2021-02\"},"
            + "{\"company\":{\"name\":\"Acme\"},\"title\":{\"name\":\"intern\"},\"start_date\":\"2015\",\"end_date\":\"2015-09-30\"}],"
            + "\"education\":[{\"school\":{\"name\":\"university of washington\"},\"degrees\":[\"bachelor of science\"],"
            + "\"majors\":[\"computer science\"],\"start_date\":\"2012\",\"end_date\":\"2016\"}],"
            + "\"certifications\":[{\"name\":\"aws certified developer\",\"organization\":\"amazon web services\"}],"
            + "\"languages\":[{\"name\":\"spanish\",\"proficiency\":\"native\"}],\"interests\":[\"climbing\"],"
            + "\"groups\":[\"women in tech seattle\"],\"honors\":[\"dean's list\"],\"diversity\":[\"Female\",\"hispanic\"],"
            + "\"vendor_score\":0.93,\"job_onet_code\":{\"x\":1}}";

    @Test
    void readsEveryFieldOfTheFormat() throws BadLine {
        Profile p = ProfileJson.parse(EXAMPLE);
        assertThat(p.id()).isEqualTo("p_000123");
        assertThat(p.fullName()).isEqualTo("ana maría torres");
        assertThat(p.firstName()).isEqualTo("ana maría");
        assertThat(p.lastName()).isEqualTo("torres");
        assertThat(p.middleName()).isNull();
        assertThat(p.nameAliases()).containsExactly("anita torres");
        assertThat(p.linkedinUrl()).isEqualTo("linkedin.com/in/ana-torres-12ab");
        assertThat(p.githubUrl()).isEqualTo("github.com/atorres");
        assertThat(p.twitterUrl()).isEqualTo("twitter.com/anat");
        assertThat(p.facebookUrl()).isEqualTo("facebook.com/ana.torres");
        assertThat(p.profiles()).containsExactly(
                new Profile.SocialProfile("linkedin", "linkedin.com/in/ana-torres-12ab", "ana-torres-12ab"),
                new Profile.SocialProfile("stackoverflow", "stackoverflow.com/users/1/ana", null));
        assertThat(p.headline()).isEqualTo("backend engineer");
        assertThat(p.jobTitle()).isEqualTo("senior backend engineer");
        assertThat(p.jobCompanyName()).isEqualTo("acme");
        assertThat(p.jobCompanySize()).isEqualTo("1001-5000");
        assertThat(p.jobCompanyIndustry()).isEqualTo("computer software");
        assertThat(p.jobStartDate()).isEqualTo("2021-03");
        assertThat(p.industry()).isEqualTo("computer software");
        assertThat(List.of(p.locationName(), p.locationLocality(), p.locationRegion(), p.locationCountry()))
                .containsExactly("seattle, washington, united states", "seattle", "washington", "united states");
        assertThat(p.skills()).containsExactly("java", "kafka");
        assertThat(p.experience()).hasSize(3);
        Profile.Experience current = p.experience().get(0);
        assertThat(current.company()).isEqualTo(new Profile.Company("acme", "1001-5000", "computer software"));
        assertThat(current.title()).isEqualTo("senior backend engineer");
        assertThat(current.startDate()).isEqualTo("2021-03");
        assertThat(current.current()).isTrue();
        assertThat(current.primary()).isTrue();
        assertThat(current.locationNames()).containsExactly("seattle");
        assertThat(p.experience().get(2).endDate()).isEqualTo("2015-09-30");
        assertThat(p.education()).containsExactly(new Profile.EducationEntry("university of washington",
                List.of("bachelor of science"), List.of("computer science"), "2012", "2016"));
        assertThat(p.certifications()).containsExactly(new Profile.Certification("aws certified developer",
                "amazon web services", null, null));
        assertThat(p.languages()).containsExactly(new Profile.Language("spanish", "native"));
        assertThat(p.interests()).containsExactly("climbing");
        assertThat(p.groups()).containsExactly("women in tech seattle");
        assertThat(p.honors()).containsExactly("dean's list");
        assertThat(p.diversity()).containsExactly("female", "hispanic");
        assertThat(p.linkedinUrls()).containsExactly("linkedin.com/in/ana-torres-12ab");
        assertThat(p.githubUrls()).containsExactly("github.com/atorres");
    }

    @Test
    void derivesExperienceCurrentRoleAndPastCompaniesAndTitles() throws BadLine {
        Profile p = ProfileJson.parse(EXAMPLE);
        LocalDate asOf = LocalDate.of(2025, 3, 15);
        // 2015-01..2015-09 (8 months) + 2016-07..2021-02 (55) + 2021-03..2025-03 (48) = 111 months
        assertThat(p.yearsOfExperience(asOf)).isEqualTo(9.3);
        assertThat(p.yearsInCurrentRole(asOf)).contains(4.0);
        assertThat(p.pastCompanies()).containsExactly("globex", "Acme");
        assertThat(p.pastTitles()).containsExactly("software engineer", "intern");

        Profile overlapping = ProfileJson.parse("{\"id\":\"o\",\"experience\":["
                + "{\"start_date\":\"2020-01\",\"end_date\":\"2022-01\"},{\"start_date\":\"2021-01\",\"end_date\":\"2023-01\"},"
                + "{\"title\":{\"name\":\"undated\"},\"end_date\":\"2010\"}]}");
        assertThat(overlapping.yearsOfExperience(asOf)).isEqualTo(3.0);
        assertThat(overlapping.yearsInCurrentRole(asOf)).isEmpty();
        assertThat(ProfileJson.parse("{\"id\":\"j\",\"job_start_date\":\"2024-03\"}").yearsInCurrentRole(asOf)).contains(1.0);
    }

    @Test
    void missingAndUnknownFieldsAreFine() throws BadLine {
        Profile p = ProfileJson.parse("{\"id\":\"only-id\",\"something_new\":[1,2,{\"a\":null}],\"skills\":null,"
                + "\"first_name\":\"  \",\"experience\":[null,{\"company\":null,\"title\":null}],\"linkedin_url\":\"linkedin.com/company/acme\"}");
        assertThat(p.id()).isEqualTo("only-id");
        assertThat(p.skills()).isEmpty();
        assertThat(p.firstName()).isNull();
        assertThat(p.experience()).hasSize(1);
        assertThat(p.experience().get(0).company()).isNull();
        assertThat(p.experience().get(0).current()).isTrue();
        assertThat(p.linkedinUrl()).as("a company page is no profile URL").isNull();
    }

    @Test
    void aBadLineSaysWhichFieldAndWhatWasExpected() {
        assertReason("not json", "not valid JSON at column 1: Unrecognized token 'not': was expecting (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false')");
        assertReason("{\"id\":\"a\"", "not valid JSON at column 10: Unexpected end-of-input: expected close marker for Object");
        assertReason("[1,2]", "expected a JSON object, got an array");
        assertReason("{\"id\":\"a\"} {\"id\":\"b\"}", "not valid JSON at column 12: more than one JSON value on the line");
        assertReason("{\"full_name\":\"no id\"}", "id: required, a non-empty string");
        assertReason("{\"id\":\"\"}", "id: required, a non-empty string");
        assertReason("{\"id\":123}", "id: expected a string, got a number");
        assertReason("{\"id\":\"a\",\"skills\":\"java\"}", "skills: expected an array of strings, got a string");
        assertReason("{\"id\":\"a\",\"skills\":[\"java\",7]}", "skills[1]: expected a string, got a number");
        assertReason("{\"id\":\"a\",\"first_name\":{\"x\":1}}", "first_name: expected a string, got an object");
        assertReason("{\"id\":\"a\",\"experience\":{}}", "experience: expected an array of objects, got an object");
        assertReason("{\"id\":\"a\",\"experience\":[{},\"acme\"]}", "experience[1]: expected an object, got a string");
        assertReason("{\"id\":\"a\",\"experience\":[{},{\"company\":\"acme\"}]}", "experience[1].company: expected an object, got a string");
        assertReason("{\"id\":\"a\",\"experience\":[{\"title\":{\"name\":5}}]}", "experience[0].title.name: expected a string, got a number");
        assertReason("{\"id\":\"a\",\"experience\":[{\"start_date\":\"2021/03\"}]}",
                "experience[0].start_date: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '2021/03'");
        assertReason("{\"id\":\"a\",\"education\":[{\"end_date\":\"2016-13\"}]}",
                "education[0].end_date: expected a date YYYY, YYYY-MM or YYYY-MM-DD, got '2016-13'");
        assertReason("{\"id\":\"a\",\"experience\":[{\"is_primary\":\"yes\"}]}", "experience[0].is_primary: expected true or false, got a string");
        assertReason("{\"id\":\"a\",\"diversity\":[\"female\",\"left-handed\"]}",
                "diversity[1]: expected one of female, black, hispanic, asian, veteran, got 'left-handed'");
        assertReason("{\"id\":\"a\",\"education\":[{\"degrees\":[true]}]}", "education[0].degrees[0]: expected a string, got a boolean");
    }

    private static void assertReason(String line, String reason) {
        assertThatThrownBy(() -> ProfileJson.parse(line)).isInstanceOf(BadLine.class).hasMessage(reason);
    }
}

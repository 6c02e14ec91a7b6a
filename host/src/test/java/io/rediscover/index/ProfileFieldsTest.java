package io.rediscover.index;

import io.rediscover.profiles.BadLine;
import io.rediscover.profiles.Profile;
import io.rediscover.profiles.ProfileJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A public profile in the index's fields: text analysed, facets as spelled and folded, years counted, display values. */
class ProfileFieldsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    private static final String LINE = "{\"id\":\"p_7\",\"full_name\":\"José Núñez\",\"name_aliases\":[\"Pepe Núñez\"],"
            + "\"headline\":\"Backend engineer, C++ and Node.js\",\"job_title\":\"Senior Backend Engineer\","
            + "\"job_company_name\":\"Acme\",\"job_company_size\":\"1001-5000\",\"job_company_industry\":\"computer software\","
            + "\"industry\":\"Computer Software\",\"location_name\":\"Sevilla, Andalucía, Spain\","
            + "\"skills\":[\"C++\",\"Kafka\",\"kafka\"],"
            + "\"experience\":[{\"company\":{\"name\":\"Acme\"},\"title\":{\"name\":\"Senior Backend Engineer\"},"
            + "\"start_date\":\"2022-03\",\"end_date\":null},"
            + "{\"company\":{\"name\":\"Globex\"},\"title\":{\"name\":\"Software Engineer\"},\"start_date\":\"2016-03\",\"end_date\":\"2022-03\"}],"
            + "\"education\":[{\"school\":{\"name\":\"Universidad de Sevilla\"},\"degrees\":[\"Bachelor of Science\"],"
            + "\"majors\":[\"Computer Science\"]}],"
            + "\"certifications\":[{\"name\":\"AWS Certified Developer\"}],\"languages\":[{\"name\":\"Spanish\"}],"
            + "\"interests\":[\"climbing\"],\"groups\":[\"Women in Tech\"],\"honors\":[\"Dean's List\"],\"diversity\":[\"hispanic\"]}";

    @Test
    void aProfileBecomesTextFacetsNumbersAndDisplayValues() throws BadLine {
        Profile p = ProfileJson.parse(LINE);
        IndexedCandidate d = ProfileFields.document(p, TODAY);

        assertThat(d.key()).isEqualTo("p_7");
        assertThat(d.externalId()).isEqualTo("p_7");
        assertThat(d.connectionId()).isEmpty();
        assertThat(d.display()).containsEntry("name", "José Núñez").containsEntry("title", "Senior Backend Engineer")
                .containsEntry("company", "Acme").containsEntry("location", "Sevilla, Andalucía, Spain");

        assertThat(d.text()).containsEntry("name", "jose nunez pepe nunez")
                .containsEntry("title", "senior backend engineer").containsEntry("company", "acme")
                .containsEntry("pasttitle", "software engineer").containsEntry("pastcompany", "globex")
                .containsEntry("skill", "c++ kafka kafka").containsEntry("school", "universidad de sevilla")
                .containsEntry("degree", "bachelor of science").containsEntry("major", "computer science")
                .containsEntry("headline", "backend engineer c++ and node.js");
        assertThat(d.text().get("all")).contains("jose nunez", "globex", "aws certified developer", "climbing",
                "women in tech", "spanish", "computer software").doesNotContain("Acme");

        assertThat(d.keywords()).containsEntry("f_skill", List.of("C++", "Kafka"))
                .containsEntry("fk_skill", List.of("c++", "kafka"))
                .containsEntry("f_industry", List.of("Computer Software"))
                .containsEntry("f_companysize", List.of("1001-5000"))
                .containsEntry("f_location", List.of("Sevilla, Andalucía, Spain"))
                .containsEntry("fk_location", List.of("sevilla, andalucia, spain"))
                .containsEntry("f_certification", List.of("AWS Certified Developer"))
                .containsEntry("f_language", List.of("Spanish")).containsEntry("f_group", List.of("Women in Tech"))
                .containsEntry("f_interest", List.of("climbing")).containsEntry("f_honor", List.of("Dean's List"))
                .containsEntry("f_diversity", List.of("hispanic")).containsEntry("f_pastcompany", List.of("Globex"))
                .doesNotContainKey("f_matched");
        assertThat(d.numbers()).containsEntry("n_yearsexperience", 10L).containsEntry("n_yearsinrole", 4L);
        assertThat(d.dates()).isEmpty();
    }

    @Test
    void aSparseProfileHasOnlyWhatItHolds() throws BadLine {
        Profile p = ProfileJson.parse("{\"id\":\"p_8\",\"first_name\":\"Li\",\"last_name\":\"Wei\","
                + "\"location_locality\":\"Shanghai\",\"location_country\":\"China\","
                + "\"experience\":[{\"company\":{\"name\":\"Initech\",\"size\":\"51-200\",\"industry\":\"banking\"},"
                + "\"title\":{\"name\":\"Analyst\"},\"end_date\":null}]}");
        IndexedCandidate d = ProfileFields.document(p, TODAY);

        assertThat(d.display()).containsEntry("name", "Li Wei").containsEntry("title", "Analyst")
                .containsEntry("company", "Initech").containsEntry("location", "Shanghai, China");
        assertThat(d.keywords()).containsEntry("f_industry", List.of("banking"))
                .containsEntry("f_companysize", List.of("51-200")).doesNotContainKeys("f_skill", "f_pastcompany", "f_diversity");
        assertThat(d.numbers()).as("no dated job: no years").isEmpty();
        assertThat(ProfileFields.values(p)).doesNotContainKeys("skill", "headline", "pasttitle");
    }
}

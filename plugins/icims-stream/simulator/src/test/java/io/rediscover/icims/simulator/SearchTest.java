package io.rediscover.icims.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static io.rediscover.icims.simulator.SimHttp.filter;
import static io.rediscover.icims.simulator.SimHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

/** A2 search grammar: operators, groups and children, list fields, date ranges, validation errors. */
class SearchTest {
    static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");
    static IcimsSimulator sim;
    static SimHttp http;
    static long quokka;
    static long quokka2;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(400).seed(11).clockStart(NOW).tickingClock(false)
                .noise(false).build());
        http = new SimHttp(sim);
        quokka = sim.tenant().createPerson(Map.of("firstname", "Zyxwa", "lastname", "Quokka", "email", "zq@example.org"));
        quokka2 = sim.tenant().createPerson(Map.of("firstname", "Other", "lastname", "Quokkaville", "folder", "Employee"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Ids of the tenant's visible people matching a predicate: the oracle. */
    static List<Long> people(Predicate<Person> p) {
        return sim.tenant().ids(ProfileType.PERSON).stream().map(id -> sim.tenant().person(id).orElseThrow())
                .filter(p).map(Person::id).limit(1000).toList();
    }

    @Test
    void textOperatorsAreExactOrContainsAndCaseInsensitive() {
        assertThat(http.searchIds("people", query(filter("person.lastname", "==", "quokka")))).containsExactly(quokka);
        assertThat(http.searchIds("people", query(filter("person.lastname", "=", "UOKK")))).containsExactly(quokka, quokka2);
        assertThat(http.searchIds("people", query(filter("person.lastname", "!==", "Quokka"))))
                .contains(quokka2).doesNotContain(quokka);
        assertThat(http.searchIds("people", query(filter("person.lastname", "!=", "uokk"))))
                .doesNotContain(quokka, quokka2).hasSize(people(p -> !p.lastname().toLowerCase().contains("uokk")).size());
        // several values: any of them
        assertThat(http.searchIds("people", query(filter("person.firstname", "==", "Zyxwa", "Other")))).containsExactly(quokka, quokka2);
        assertThat(http.searchIds("people", query(filter("person.email", "=", "zq@example")))).containsExactly(quokka);
    }

    @Test
    void groupsAndNestedChildren() {
        String q = "{\"filters\":[" + filter("person.lastname", "=", "quokka") + "],\"operator\":\"&\",\"children\":[{\"filters\":["
                + filter("person.firstname", "==", "Zyxwa") + "," + filter("person.firstname", "==", "Nobody") + "],\"operator\":\"|\"}]}";
        assertThat(http.searchIds("people", q)).containsExactly(quokka);
        String or = "{\"operator\":\"|\",\"filters\":[" + filter("person.lastname", "==", "Quokka") + ","
                + filter("person.lastname", "==", "Quokkaville") + "]}";
        assertThat(http.searchIds("people", or)).containsExactly(quokka, quokka2);
    }

    @Test
    void listFieldsMatchByNodeIdOrTextAndUnknownNodesMatchNothing() {
        List<Long> byId = http.searchIds("people", query(filter("person.folder", "=", ListCatalog.EMPLOYEE.id())));
        List<Long> byText = http.searchIds("people", query(filter("person.folder", "=", "employee")));
        assertThat(byId).isNotEmpty().isEqualTo(byText).isEqualTo(people(p -> p.folder().equals(ListCatalog.EMPLOYEE))).contains(quokka2);
        assertThat(http.searchIds("people", query(filter("person.folder", "=", "D99999")))).isEmpty();
        List<Long> notEmployees = http.searchIds("people", query(filter("person.folder", "!=", "Employee")));
        assertThat(notEmployees).doesNotContainAnyElementsOf(byId);
        Workflow w = sim.tenant().workflow(sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).get(0)).orElseThrow();
        assertThat(http.searchIds("applicantworkflows", query(filter("applicantworkflow.status", "=", w.status().value()),
                filter("applicantworkflow.person.id", "=", Long.toString(w.personId()))))).contains(w.id());
    }

    @Test
    void dateRangesWithOptionalAndUnparseableBoundaries() {
        Instant from = NOW.minusSeconds(86_400L * 120);
        Instant to = NOW.minusSeconds(86_400L * 30);
        String fromText = IcimsDates.formatDateTime(from);
        String toText = IcimsDates.formatDateTime(to);
        String range = "{\"filters\":[{\"name\":\"person.updateddate\",\"value\":[\"" + fromText + "\"],\"secondaryValue\":[\"" + toText + "\"]}]}";
        List<Long> expected = people(p -> !p.updateddate().isBefore(from) && !p.updateddate().isAfter(to));
        assertThat(expected).isNotEmpty();
        assertThat(http.searchIds("people", range)).isEqualTo(expected);

        // Unparseable end: dropped, the search widens to "from then on".
        String widened = "{\"filters\":[{\"name\":\"person.updateddate\",\"value\":[\"" + fromText + "\"],\"secondaryValue\":[\"last tuesday\"]}]}";
        assertThat(http.searchIds("people", widened)).isEqualTo(people(p -> !p.updateddate().isBefore(from)));
        // Only the end given: "up to then"; date-only values mean midnight UTC.
        String upTo = "{\"filters\":[{\"name\":\"person.createddate\",\"secondaryValue\":[\"2021-01-01\"]}]}";
        assertThat(http.searchIds("people", upTo)).isEqualTo(people(p -> !p.createddate().isAfter(Instant.parse("2021-01-01T00:00:00Z"))));
        // Comparison operator with a datetime value.
        assertThat(http.searchIds("people", query(filter("person.updateddate", ">=", toText))))
                .isEqualTo(people(p -> !p.updateddate().isBefore(to)));
    }

    @Test
    void validationErrorsAre400WithIcimsErrorBodies() {
        assertError("{\"filters\":[]}", "At least one filter must be specified");
        assertError(query(filter("job.jobtitle", "=", "x")), "The following filter is either not valid or hidden: job.jobtitle");
        assertError(query(filter("person.shoesize", "=", "x")), "The following filter is either not valid or hidden: person.shoesize");
        assertError("{\"filters\":[{\"value\":[\"x\"]}]}", "The following filter is either not valid or hidden: ");
        assertError(query(filter("person.lastname", "<", "x")), "The filter operator is not valid in the given context: <");
        assertError(query(filter("person.folder", "==", "Candidate")), "The filter operator is not valid in the given context: ==");
        assertError("{\"operator\":\"AND\",\"filters\":[" + filter("person.id", ">", "0") + "]}", "The group operator is not valid: AND");
        assertError("{\"filters\":[{\"name\":\"person.id\",\"value\":[\"0\"],\"operator\":\">\",\"colour\":\"red\"}]}",
                "The following filter attribute is unrecognized: colour");
        assertError("{\"filters\":[{\"name\":\"person.updateddate\",\"value\":[\" \"]}]}", "Blank date values are not allowed for filter: person.updateddate");
        assertError("{not json", "An unknown parsing error occurred");
        assertError("{\"filters\":[{\"name\":\"person.id\",\"value\":\"1\",\"operator\":\">\"}]}", "An unknown parsing error occurred");
    }

    private static void assertError(String body, String message) {
        HttpResponse<String> r = http.search("people", body, 0);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(SimHttp.json(r).at("/errors/0/errorMessage").asText()).isEqualTo(message);
        assertThat(r.headers().firstValue("X-Error")).isPresent();
    }

    @Test
    void getWithSearchJsonParameterAndSelfLinks() {
        String q = query(filter("person.lastname", "==", "Quokka"));
        HttpResponse<String> r = http.send(http.api("/customers/" + sim.customerId() + "/search/people?searchJson=" + SimHttp.enc(q)).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(SimHttp.json(r).at("/searchResults/0/id").asLong()).isEqualTo(quokka);
        assertThat(SimHttp.json(r).at("/searchResults/0/self").asText())
                .isEqualTo(sim.baseUrl() + "/customers/" + sim.customerId() + "/people/" + quokka);
    }

    @Test
    void jobAndWorkflowSearches() {
        Job job = sim.tenant().job(sim.tenant().ids(ProfileType.JOB).get(0)).orElseThrow();
        assertThat(http.searchIds("jobs", query(filter("job.jobtitle", "==", job.jobtitle())))).contains(job.id());
        assertThat(http.searchIds("jobs", query(filter("job.folder", "=", job.folder().id())))).contains(job.id());
        List<Long> ofJob = http.searchIds("applicantworkflows", query(filter("applicantworkflow.job.id", "=", Long.toString(job.id()))));
        assertThat(ofJob).allSatisfy(id -> assertThat(sim.tenant().workflow(id).orElseThrow().jobId()).isEqualTo(job.id()));
        HttpResponse<String> unlisted = http.search("applicantworkflows", query(filter("applicantworkflow.createddate", ">", "2020-01-01")), 0);
        assertThat(unlisted.statusCode()).isEqualTo(400);
    }

    @Test
    void postWithoutJsonContentTypeIsRejected() {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/customers/" + sim.customerId() + "/search/people"))
                .header("Authorization", "Bearer " + http.token())
                .POST(HttpRequest.BodyPublishers.ofString(query(filter("person.id", ">", "0")))).build());
        assertThat(r.statusCode()).isEqualTo(415);
    }
}

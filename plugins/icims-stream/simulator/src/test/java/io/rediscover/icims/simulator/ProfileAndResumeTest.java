package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A4 profile GETs (field filtering, value shapes) and A5 resume binaries (real PDF/DOCX). */
class ProfileAndResumeTest {
    static IcimsSimulator sim;
    static SimHttp http;
    static String cid;

    @BeforeAll
    static void start() {
        sim = IcimsSimulator.start(SimulatorConfig.builder().people(300).seed(3).noise(false)
                .clockStart(Instant.parse("2025-06-02T09:00:00Z")).build());
        http = new SimHttp(sim);
        cid = sim.customerId();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Person find(Predicate<Person> p) {
        return sim.tenant().ids(ProfileType.PERSON).stream().map(id -> sim.tenant().person(id).orElseThrow())
                .filter(p).findFirst().orElseThrow(() -> new AssertionError("no such person in the tenant"));
    }

    @Test
    void returnsOnlyRequestedNonEmptyFieldsInIcimsShapes() {
        Person p = find(x -> x.email() != null && x.middlename() == null && !x.phones().isEmpty() && !x.addresses().isEmpty()
                && x.addresses().get(0).state() != null);
        JsonNode body = SimHttp.json(http.get("/customers/" + cid + "/people/" + p.id()
                + "?fields=firstname,middlename,email,phones,addresses,folder,createddate,updateddate,shoesize"));
        List<String> keys = new ArrayList<>();
        body.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("firstname", "email", "phones", "addresses", "folder", "createddate", "updateddate", "links");
        assertThat(body.get("firstname").asText()).isEqualTo(p.firstname());
        assertThat(body.get("folder").get("id").asText()).isEqualTo(p.folder().id());
        assertThat(body.get("folder").get("formattedvalue").asText()).isEqualTo(p.folder().value());
        assertThat(body.get("updateddate").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} (AM|PM)");
        JsonNode phone = body.get("phones").get(0);
        assertThat(phone.get("entry").isNumber()).isTrue();
        assertThat(phone.get("phonetype").get("value").asText()).isEqualTo("Mobile");
        assertThat(phone.get("phonenumber").asText()).isEqualTo(p.phones().get(0).phonenumber());
        JsonNode address = body.get("addresses").get(0);
        assertThat(address.get("addresscity").asText()).isEqualTo(p.addresses().get(0).city());
        assertThat(address.get("addressstate").get("value").asText()).isEqualTo(p.addresses().get(0).state().value());
        assertThat(body.get("links").get(0).get("rel").asText()).isEqualTo("self");
        assertThat(body.get("links").get(0).get("url").asText()).endsWith("/customers/" + cid + "/people/" + p.id());
        assertThat(body.has("id")).isFalse();

        JsonNode withId = SimHttp.json(http.get("/customers/" + cid + "/people/" + p.id() + "?fields=id,lastname"));
        assertThat(withId.get("id").asLong()).isEqualTo(p.id());
    }

    @Test
    void defaultFieldsUppercaseWarningAndCollections() {
        Person p = find(x -> !sim.tenant().details(x).workexperience().isEmpty() && !sim.tenant().details(x).education().isEmpty());
        JsonNode bare = SimHttp.json(http.get("/customers/" + cid + "/people/" + p.id()));
        List<String> keys = new ArrayList<>();
        bare.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("firstname", "lastname", "folder", "links");

        HttpResponse<String> r = http.get("/customers/" + cid + "/people/" + p.id() + "?fields=FirstName,workexperience,education");
        assertThat(r.headers().allValues("X-Warning")).containsExactly("4:FirstName:Field name must be all lowercase");
        JsonNode body = SimHttp.json(r);
        assertThat(body.has("FirstName")).isFalse();
        JsonNode work = body.get("workexperience").get(0);
        assertThat(work.get("workemployer").asText()).isEqualTo(sim.tenant().details(p).workexperience().get(0).employer());
        assertThat(work.get("workstartdate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        JsonNode edu = body.get("education").get(0);
        assertThat(edu.get("school").get("id").asText()).startsWith("D6");
    }

    @Test
    void linkedinCustomFieldOnlyForSomePeople() {
        int withField = 0;
        int withUrl = 0;
        for (long id : sim.tenant().ids(ProfileType.PERSON)) {
            Person p = sim.tenant().person(id).orElseThrow();
            withUrl += p.linkedinUrl() != null ? 1 : 0;
            withField += p.linkedinInField() ? 1 : 0;
        }
        assertThat(withField).isBetween(30, withUrl - 30);
        Person p = find(Person::linkedinInField);
        JsonNode body = SimHttp.json(http.get("/customers/" + cid + "/people/" + p.id() + "?fields=field4711"));
        assertThat(body.get("field4711").asText()).contains("linkedin.com/in/");
        Person q = find(x -> !x.linkedinInField());
        assertThat(SimHttp.json(http.get("/customers/" + cid + "/people/" + q.id() + "?fields=field4711")).has("field4711")).isFalse();
    }

    @Test
    void jobAndWorkflowShapes() {
        Job job = sim.tenant().ids(ProfileType.JOB).stream().map(id -> sim.tenant().job(id).orElseThrow())
                .filter(j -> j.recruiterId() != null).findFirst().orElseThrow();
        JsonNode j = SimHttp.json(http.get("/customers/" + cid + "/jobs/" + job.id()
                + "?fields=jobtitle,jobid,folder,recruiter,hiringmanager,joblocation,positioncategory,createddate,updateddate"));
        assertThat(j.get("jobtitle").asText()).isEqualTo(job.jobtitle());
        assertThat(j.get("jobid").asText()).endsWith("-" + job.id());
        assertThat(j.get("recruiter").get("id").asLong()).isEqualTo(job.recruiterId());
        assertThat(j.get("recruiter").get("profile").asText()).endsWith("/people/" + job.recruiterId());
        assertThat(j.get("joblocation").get("address").asText()).contains("/companies/");

        Workflow w = sim.tenant().workflow(sim.tenant().ids(ProfileType.APPLICANT_WORKFLOW).get(3)).orElseThrow();
        JsonNode wf = SimHttp.json(http.get("/customers/" + cid + "/applicantworkflows/" + w.id()
                + "?fields=associatedprofile,baseprofile,status,bin,source,sourcename,createddate,updateddate"));
        assertThat(wf.get("associatedprofile").get("id").asLong()).isEqualTo(w.personId());
        assertThat(wf.get("associatedprofile").get("value").asText()).isEqualTo(sim.tenant().person(w.personId()).orElseThrow().displayName());
        assertThat(wf.get("baseprofile").get("id").asLong()).isEqualTo(w.jobId());
        assertThat(wf.get("status").get("id").asText()).isEqualTo(w.status().id());
        assertThat(wf.get("bin").get("value").asText()).isEqualTo(w.bin().value());
    }

    @Test
    void pdfResumeParsesBackWithTheEmail() throws Exception {
        Person p = find(x -> x.email() != null && sim.tenant().details(x).resume().format() == ResumeSpec.Format.PDF);
        HttpResponse<byte[]> r = http.getBytes("/customers/" + cid + "/people/" + p.id() + "/fields/resume/binary");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(p.email()).contains("Summary");
            // An embedded font needs no system font to stand in for it (no "Using fallback font" per document).
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                assertThat(resources.getFont(name).isEmbedded()).as("font %s embedded", name).isTrue();
            }
        }
    }

    @Test
    void docxResumeParsesBackAndFooterOnlyLinkedinIsInTheFooter() throws Exception {
        Person p = find(x -> x.email() != null && sim.tenant().details(x).resume().format() == ResumeSpec.Format.DOCX
                && sim.tenant().details(x).resume().linkedinPlacement() == ResumeSpec.LinkedinPlacement.FOOTER);
        HttpResponse<byte[]> r = http.getBytes("/customers/" + cid + "/people/" + p.id() + "/fields/resume/binary");
        assertThat(r.headers().firstValue("Content-Type")).hasValue(ResumeSpec.Format.DOCX.contentType());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            String body = String.join("\n", doc.getParagraphs().stream().map(x -> x.getText()).toList());
            assertThat(body).contains(p.email()).doesNotContain(p.linkedinUrl());
            assertThat(new XWPFWordExtractor(doc).getText()).contains(p.linkedinUrl());
        }
    }

    @Test
    void personWithoutResumeGets404JsonAndUploadsReplaceIt() {
        Person p = find(x -> sim.tenant().details(x).resume().format() == ResumeSpec.Format.NONE);
        HttpResponse<String> none = http.get("/customers/" + cid + "/people/" + p.id() + "/fields/resume/binary");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(SimHttp.json(none).at("/errors/0/errorCode").asInt()).isEqualTo(2);

        sim.tenant().setResume(p.id(), "plain text resume".getBytes(), "application/msword", "cv.doc");
        HttpResponse<String> uploaded = http.get("/customers/" + cid + "/people/" + p.id() + "/fields/resume/binary");
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.headers().firstValue("Content-Type")).hasValue("application/msword");
        assertThat(uploaded.body()).isEqualTo("plain text resume");
        sim.tenant().removeResume(p.id());
        assertThat(http.get("/customers/" + cid + "/people/" + p.id() + "/fields/resume/binary").statusCode()).isEqualTo(404);
    }

    @Test
    void noiseAddsUnknownKeysAndSometimesOmitsOptionalOnes() {
        sim.noise().setEnabled(true);
        sim.noise().setRates(1.0, 0.5);
        try {
            Person p = find(x -> x.email() != null);
            JsonNode body = SimHttp.json(http.get("/customers/" + cid + "/people/" + p.id() + "?fields=firstname,lastname,email,folder"));
            List<String> keys = new ArrayList<>();
            body.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).contains("links").anyMatch(k -> !List.of("firstname", "lastname", "email", "folder", "links").contains(k));
        } finally {
            sim.noise().setEnabled(false);
            sim.noise().setRates(0.1, 0.02);
        }
        Map<String, Long> counts = sim.counters().snapshot();
        assertThat(counts).containsKey("GET:people");
    }
}

package io.rediscover.insights;

import com.fasterxml.jackson.databind.JsonNode;
import io.rediscover.index.Indexes;
import io.rediscover.mirror.ConnectionRef;
import io.rediscover.testing.ApiFixture;
import io.rediscover.testing.Http;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The print view ({@code GET /insights/print}) and the XLSX export ({@code POST /api/insights/export.xlsx}) of
 * hand-made people: both say what the API says, with the org, search, date and total on top; the page escapes every
 * value and needs no inline style or script; the workbook, opened again with POI, has a sheet per category with its rows
 * and one native bar chart each. Neither ever holds another org's values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsPrintExportTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<HandMadePeople.Person> PEOPLE = HandMadePeople.generate(150, 21, "");
    private static final List<HandMadePeople.Person> RIVALS = HandMadePeople.generate(30, 22, "Rival ");

    private ApiFixture api;
    private Http recruiter;
    private Http rival;

    @BeforeAll
    void handMadeIndexes(@TempDir Path dir) throws Exception {
        api = new ApiFixture(dir, "print-secret", 0, Map.of());
        api.org("hand", "ENTERPRISE", true, true);
        api.org("rival", "ENTERPRISE", true, true);
        recruiter = api.user("hand", "rita@hand.example", "RECRUITER");
        rival = api.user("rival", "rob@rival.example", "RECRUITER");
        Indexes indexes = api.host().injector().getInstance(Indexes.class);
        InsightsApiTest.write(indexes.candidates("hand"), PEOPLE, new ConnectionRef("hand", "c1"));
        InsightsApiTest.write(indexes.candidates("rival"), RIVALS, new ConnectionRef("rival", "c9"));
        indexes.publishNow();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void thePrintViewShowsEveryCategoryWithBarsAndEscapesValues() {
        String filters = "{\"yearsexperience\":{\"from\":2},\"diversity\":[\"female\",\"asian\"]}";
        Http.Reply page = recruiter.get("/insights/print?q=" + url("alpha OR beta") + "&filters=" + url(filters) + "&limit=50");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.headers().get("content-security-policy")).anyMatch(p -> p.contains("default-src 'self'"));
        String html = page.body();
        JsonNode answer = recruiter.post("/api/insights", "{\"query\":\"alpha OR beta\",\"filters\":" + filters + ",\"limit\":50}").json();

        assertThat(html).contains("<link rel=\"stylesheet\" href=\"/insights-print.css\">", "<dd>hand Inc</dd>", "<dd>Your ATS</dd>",
                "<dd>alpha OR beta</dd>", "<li>Years of Experience: from 2</li>", "<li>Diversity: female, asian</li>",
                "<dd>" + LocalDate.now(ZoneOffset.UTC) + "</dd>", String.format("<dd>%,d candidates</dd>", answer.path("total").asLong()));
        assertThat(html).as("no script, no inline style: the content security policy allows neither")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style").doesNotContainIgnoringCase(" style=")
                .doesNotContain("<nav");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Labs");
        assertThat(html.split("<section class=\"category\"", -1)).hasSize(Category.ALL.size() + 1);
        for (JsonNode c : answer.path("categories")) {
            String section = html.substring(html.indexOf("<section class=\"category\" id=\"" + c.path("key").asText() + "\""));
            section = section.substring(0, section.indexOf("</section>"));
            assertThat(section).contains("<h2>" + StringEscapeUtils.escapeHtml4(c.path("label").asText()) + "</h2>");
            assertThat(section.split("<svg ", -1)).as("a bar per value of %s", c.path("key")).hasSize(c.path("values").size() + 1);
            for (JsonNode v : c.path("values")) {
                assertThat(section).contains("<tr><td>" + StringEscapeUtils.escapeHtml4(v.path("value").asText())
                        + "</td><td class=\"num\">" + String.format("%,d", v.path("count").asLong()) + "</td>");
            }
            assertThat(section).contains("<td>Unknown</td><td class=\"num\">" + String.format("%,d", c.path("unknown").asLong()));
        }
        assertThat(html).doesNotContainIgnoringCase("rival");
        assertThat(html).contains("<p class=\"group\">Other</p>\n<h2>Certifications</h2>");

        Http.Reply css = api.anonymous().get("/insights-print.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.contentType()).startsWith("text/css");
        assertThat(css.body()).contains("break-before: page");
    }

    @Test
    void thePrintViewAsksStrangersToSignInAndNamesBadParameters() {
        Http.Reply stranger = api.anonymous().get("/insights/print");
        assertThat(stranger.status()).isEqualTo(401);
        assertThat(stranger.contentType()).startsWith("text/html");
        assertThat(stranger.body()).contains("Sign in to Rediscover").doesNotContain("hand Inc");
        assertThat(api.anonymous().with(Map.of("Cookie", "rediscover_session=forged")).get("/insights/print").status()).isEqualTo(401);

        Map<String, String> fields = Map.of(
                "?filters=" + url("not json"), "filters",
                "?filters=" + url("{\"nosuch\":[\"x\"]}"), "filters.nosuch",
                "?filters=" + url("[1]"), "filters",
                "?limit=0", "limit",
                "?corpus=mars", "corpus");
        fields.forEach((query, field) -> {
            Http.Reply r = recruiter.get("/insights/print" + query);
            assertThat(r.status()).as("%s → %s", query, r).isEqualTo(400);
            assertThat(r.field()).as(query).isEqualTo(field);
        });
        assertThat(recruiter.get("/insights/print?limit=many").status()).isEqualTo(400);
        assertThat(recruiter.get("/insights/print?q=" + url("java AND")).code()).isEqualTo("invalid_query");
        assertThat(rival.get("/insights/print").body()).contains("<dd>rival Inc</dd>", "<td>Rival Acme</td>").doesNotContain("<td>Acme</td>");
    }

    private HttpResponse<byte[]> export(Http who, String body) throws IOException, InterruptedException {
        return CLIENT.send(who.request("/api/insights/export.xlsx").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theExportHasASummaryAndASheetWithRowsAndAChartPerCategory() throws Exception {
        String body = "{\"query\":\"alpha OR beta\",\"filters\":{\"yearsexperience\":{\"from\":2}},\"limit\":8}";
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        HttpResponse<byte[]> file = export(recruiter, body);
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type")).hasValue(InsightsResource.XLSX);
        assertThat(file.headers().firstValue("content-disposition").orElseThrow()).isIn(
                "attachment; filename=\"insights-hand-inc-" + before + ".xlsx\"", "attachment; filename=\"insights-hand-inc-" + after + ".xlsx\"");
        JsonNode answer = recruiter.post("/api/insights", body).json();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1 + Category.ALL.size());
            XSSFSheet summary = book.getSheet("Summary");
            assertThat(text(summary)).contains("Org", "hand Inc", "Searched", "Your ATS", "Query", "alpha OR beta", "Filters",
                    "Years of Experience: from 2", "Date", "Total candidates");
            assertThat(summary.getRow(summary.getLastRowNum()).getCell(1).getNumericCellValue())
                    .isEqualTo(answer.path("total").asDouble());
            List<String> names = new ArrayList<>();
            for (int i = 1; i < book.getNumberOfSheets(); i++) {
                names.add(book.getSheetName(i));
            }
            assertThat(names).containsExactly("Location", "Current Company", "Current Title", "Past Company", "Past Title",
                    "Skills", "Years of Experience", "Years in Current Role", "School", "Degree", "Major", "Diversity", "Industry",
                    "Company Size", "Certifications", "Languages", "Groups", "Interests", "Honors-Awards");
            int i = 1;
            for (JsonNode c : answer.path("categories")) {
                XSSFSheet sheet = book.getSheetAt(i++);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(c.path("label").asText());
                int row = InsightsWorkbook.FIRST_VALUE_ROW;
                for (JsonNode v : c.path("values")) {
                    Row r = sheet.getRow(row++);
                    assertThat(r.getCell(0).getStringCellValue()).isEqualTo(v.path("value").asText());
                    assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(v.path("count").asDouble());
                    assertThat(r.getCell(2).getNumericCellValue()).isCloseTo(v.path("share").asDouble(), within(1e-12));
                    assertThat(r.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                }
                assertThat(sheet.getRow(row + 1).getCell(0).getStringCellValue()).isEqualTo("Other values");
                assertThat(sheet.getRow(row + 1).getCell(1).getNumericCellValue()).isEqualTo(c.path("other").asDouble());
                assertThat(sheet.getRow(row + 2).getCell(0).getStringCellValue()).isEqualTo("Unknown");
                assertThat(sheet.getRow(row + 2).getCell(1).getNumericCellValue()).isEqualTo(c.path("unknown").asDouble());

                List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
                assertThat(charts).as("one chart on %s", sheet.getSheetName()).hasSize(1);
                XSSFChart chart = charts.get(0);
                assertThat(chart.getTitleText().getString()).isEqualTo(c.path("label").asText());
                XDDFBarChartData bars = (XDDFBarChartData) chart.getChartSeries().get(0);
                assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
                XDDFChartData.Series series = bars.getSeries(0);
                String rows = "$A$2:$A$" + (1 + c.path("values").size());
                assertThat(series.getCategoryData().getDataRangeReference()).endsWith(rows);
                assertThat(series.getValuesData().getDataRangeReference()).endsWith(rows.replace("A", "B"));
            }
            assertThat(everyText(book)).noneMatch(t -> t.toLowerCase().contains("rival"));
        }

        try (XSSFWorkbook theirs = new XSSFWorkbook(new ByteArrayInputStream(export(rival, "{\"limit\":50}").body()))) {
            for (int s = 1; s < theirs.getNumberOfSheets(); s++) {
                Sheet sheet = theirs.getSheetAt(s);
                if (sheet.getSheetName().startsWith("Years")) {
                    continue;
                }
                for (int r = InsightsWorkbook.FIRST_VALUE_ROW; sheet.getRow(r) != null; r++) {
                    assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).as(sheet.getSheetName()).startsWithIgnoringCase("rival ");
                }
            }
        }

        assertThat(export(recruiter, "{\"limit\":0}").statusCode()).isEqualTo(400);
        assertThat(export(api.anonymous(), "{}").statusCode()).isEqualTo(401);
        assertThat(export(api.anonymous().with(Map.of("Cookie", recruiter.request("/").build().headers().firstValue("Cookie")
                .orElseThrow())), "{}").statusCode()).as("a session without its CSRF token").isEqualTo(403);
    }

    private static String text(Sheet sheet) {
        StringBuilder out = new StringBuilder();
        sheet.forEach(r -> r.forEach(c -> out.append(c).append('\n')));
        return out.toString();
    }

    private static List<String> everyText(XSSFWorkbook book) {
        List<String> out = new ArrayList<>();
        book.forEach(sheet -> sheet.forEach(r -> r.forEach((Cell c) -> out.add(c.toString()))));
        return out;
    }
}

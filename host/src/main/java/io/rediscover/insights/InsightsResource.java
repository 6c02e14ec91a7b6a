package io.rediscover.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rediscover.index.OrgIndex;
import io.rediscover.search.IndexCoverage;
import io.rediscover.search.SearchRequest;
import io.rediscover.tenancy.Caller;
import io.rediscover.tenancy.Org;
import io.rediscover.tenancy.OrgStore;
import io.rediscover.web.ApiResource;
import io.rediscover.web.InvalidField;
import io.rediscover.web.Public;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import java.time.Clock;

/**
 * Insights over a search's result set: {@code POST /api/insights} (JSON), {@code POST /api/insights/export.xlsx} (the
 * same as a workbook with charts) and the print view, a page at {@code GET /insights/print?corpus=&q=&filters=&limit=}
 * (answered here at {@code /api/insights/print}). The caller's org's candidates, or the public profiles; another org's
 * data is in another index and never counted.
 */
@Tag(name = "Insights")
@Path("/insights")
@Singleton
public final class InsightsResource implements ApiResource {

    /** The XLSX media type. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final InsightsService insights;
    private final OrgStore orgs;
    private final ObjectMapper json;
    private final Clock clock;
    private final IndexCoverage coverage;

    /**
     * @param insights computes insights
     * @param orgs     org names, for the print view and the export
     * @param json     reads the print view's filters
     * @param clock    the host's clock (the date on top)
     * @param coverage whether the index holds the whole corpus yet
     */
    @Inject
    public InsightsResource(InsightsService insights, OrgStore orgs, ObjectMapper json, Clock clock, IndexCoverage coverage) {
        this.insights = insights;
        this.orgs = orgs;
        this.json = json;
        this.clock = clock;
        this.coverage = coverage;
    }

    /** @param body the search body and limit @param security the caller @return every category's insight */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Count every insight category over a search's result set (top values, other, unknown, total)",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = InsightsRequest.class),
                    examples = @ExampleObject(name = "A Boolean query with a filter",
                    value = "{\"corpus\":\"ats\",\"query\":\"java OR kotlin\",\"filters\":{\"location\":[\"Boston\"]},\"limit\":10}"))))
    public Insights insights(InsightsRequest body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        InsightsRequest.Valid request = InvalidField.body(body).validate(insights.catalog());
        return insights(caller, request);
    }

    /** @return the request's insights, saying what they may be missing while the index does not hold everything */
    private Insights insights(Caller caller, InsightsRequest.Valid request) {
        // asked before counting: what waits now is what the counts may miss
        IndexCoverage.Coverage covered = coverage.of(request.search().corpus(), caller::org);
        return insights.insights(insights.collection(request, caller::org), request).withCoverage(covered);
    }

    /** @param body the search body and limit @param security the caller @return the insights as an XLSX download */
    @POST
    @Path("/export.xlsx")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(XLSX)
    @Operation(summary = "The same insights as an XLSX workbook: a summary sheet and a sheet with a bar chart per category",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = InsightsRequest.class))))
    public Response export(InsightsRequest body, @Context SecurityContext security) {
        InsightsReport report = report(Caller.of(security), InvalidField.body(body));
        StreamingOutput file = out -> InsightsWorkbook.write(report, out);
        return Response.ok(file, XLSX).header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"").build();
    }

    /**
     * The print view. Public to the API's filter so that a browser without a session gets a page telling it to sign in
     * rather than a JSON error; it answers nothing else without a signed-in caller.
     *
     * @param corpus   {@code ats} (default) or {@code public}
     * @param query    the Boolean query
     * @param filters  the search filters as JSON, e.g. {@code {"location":["Boston"]}}
     * @param limit    values per category
     * @param security the caller, if signed in
     * @return the page, or 401 with a page that says to sign in
     */
    @GET
    @Path("/print")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Public
    @Operation(summary = "The same insights as a print-ready HTML page (also served at /insights/print)")
    public Response print(@QueryParam("corpus") String corpus, @QueryParam("q") String query,
                          @QueryParam("filters") String filters, @QueryParam("limit") Integer limit,
                          @Context SecurityContext security) {
        if (security == null || !(security.getUserPrincipal() instanceof Caller caller)) {
            return Response.status(401).type(MediaType.TEXT_HTML + ";charset=utf-8").entity(SignInPage.HTML).build();
        }
        InsightsRequest body = new InsightsRequest(corpus, query, filters(filters), null, null, null, limit);
        return Response.ok(PrintPage.render(report(caller, body))).build();
    }

    private JsonNode filters(String filters) {
        if (filters == null || filters.isBlank()) {
            return null;
        }
        try {
            return json.readTree(filters);
        } catch (JsonProcessingException e) {
            throw new InvalidField("filters", "filters must be a JSON object: {\"key\": [values]} or {\"key\": {\"from\":…, \"to\":…}}");
        }
    }

    private InsightsReport report(Caller caller, InsightsRequest body) {
        InsightsRequest.Valid request = body.validate(insights.catalog());
        Insights found = insights(caller, request);
        String org = caller.user().org() == null ? "" : orgs.get(caller.user().org()).map(Org::name).orElse(caller.user().org());
        return InsightsReport.of(org, request, clock.instant(), found);
    }
}

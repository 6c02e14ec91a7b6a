package io.rediscover.search;

import io.rediscover.candidates.CandidateId;
import io.rediscover.candidates.CandidateView;
import io.rediscover.candidates.CandidateViews;
import io.rediscover.index.ProfileFields;
import io.rediscover.profiles.Profile;
import io.rediscover.profiles.ProfileStore;
import io.rediscover.tenancy.Caller;
import io.rediscover.web.ApiResource;
import io.rediscover.web.InvalidField;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code POST /api/search}: the caller's org's ATS candidates ({@code corpus: "ats"}) or the public profiles
 * ({@code "public"}, open to every signed-in user) with a Boolean query, filters, order and paging → the exact total,
 * the page's hits with highlighted snippets, facets, the filters offered and the query's warnings. A query that does
 * not parse answers 400 with the column where it goes wrong.
 */
@Tag(name = "Search")
@Path("/search")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public final class SearchResource implements ApiResource {

    private final SearchService search;
    private final CandidateViews candidates;
    private final ProfileStore profiles;
    private final IndexCoverage coverage;

    /**
     * @param search     runs searches
     * @param candidates candidates' texts for snippets
     * @param profiles   public profiles' texts for snippets
     * @param coverage   whether the index holds the whole corpus yet
     */
    @Inject
    public SearchResource(SearchService search, CandidateViews candidates, ProfileStore profiles, IndexCoverage coverage) {
        this.search = search;
        this.candidates = candidates;
        this.profiles = profiles;
        this.coverage = coverage;
    }

    /** @param body the request @param security the caller @return the answer */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search the org's ATS candidates or the public profiles",
            requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = SearchRequest.class),
                    examples = @ExampleObject(name = "Boolean with filters",
                    value = "{\"corpus\":\"ats\",\"query\":\"java AND (spring OR kotlin) -intern\",\"filters\":{\"location\":[\"Boston\"],\"yearsexperience\":{\"from\":5}},\"sort\":\"relevance\",\"page\":1,\"size\":20}"))))
    public SearchResponse search(SearchRequest body, @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        SearchRequest.Valid request = InvalidField.body(body).validate(search.catalog());
        // asked before searching: what waits now is what the answer may miss
        IndexCoverage.Coverage covered = coverage.of(request.corpus(), caller::org);
        return answer(caller, request).withCoverage(covered);
    }

    private SearchResponse answer(Caller caller, SearchRequest.Valid request) {
        ParsedQuery parsed = search.parse(request.query());
        Snippets snippets = new Snippets(parsed == null ? null : parsed.root());
        if (request.corpus() == SearchRequest.Corpus.PUBLIC) {
            SearchResponse found = search.search(search.collection(request.corpus(), caller::org), request, parsed,
                    (connection, external) -> new HitIds.Ids(external, null));
            return snippets.any() ? withSnippets(found, h -> profiles.get(h.id()).map(p -> snippets.of(texts(p)))) : found;
        }
        String org = caller.org();
        SearchResponse found = search.search(search.collection(request.corpus(), caller::org), request, parsed,
                (connection, external) -> new HitIds.Ids(new CandidateId(connection, external).value(), external));
        if (!snippets.any()) {
            return found;
        }
        return withSnippets(found, h -> CandidateId.parse(h.id()).flatMap(id -> candidates.view(org, id)
                .map(view -> snippets.of(texts(view, candidates.resumeText(org, id))))));
    }

    /** @return the answer with each hit's snippets, from the texts {@code snippetsOf} finds for it (none: as it was) */
    private static SearchResponse withSnippets(SearchResponse found,
                                               Function<SearchResponse.Hit, Optional<Map<String, List<Snippets.Fragment>>>> snippetsOf) {
        List<SearchResponse.Hit> hits = found.hits().stream().map(h -> snippetsOf.apply(h)
                .map(sn -> new SearchResponse.Hit(h.id(), h.atsId(), h.name(), h.title(), h.company(), h.location(), h.updated(),
                        sn, h.matched()))
                .orElse(h)).toList();
        return found.withHits(hits);
    }

    /** How much of a resume is looked through for snippets: its start, where what matters usually is. */
    private static final int RESUME_SNIPPET_CHARS = 20_000;

    /** The texts of a candidate a query's words are looked for in, by the field the recruiter sees them in. */
    private static Map<String, String> texts(CandidateView view, Optional<String> resume) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("name", view.name());
        if (view.enrichment() != null) {
            out.put("experience", view.enrichment().workHistory().stream().map(p -> join(p.value().title(), p.value().company()))
                    .collect(Collectors.joining("; ")));
            out.put("education", view.enrichment().education().stream()
                    .map(s -> join(s.value().school(), s.value().degree(), s.value().major())).collect(Collectors.joining("; ")));
            out.put("skills", view.enrichment().skills().stream().map(CandidateView.Sourced::value).collect(Collectors.joining(", ")));
            out.put("location", Optional.ofNullable(view.enrichment().location()).map(CandidateView.Sourced::value).orElse(null));
        }
        resume.ifPresent(text -> out.put("resume", text.substring(0, Math.min(text.length(), RESUME_SNIPPET_CHARS))));
        if (view.ats() != null) {
            out.put("ats", view.ats().workflows().stream().map(w -> join(w.job(), w.status(), w.stage(), w.source(), w.recruiter()))
                    .collect(Collectors.joining("; ")));
        }
        return out;
    }

    /** The texts of a public profile a query's words are looked for in. */
    private static Map<String, String> texts(Profile p) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, List<String>> values = ProfileFields.values(p);
        out.put("name", String.join(", ", values.getOrDefault("name", List.of())));
        out.put("headline", p.headline());
        out.put("experience", p.experience().stream().map(e -> join(e.title(), e.companyName())).collect(Collectors.joining("; ")));
        out.put("education", p.education().stream().map(e -> join(e.school(), String.join(", ", e.degrees()),
                String.join(", ", e.majors()))).collect(Collectors.joining("; ")));
        out.put("skills", String.join(", ", p.skills()));
        out.put("location", String.join(", ", values.getOrDefault("location", List.of())));
        return out;
    }

    private static String join(String... parts) {
        return Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }
}

package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A2/A3 Search API: {@code POST …/search/{type}} with the JSON body, or {@code GET …?searchJson=}; optional
 * {@code staleness} minutes. Answers {@code {"searchResults":[{"id":n,"self":url}]}} with numeric ids.
 */
final class SearchEndpoint {
    private final ObjectMapper json;
    private final SearchQueryParser parser;
    private final SearchEngine engine;
    private final FieldRenderer renderer;
    private final IcimsErrors errors;
    private final ForwardCompatNoise noise;

    SearchEndpoint(ObjectMapper json, SearchEngine engine, FieldRenderer renderer, IcimsErrors errors, ForwardCompatNoise noise,
                   boolean referenceRangeFilters, boolean referenceFilters) {
        this.json = json;
        this.parser = new SearchQueryParser(json, referenceRangeFilters, referenceFilters);
        this.engine = engine;
        this.renderer = renderer;
        this.errors = errors;
        this.noise = noise;
    }

    SimResponse handle(SimRequest request, ProfileType type, Optional<Fault> fault) {
        String body;
        if (request.method().equals("POST")) {
            String ct = request.contentType() == null ? "" : request.contentType().toLowerCase(Locale.ROOT);
            if (!ct.startsWith("application/json")) {
                // "Content-Type: application/json is required on calls that send JSON" [DOC S10]; status [ASSUME].
                return errors.error(415, 1, "Content-Type application/json is required.");
            }
            body = request.bodyText();
        } else if (request.method().equals("GET")) {
            body = request.param("searchJson");
        } else {
            return errors.error(405, 0, "Method not allowed.");
        }
        int staleness = SearchEngine.DEFAULT_STALENESS_MINUTES;
        String stalenessParam = request.param("staleness");
        if (stalenessParam != null) {
            try {
                staleness = Integer.parseInt(stalenessParam.trim());
                if (staleness < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                return errors.error(400, SearchErrors.ERROR_CODE, SearchErrors.INVALID_STALENESS.formatted(stalenessParam));
            }
        }
        if (fault.isPresent() && fault.get() instanceof Fault.SearchValidationError) {
            return errors.error(400, SearchErrors.ERROR_CODE, SearchErrors.PARSE_ERROR);
        }
        SearchQuery query;
        try {
            query = parser.parse(type, body);
        } catch (SearchValidationException e) {
            return errors.error(400, SearchErrors.ERROR_CODE, e.getMessage());
        }
        List<Long> ids = fault.isPresent() && fault.get() instanceof Fault.EmptySearchPage
                ? List.of() : engine.search(query, staleness);
        ObjectNode out = json.createObjectNode();
        ArrayNode rows = out.putArray(IcimsFieldNames.SEARCH_RESULTS);
        for (long id : ids) {
            rows.addObject().put(IcimsFieldNames.ID, id).put(IcimsFieldNames.SELF, renderer.profileUrl(type, id));
        }
        noise.searchResults(out);
        return SimResponse.json(200, out.toString());
    }
}

package io.rediscover.pluginapi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The ATS's daily request quota, as a connector declares it ({@link ConnectorDescriptor#requestQuota()}): how many
 * requests a customer's licence allows a day by default, and which requests count against it. Budgets are the host's
 * business: every connection gets a daily request budget (a share of this quota, set by the org admin), the host counts
 * the requests that count as they leave through {@link ConnectorContext#http()}, and refuses them once the budget is
 * spent ({@link BudgetExhaustedException}). The plugin only says what its ATS counts.
 *
 * <p>Build one with {@link #daily(long)}:
 * <pre>{@code RequestQuota.daily(10_000).notCounting("/oauth/token$").describedAs("Every API request counts except tokens.")}</pre>
 *
 * @param dailyLimit     requests a customer's licence allows a day by default, shared with their other integrations
 * @param uncountedPaths regular expressions; a request whose URI path contains a match does not count (token
 *                       endpoints, for example)
 * @param description    what counts, in a sentence for the org admin; may be empty
 */
public record RequestQuota(long dailyLimit, List<String> uncountedPaths, String description) {

    /** Canonical constructor: the limit is positive and every pattern compiles. */
    public RequestQuota {
        if (dailyLimit < 1) {
            throw new IllegalArgumentException("a daily request quota must be at least 1, got " + dailyLimit);
        }
        uncountedPaths = List.copyOf(uncountedPaths);
        for (String p : uncountedPaths) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("uncounted path pattern does not compile: " + e.getDescription(), e);
            }
        }
        description = description == null ? "" : description;
    }

    /**
     * @param dailyLimit requests a customer's licence allows a day by default
     * @return a quota under which every request counts
     */
    public static RequestQuota daily(long dailyLimit) {
        return new RequestQuota(dailyLimit, List.of(), "");
    }

    /**
     * @param pathPatterns regular expressions for URI paths that do not count (found anywhere in the path)
     * @return a copy that does not count requests to those paths
     */
    public RequestQuota notCounting(String... pathPatterns) {
        return new RequestQuota(dailyLimit, List.of(pathPatterns), description);
    }

    /**
     * @param text what counts, for the org admin
     * @return a copy with that description
     */
    public RequestQuota describedAs(String text) {
        return new RequestQuota(dailyLimit, uncountedPaths, text);
    }

    /**
     * @param uri where a request goes
     * @return whether a request to it counts against the quota
     */
    public boolean counts(URI uri) {
        String path = Objects.requireNonNullElse(uri.getRawPath(), "");
        return uncountedPaths.stream().noneMatch(p -> Pattern.compile(p).matcher(path).find());
    }

    /**
     * @param request a request about to leave
     * @return whether it counts against the quota
     */
    public boolean counts(HttpRequest request) {
        return counts(request.uri());
    }
}

package io.rediscover.icims;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks LinkedIn and GitHub profile URLs out of free text and normalises them, so that matching compares like with
 * like ({@code linkedin.com/in/Ana-Torres/} and {@code https://www.linkedin.com/in/ana-torres} are one profile). Only
 * real profile URLs count: LinkedIn company pages, GitHub's own pages and repository URLs are not people.
 */
final class ProfileLinks {

    private static final Pattern LINKEDIN = Pattern.compile(
            "(?i)(?:https?://)?(?:[a-z]{2,3}\\.)?linkedin\\.com/in/([A-Za-z0-9\\-_%]{2,100})");
    private static final Pattern GITHUB = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?github\\.com/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))(?![A-Za-z0-9-])(?!/[A-Za-z0-9])");
    /** GitHub paths that are not user names. */
    private static final Set<String> GITHUB_RESERVED = Set.of("features", "about", "pricing", "orgs", "topics", "login",
            "join", "explore", "marketplace", "sponsors", "settings", "enterprise", "security", "site", "contact");

    private ProfileLinks() {
    }

    static Set<String> find(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher li = LINKEDIN.matcher(text);
        while (li.find()) {
            out.add("https://www.linkedin.com/in/" + li.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher gh = GITHUB.matcher(text);
        while (gh.find()) {
            String user = gh.group(1).toLowerCase(Locale.ROOT);
            if (!GITHUB_RESERVED.contains(user)) {
                out.add("https://github.com/" + user);
            }
        }
        return out;
    }
}

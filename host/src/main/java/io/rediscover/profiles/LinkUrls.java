package io.rediscover.profiles;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn and GitHub profile URLs in one canonical spelling, so that the URL in a resume, in an ATS field and in a
 * public profile compare equal when they name the same person: {@code linkedin.com/in/<slug>} and
 * {@code github.com/<user>}, lower case, without scheme, {@code www.}, country or mobile subdomains, trailing slashes,
 * query strings, fragments or percent-encoding. LinkedIn's old public form {@code /pub/<name>/<a>/<b>/<c>} becomes the
 * {@code /in/<name>-<c><b><a>} it redirects to. Anything that is not a person's profile (a company page, a GitHub
 * organisation's settings page, a repository) is no profile URL: it is dropped rather than guessed at.
 */
public final class LinkUrls {

    private static final Pattern LINKEDIN_HOST = Pattern.compile("(?:[a-z]{2,3}\\.|www\\.|m\\.|mobile\\.)*linkedin\\.com");
    private static final Pattern GITHUB_HOST = Pattern.compile("(?:www\\.)?github\\.com");
    /** LinkedIn vanity names: letters (any script), digits, hyphens, underscores; 3 to 100 characters. */
    private static final Pattern SLUG = Pattern.compile("[\\p{L}\\p{N}_-]{3,100}");
    /** GitHub user names: alphanumerics and single hyphens, not at either end, at most 39 characters. */
    private static final Pattern GITHUB_USER = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}");
    private static final Set<String> GITHUB_RESERVED = Set.of("about", "orgs", "settings", "features", "pricing",
            "marketplace", "explore", "topics", "collections", "trending", "sponsors", "login", "join", "enterprise",
            "team", "customer-stories", "readme", "security", "site", "contact", "search", "notifications", "pulls",
            "issues", "new", "organizations", "apps", "codespaces", "logout");

    /** URL-like runs of text mentioning either site, with or without a scheme. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?iu)(?:https?://)?(?:[a-z0-9-]+\\.)*(?:linkedin|github)\\.com/[^\\s<>\"'()\\[\\]{},;|]*");

    private LinkUrls() {
    }

    /**
     * @param raw a URL as typed anywhere
     * @return its canonical LinkedIn profile URL, or empty when it is none
     */
    public static Optional<String> linkedin(String raw) {
        Optional<String[]> parts = split(raw, LINKEDIN_HOST);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String[] path = parts.get();
        if (path.length >= 2 && path[0].equals("in") && SLUG.matcher(path[1]).matches()) {
            return Optional.of("linkedin.com/in/" + path[1]);
        }
        if (path.length >= 5 && path[0].equals("pub") && SLUG.matcher(path[1]).matches()
                && path[2].matches("[0-9a-f]{1,3}") && path[3].matches("[0-9a-f]{1,3}") && path[4].matches("[0-9a-f]{1,3}")) {
            return Optional.of("linkedin.com/in/" + path[1] + "-" + path[4] + path[3] + path[2]);
        }
        return Optional.empty();
    }

    /**
     * @param raw a URL as typed anywhere
     * @return its canonical GitHub profile URL, or empty when it is none (an organisation page, a repository, a site page)
     */
    public static Optional<String> github(String raw) {
        Optional<String[]> parts = split(raw, GITHUB_HOST);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String[] path = parts.get();
        if (path.length != 1 || !GITHUB_USER.matcher(path[0]).matches() || GITHUB_RESERVED.contains(path[0])) {
            return Optional.empty();
        }
        return Optional.of("github.com/" + path[0]);
    }

    /**
     * @param text free text (a resume, a note)
     * @return every canonical LinkedIn profile URL in it, in order of appearance, once each
     */
    public static List<String> findLinkedin(CharSequence text) {
        return find(text, true);
    }

    /**
     * @param text free text
     * @return every canonical GitHub profile URL in it, in order of appearance, once each
     */
    public static List<String> findGithub(CharSequence text) {
        return find(text, false);
    }

    private static List<String> find(CharSequence text, boolean linkedin) {
        if (text == null) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            String candidate = m.group().replaceAll("[.:!?]+$", ""); // sentence punctuation after a URL
            (linkedin ? linkedin(candidate) : github(candidate)).ifPresent(found::add);
        }
        return new ArrayList<>(found);
    }

    /** Host check and path segments, lower case, decoded; empty when the host is not the site's. */
    private static Optional<String[]> split(String raw, Pattern host) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        s = s.replaceFirst("(?i)^https?://", "");
        int cut = indexOfAny(s, "?#");
        if (cut >= 0) {
            s = s.substring(0, cut);
        }
        int slash = s.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String h = s.substring(0, slash).toLowerCase(Locale.ROOT);
        int port = h.indexOf(':');
        if (port >= 0) {
            h = h.substring(0, port);
        }
        if (!host.matcher(h).matches()) {
            return Optional.empty();
        }
        String path;
        try {
            path = URLDecoder.decode(s.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
        String[] segments = path.toLowerCase(Locale.ROOT).split("/+");
        List<String> kept = new ArrayList<>();
        for (String seg : segments) {
            if (!seg.isEmpty()) {
                kept.add(seg);
            }
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.toArray(String[]::new));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

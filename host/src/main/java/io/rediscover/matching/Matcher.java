package io.rediscover.matching;

import io.rediscover.profiles.NameKeys;
import io.rediscover.profiles.Profile;
import io.rediscover.profiles.ProfileStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Finds the public profile a candidate is, if any, through a cascade that stops at the first step that decides:
 * <ol>
 *   <li><b>LinkedIn</b>: a profile with one of the candidate's canonical LinkedIn URLs (from the ATS's link fields or
 *   the resume) whose name agrees with the candidate's ({@link NameAgreement}: nicknames, accents, initials, one typo,
 *   swapped order all agree). The name check keeps a recycled, mistyped or someone else's URL (a colleague's, pasted in
 *   the wrong record) from enriching a different person: a URL whose profile has another name decides nothing, and the
 *   cascade goes on. Two profiles found by two URLs decide nothing either.</li>
 *   <li><b>GitHub</b>: the same with GitHub URLs.</li>
 *   <li><b>Profile score</b>: the profiles under the candidate's strong name keys ({@link NameKeys}; a key shared by more
 *   than {@value #KEY_LIMIT} profiles is skipped as too common), and — only when none of them passes — under its weak
 *   keys (an initial, a typo), are scored ({@link ProfileScorer}). The best one matches when its name agrees, the facts
 *   beyond the name bring at least {@value #MIN_CORROBORATION} points (a job with the same start, or a job in
 *   overlapping years with a school), all points together reach {@value #THRESHOLD}, and no other profile with an
 *   agreeing name comes within {@value #MARGIN} points of it: two equally good profiles match neither.</li>
 * </ol>
 * A wrong match is worse than none: every threshold leans to precision. The keys looked up are returned with the
 * outcome, so that a change to a profile under one of them matches the candidate again.
 */
@Singleton
public final class Matcher {

    /** Profiles one name key may have to be worth scoring. */
    static final int KEY_LIMIT = 500;
    /** Points beyond the name a profile score needs. */
    static final double MIN_CORROBORATION = 3.0;
    /** Points a profile score needs in all. */
    static final double THRESHOLD = 5.0;
    /** Points by which the best profile must lead every other with an agreeing name. */
    static final double MARGIN = 1.5;
    /** Profiles a URL may have: more is a corpus error, and decides nothing. */
    private static final int URL_LIMIT = 5;

    private final ProfileStore profiles;
    private final Clock clock;

    /** @param profiles the corpus @param clock the host's clock (open-ended jobs run to this month) */
    @Inject
    public Matcher(ProfileStore profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * What matching a candidate found.
     *
     * @param match the profile and why, or empty
     * @param keys  the blocking keys looked up (URL and name keys), under which a changed profile could change this
     */
    public record Outcome(Optional<Match> match, Set<String> keys) {
        /** Canonical constructor: copies the set. */
        public Outcome {
            keys = Set.copyOf(keys);
        }
    }

    /** @param c a candidate @return its match, if any, and the keys looked up */
    public Outcome match(CandidateIdentity c) {
        Set<String> keys = new LinkedHashSet<>();
        Optional<Match> m = byUrl(c, c.linkedinUrls(), Match.Method.LINKEDIN, ProfileStore.LINKEDIN, profiles::idsByLinkedin, keys)
                .or(() -> byUrl(c, c.githubUrls(), Match.Method.GITHUB, ProfileStore.GITHUB, profiles::idsByGithub, keys))
                .or(() -> byScore(c, keys));
        return new Outcome(m, keys);
    }

    private Optional<Match> byUrl(CandidateIdentity c, List<CandidateIdentity.Link> links, Match.Method method, String prefix,
                                  BiFunction<String, Integer, ProfileStore.Hits> lookup, Set<String> keys) {
        Map<String, List<String>> agreeing = new LinkedHashMap<>();
        for (CandidateIdentity.Link link : links) {
            keys.add(prefix + link.url());
            ProfileStore.Hits hits = lookup.apply(link.url(), URL_LIMIT);
            for (String id : hits.ids()) {
                Optional<Profile> p = profiles.get(id);
                if (p.isEmpty()) {
                    continue;
                }
                NameAgreement name = NameAgreement.of(c.firstName(), c.middleName(), c.lastName(), p.get());
                if (name.compatible() && !agreeing.containsKey(id)) {
                    agreeing.put(id, List.of(method.name().toLowerCase(Locale.ROOT) + " URL " + link.url()
                            + " (from the " + link.origin().name().toLowerCase(Locale.ROOT) + ")",
                            "name: " + name.name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (agreeing.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, List<String>> only = agreeing.entrySet().iterator().next();
        return Optional.of(new Match(only.getKey(), method, 1.0, only.getValue()));
    }

    private Optional<Match> byScore(CandidateIdentity c, Set<String> keys) {
        Set<String> nameKeys = NameKeys.of(c.firstName(), c.middleName(), c.lastName(), List.of());
        Map<String, ProfileScore> scored = new LinkedHashMap<>();
        YearMonth today = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (boolean weak : new boolean[] {false, true}) {
            for (String key : nameKeys) {
                if (NameKeys.isWeak(key) != weak) {
                    continue;
                }
                keys.add(key);
                ProfileStore.Hits hits = profiles.idsByNameKey(key, KEY_LIMIT);
                for (String id : hits.ids()) {
                    if (!scored.containsKey(id)) {
                        profiles.get(id).ifPresent(p -> scored.put(id, ProfileScorer.score(c, p, today)));
                    }
                }
            }
            List<ProfileScore> ranked = scored.values().stream().filter(s -> s.name().compatible())
                    .sorted(Comparator.comparingDouble(ProfileScore::points).reversed()).toList();
            if (!ranked.isEmpty() && passes(ranked.get(0))) {
                return decide(ranked);
            }
        }
        return Optional.empty();
    }

    private static boolean passes(ProfileScore s) {
        return s.corroboration() >= MIN_CORROBORATION && s.points() >= THRESHOLD;
    }

    private static Optional<Match> decide(List<ProfileScore> ranked) {
        ProfileScore best = ranked.get(0);
        List<String> evidence = new ArrayList<>(best.evidence());
        if (ranked.size() > 1) {
            ProfileScore next = ranked.get(1);
            if (best.points() - next.points() < MARGIN) {
                return Optional.empty(); // two profiles as good as each other: neither
            }
            evidence.add("next best profile: " + next.points() + " points");
        }
        evidence.add(0, "points: " + best.points());
        return Optional.of(new Match(best.profileId(), Match.Method.PROFILE_SCORE, best.score(), evidence));
    }
}

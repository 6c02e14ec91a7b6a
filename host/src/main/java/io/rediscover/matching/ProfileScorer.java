package io.rediscover.matching;

import io.rediscover.profiles.NameKeys;
import io.rediscover.profiles.Profile;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores one public profile against a candidate. The name only says who the profile <em>could</em> be; the points that
 * decide come from facts a namesake would not share:
 * <ul>
 *   <li>a <b>job</b> at the same employer (case, accents and legal suffixes such as Inc or GmbH ignored) whose dates
 *   overlap: {@value #SAME_JOB} points, {@value #SAME_START} when it started in the same month (the same year when one
 *   side gives only the year), {@value #SAME_TITLE} more when the title agrees too; the same employer in years that do
 *   not overlap is a contradiction ({@value #OTHER_YEARS});</li>
 *   <li>a <b>school</b>: {@value #SAME_SCHOOL}, {@value #SAME_DEGREE} more for the degree and as much for the year of
 *   graduation; a graduation more than a year apart is a contradiction ({@value #OTHER_GRADUATION});</li>
 *   <li>the <b>city</b>: {@value #SAME_CITY}.</li>
 * </ul>
 * Each fact of the profile is counted once. A job the profile does not have (a newer one) costs nothing: profiles lag.
 */
final class ProfileScorer {

    static final double SAME_JOB = 2.0;
    static final double SAME_START = 3.0;
    static final double SAME_TITLE = 0.5;
    static final double OTHER_YEARS = -1.5;
    static final double SAME_SCHOOL = 1.0;
    static final double SAME_DEGREE = 0.5;
    static final double OTHER_GRADUATION = -1.0;
    static final double SAME_CITY = 0.5;

    private static final Set<String> LEGAL_FORMS = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp", "corp",
            "corporation", "co", "company", "plc", "gmbh", "ag", "sa", "sas", "srl", "spa", "bv", "nv", "ab", "as", "oy",
            "pty", "kk", "the");

    private ProfileScorer() {
    }

    /**
     * @param c     the candidate
     * @param p     a profile
     * @param today the month open-ended positions run to
     * @return the profile's score for the candidate
     */
    static ProfileScore score(CandidateIdentity c, Profile p, YearMonth today) {
        NameAgreement name = NameAgreement.of(c.firstName(), c.middleName(), c.lastName(), p);
        List<String> evidence = new ArrayList<>();
        evidence.add("name: " + name.name().toLowerCase(Locale.ROOT));
        double points = work(c, p, today, evidence) + education(c, p, evidence) + city(c, p, evidence);
        return new ProfileScore(p.id(), name, points, evidence);
    }

    private static double work(CandidateIdentity c, Profile p, YearMonth today, List<String> evidence) {
        double points = 0;
        Set<Integer> used = new HashSet<>();
        for (CandidateIdentity.Job job : c.work()) {
            String employer = employer(job.employer());
            if (employer.isEmpty()) {
                continue;
            }
            double best = 0;
            int bestAt = -1;
            String said = null;
            for (int i = 0; i < p.experience().size(); i++) {
                Profile.Experience e = p.experience().get(i);
                if (used.contains(i) || !employer.equals(employer(e.companyName()))) {
                    continue;
                }
                double pts;
                String what;
                Optional<PartialDate> cs = PartialDate.parse(job.startDate());
                Optional<PartialDate> ps = PartialDate.parse(e.startDate());
                if (cs.isEmpty() || ps.isEmpty()) {
                    pts = SAME_JOB / 2;
                    what = "employer " + employer + " (undated)";
                } else if (cs.get().sameAs(ps.get())) {
                    pts = SAME_START;
                    what = "employer " + employer + " from " + ps.get() + " (same start)";
                } else if (overlap(cs.get(), end(job.endDate(), job.current(), today), ps.get(),
                        end(e.endDate(), e.current(), today))) {
                    pts = SAME_JOB;
                    what = "employer " + employer + " in overlapping years";
                } else {
                    pts = OTHER_YEARS;
                    what = "employer " + employer + " but in other years";
                }
                if (pts > 0 && sameTitle(job.title(), e.title())) {
                    pts += SAME_TITLE;
                    what += ", title " + NameKeys.fold(e.title());
                }
                if (bestAt < 0 || pts > best) {
                    best = pts;
                    bestAt = i;
                    said = what;
                }
            }
            if (bestAt >= 0) {
                used.add(bestAt);
                points += best;
                evidence.add(said + " " + signed(best));
            }
        }
        return points;
    }

    private static double education(CandidateIdentity c, Profile p, List<String> evidence) {
        double points = 0;
        Set<Integer> used = new HashSet<>();
        for (CandidateIdentity.Study s : c.education()) {
            String school = NameKeys.fold(s.school());
            if (school.isEmpty()) {
                continue;
            }
            for (int i = 0; i < p.education().size(); i++) {
                Profile.EducationEntry e = p.education().get(i);
                if (used.contains(i) || !school.equals(NameKeys.fold(e.school()))) {
                    continue;
                }
                used.add(i);
                double pts = SAME_SCHOOL;
                String what = "school " + school;
                String degree = NameKeys.fold(s.degree());
                if (!degree.isEmpty() && e.degrees().stream().anyMatch(d -> degree.equals(NameKeys.fold(d)))) {
                    pts += SAME_DEGREE;
                    what += ", degree " + degree;
                }
                Optional<PartialDate> ce = PartialDate.parse(s.endDate());
                Optional<PartialDate> pe = PartialDate.parse(e.endDate());
                if (ce.isPresent() && pe.isPresent()) {
                    int apart = Math.abs(ce.get().month().getYear() - pe.get().month().getYear());
                    if (apart == 0) {
                        pts += SAME_DEGREE;
                        what += ", graduated " + pe.get().month().getYear();
                    } else if (apart > 1) {
                        pts = OTHER_GRADUATION;
                        what += " but graduated in another year";
                    }
                }
                points += pts;
                evidence.add(what + " " + signed(pts));
                break;
            }
        }
        return points;
    }

    private static double city(CandidateIdentity c, Profile p, List<String> evidence) {
        String city = c.location() == null ? "" : NameKeys.fold(c.location().city());
        if (!city.isEmpty() && city.equals(NameKeys.fold(p.locationLocality()))) {
            evidence.add("city " + city + " " + signed(SAME_CITY));
            return SAME_CITY;
        }
        return 0;
    }

    /** @return the employer's name folded, without dots and legal forms (Acme Inc. = ACME, S.A. = SA) */
    static String employer(String name) {
        return Arrays.stream(NameKeys.fold(name == null ? null : name.replace(".", "")).split(" ")).filter(w -> !w.isEmpty() && !LEGAL_FORMS.contains(w))
                .collect(Collectors.joining(" "));
    }

    private static boolean sameTitle(String a, String b) {
        Set<String> x = new HashSet<>(Arrays.asList(NameKeys.fold(a).split(" ")));
        Set<String> y = new HashSet<>(Arrays.asList(NameKeys.fold(b).split(" ")));
        if (x.contains("") || y.contains("")) {
            return false;
        }
        long common = x.stream().filter(y::contains).count();
        return common * 2 >= Math.max(x.size(), y.size()); // at least half the words of the longer title
    }

    private static YearMonth end(String endDate, boolean current, YearMonth today) {
        if (current || endDate == null) {
            return today;
        }
        return PartialDate.parse(endDate).map(PartialDate::latest).orElse(today);
    }

    private static boolean overlap(PartialDate s1, YearMonth e1, PartialDate s2, YearMonth e2) {
        return !s1.month().isAfter(e2) && !s2.month().isAfter(e1);
    }

    private static String signed(double points) {
        return (points >= 0 ? "+" : "") + points;
    }
}

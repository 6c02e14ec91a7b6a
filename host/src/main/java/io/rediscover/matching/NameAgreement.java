package io.rediscover.matching;

import io.rediscover.profiles.NameKeys;
import io.rediscover.profiles.Nicknames;
import io.rediscover.profiles.Profile;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a candidate's name agrees with a profile's, from the best of the profile's names (first and last name, its
 * aliases such as nicknames and maiden names, the full name when the parts are missing) read in the order given and
 * swapped. Case, accents and punctuation never count ({@link NameKeys#fold}); a nickname or spelling variant of the
 * first name (Bill and William) is a {@link #NICKNAME}; one slip of the keyboard (a letter dropped, added, changed or two
 * swapped) in a name of four letters or more is a {@link #TYPO}; a first name given as its initial is an
 * {@link #INITIAL}; a surname given as one part of a compound surname (García for García Márquez) agrees exactly.
 */
enum NameAgreement {
    /** the same name */
    EXACT(3.0),
    /** the first name is a nickname or variant of the other, or a middle name the person goes by */
    NICKNAME(2.5),
    /** one typing slip */
    TYPO(2.0),
    /** the first name is only an initial */
    INITIAL(1.0),
    /** not the same name */
    NONE(0);

    private static final DamerauLevenshteinDistance ONE_SLIP = new DamerauLevenshteinDistance(1);

    private final double points;

    NameAgreement(double points) {
        this.points = points;
    }

    /** @return what the agreement weighs in a profile score */
    double points() {
        return points;
    }

    /** @return whether the names can be the same person's */
    boolean compatible() {
        return this != NONE;
    }

    /** A name split into folded words. */
    private record Name(List<String> first, List<String> middle, List<String> last) {
        boolean usable() {
            return !first.isEmpty() && !last.isEmpty();
        }

        Name swapped() {
            return new Name(last, middle, first);
        }
    }

    /**
     * @param first  the candidate's first name, or null
     * @param middle its middle name, or null
     * @param last   its last name, or null
     * @param p      a profile
     * @return the best agreement with any of the profile's names
     */
    static NameAgreement of(String first, String middle, String last, Profile p) {
        Name candidate = name(first, middle, last);
        if (!candidate.usable()) {
            return NONE;
        }
        NameAgreement best = NONE;
        for (Name n : names(p)) {
            best = better(best, compare(candidate, n));
            best = better(best, compare(candidate.swapped(), n));
        }
        return best;
    }

    private static NameAgreement better(NameAgreement a, NameAgreement b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static List<Name> names(Profile p) {
        List<Name> out = new ArrayList<>();
        Name main = name(p.firstName(), p.middleName(), p.lastName());
        if (main.usable()) {
            out.add(main);
        }
        if (p.fullName() != null) {
            out.add(name(null, null, p.fullName()));
        }
        for (String alias : p.nameAliases()) {
            List<String> words = words(alias);
            if (words.size() == 1) {
                out.add(new Name(words, List.of(), main.last()));
            } else if (words.size() > 1) {
                out.add(name(null, null, alias));
            }
        }
        out.removeIf(n -> !n.usable());
        return out;
    }

    /** Splits a name; when one of first and last is missing, the other's words are read as "first … last". */
    private static Name name(String first, String middle, String last) {
        List<String> f = words(first);
        List<String> m = words(middle);
        List<String> l = words(last);
        if (f.isEmpty() && l.size() > 1) {
            return new Name(l.subList(0, 1), l.subList(1, l.size() - 1), l.subList(l.size() - 1, l.size()));
        }
        if (l.isEmpty() && f.size() > 1) {
            return new Name(f.subList(0, 1), f.subList(1, f.size() - 1), f.subList(f.size() - 1, f.size()));
        }
        return new Name(f, m, l);
    }

    private static List<String> words(String text) {
        String folded = NameKeys.fold(text);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    private static NameAgreement compare(Name c, Name p) {
        NameAgreement last = surname(c.last(), p.last());
        if (last == NONE) {
            return NONE;
        }
        NameAgreement first = given(c, p);
        return first.ordinal() >= last.ordinal() ? first : last;
    }

    private static NameAgreement surname(List<String> c, List<String> p) {
        String cj = String.join("", c);
        String pj = String.join("", p);
        if (cj.equals(pj)) {
            return EXACT;
        }
        for (String cw : c) {
            for (String pw : p) {
                if (cw.length() >= 3 && cw.equals(pw)) {
                    return EXACT; // one part of a compound surname
                }
            }
        }
        return oneSlip(cj, pj) ? TYPO : NONE;
    }

    private static NameAgreement given(Name c, Name p) {
        String cf = c.first().get(0);
        String pf = p.first().get(0);
        if (cf.equals(pf) || String.join("", c.first()).equals(String.join("", p.first()))) {
            return EXACT;
        }
        if (cf.length() == 1 || pf.length() == 1) {
            return cf.charAt(0) == pf.charAt(0) ? INITIAL : NONE;
        }
        if (Nicknames.sameName(cf, pf) || p.middle().contains(cf) || c.middle().contains(pf)) {
            return NICKNAME;
        }
        return oneSlip(cf, pf) ? TYPO : NONE;
    }

    private static boolean oneSlip(String a, String b) {
        return Math.max(a.length(), b.length()) >= 4 && ONE_SLIP.apply(a, b) == 1;
    }
}

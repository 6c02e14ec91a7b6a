package io.rediscover.matching;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Optional;

/**
 * A date as resumes, ATSs and the profile format give it — {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} (anything
 * after the day, such as a time, ignored) — to its month, and whether the month was given at all.
 *
 * @param month     the month; January when only the year was given
 * @param monthKnown whether the month was given
 */
record PartialDate(YearMonth month, boolean monthKnown) {

    /** @param text a date or null @return it, or empty when it is none */
    static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            if (s.matches("\\d{4}")) {
                return Optional.of(new PartialDate(YearMonth.of(Integer.parseInt(s), 1), false));
            }
            if (s.matches("\\d{4}-\\d{2}([-T ].*)?")) {
                return Optional.of(new PartialDate(YearMonth.of(Integer.parseInt(s.substring(0, 4)),
                        Integer.parseInt(s.substring(5, 7))), true));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** @param other another date @return whether both name the same month, or the same year when one lacks the month */
    boolean sameAs(PartialDate other) {
        return monthKnown && other.monthKnown ? month.equals(other.month) : month.getYear() == other.month.getYear();
    }

    /** @return the last month this date can mean: its month, or December of its year when the month was not given */
    YearMonth latest() {
        return monthKnown ? month : YearMonth.of(month.getYear(), 12);
    }

    @Override
    public String toString() {
        return monthKnown ? month.toString() : Integer.toString(month.getYear());
    }
}

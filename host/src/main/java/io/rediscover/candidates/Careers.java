package io.rediscover.candidates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Years of experience and years in the current role from a work history with partial dates ({@code YYYY},
 * {@code YYYY-MM}, {@code YYYY-MM-DD}): overlapping positions count once, an open end means today, a position without a
 * start is left out.
 */
final class Careers {

    private Careers() {
    }

    /**
     * @param positions the work history
     * @param today     today
     * @return whole years worked, or -1 when no position has a start date
     */
    static long yearsOfExperience(List<CandidateView.Position> positions, LocalDate today) {
        List<long[]> spans = new ArrayList<>();
        for (CandidateView.Position p : positions) {
            LocalDate start = date(p.startDate(), false);
            if (start == null) {
                continue;
            }
            LocalDate end = p.current() || p.endDate() == null ? today : date(p.endDate(), true);
            if (end == null || end.isBefore(start)) {
                end = today;
            }
            spans.add(new long[] {start.toEpochDay(), Math.min(end.toEpochDay(), today.toEpochDay())});
        }
        if (spans.isEmpty()) {
            return -1;
        }
        spans.sort(Comparator.comparingLong(s -> s[0]));
        long days = 0;
        long from = spans.get(0)[0];
        long to = spans.get(0)[1];
        for (long[] s : spans.subList(1, spans.size())) {
            if (s[0] > to) {
                days += to - from;
                from = s[0];
                to = s[1];
            } else {
                to = Math.max(to, s[1]);
            }
        }
        days += Math.max(0, to - from);
        return days / 365;
    }

    /**
     * @param positions the work history, newest first
     * @param today     today
     * @return whole years in the current position, or -1 when there is none with a start date
     */
    static long yearsInRole(List<CandidateView.Position> positions, LocalDate today) {
        return positions.stream().filter(p -> p.current() || p.endDate() == null)
                .map(p -> date(p.startDate(), false)).filter(d -> d != null && !d.isAfter(today)).findFirst()
                .map(start -> (today.toEpochDay() - start.toEpochDay()) / 365).orElse(-1L);
    }

    /** @param partial YYYY, YYYY-MM or YYYY-MM-DD @param end whether it ends a span (then a year means its end) */
    static LocalDate date(String partial, boolean end) {
        if (partial == null || partial.isBlank()) {
            return null;
        }
        String s = partial.strip();
        try {
            return switch (s.length()) {
                case 4 -> end ? LocalDate.of(Integer.parseInt(s), 12, 31) : LocalDate.of(Integer.parseInt(s), 1, 1);
                case 7 -> end ? YearMonth.parse(s).atEndOfMonth() : YearMonth.parse(s).atDay(1);
                default -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}

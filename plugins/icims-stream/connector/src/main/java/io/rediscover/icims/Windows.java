package io.rediscover.icims;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The windows of {@code updateddate} in which the first download reads people, newest first: the last 30 days, 30 to
 * 90 days, 90 to 365 days, then a year at a time back to ten years, then everything older. Measured back from the
 * minute the download started, and bounded above by it: what changed after that is read by the catch-ups and change
 * scans, whose windows begin there, so each version of a person is listed by exactly one of them (the search's minute
 * resolution is why the bounds are whole minutes).
 */
final class Windows {

    private static final DateTimeFormatter SEARCH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.US);
    private static final List<Integer> DAYS_BACK = List.of(30, 90, 365, 730, 1095, 1460, 1825, 2190, 2555, 2920, 3285, 3650);

    /**
     * One window.
     *
     * @param from  its first instant (inclusive), or null for "since ever"
     * @param until its end (exclusive)
     * @param label how progress names it
     */
    record Window(Instant from, Instant until, String label) {
        /** @return the search filters that select it */
        List<IcimsClient.Filter> filters(IcimsType type) {
            List<IcimsClient.Filter> f = new ArrayList<>();
            if (from != null) {
                f.add(IcimsClient.Filter.of(type.prefix + ".updateddate", ">=", format(from)));
            }
            f.add(IcimsClient.Filter.of(type.prefix + ".updateddate", "<", format(until)));
            return f;
        }
    }

    private Windows() {
    }

    /** @param downloadStarted when the first download started (epoch ms) @return its windows, newest first */
    static List<Window> of(long downloadStarted) {
        Instant top = Instant.ofEpochMilli(downloadStarted).truncatedTo(ChronoUnit.MINUTES);
        List<Window> out = new ArrayList<>();
        Instant until = top;
        int previous = 0;
        for (int days : DAYS_BACK) {
            Instant from = top.minus(Duration.ofDays(days));
            out.add(new Window(from, until, "people updated " + span(previous, days) + " before the download"));
            until = from;
            previous = days;
        }
        out.add(new Window(null, until, "people updated more than 10 years before the download"));
        return List.copyOf(out);
    }

    private static String span(int fromDays, int toDays) {
        if (fromDays == 0) {
            return "in the " + toDays + " days";
        }
        return toDays <= 365 ? fromDays + " to " + toDays + " days" : (fromDays / 365) + " to " + (toDays / 365) + " years";
    }

    /** @return an instant as iCIMS search takes it: UTC, to the minute (§2.4) */
    static String format(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(SEARCH_DATE);
    }
}

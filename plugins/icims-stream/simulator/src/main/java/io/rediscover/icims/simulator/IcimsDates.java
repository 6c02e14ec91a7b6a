package io.rediscover.icims.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** iCIMS date formats: {@code yyyy-MM-dd hh:mm a} datetimes and {@code yyyy-MM-dd} dates, always UTC [DOC S1, S15]. */
public final class IcimsDates {
    private IcimsDates() {
    }

    private static final DateTimeFormatter DATETIME_OUT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.US).withZone(ZoneOffset.UTC);
    /** Parsing accepts "am"/"pm" in any case; formatting writes "AM"/"PM" as the docs show. */
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("uuuu-MM-dd hh:mm a").toFormatter(Locale.US);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.US);

    /** Formats a datetime value as iCIMS returns it, e.g. {@code 2024-05-01 04:41 PM}. */
    public static String formatDateTime(Instant instant) {
        return DATETIME_OUT.format(instant);
    }

    /** Formats a date value, e.g. {@code 2024-05-01}. */
    public static String formatDate(LocalDate date) {
        return DATE.format(date);
    }

    /**
     * Parses a search-filter date: {@code yyyy-MM-dd hh:mm a} or {@code yyyy-MM-dd} (= midnight UTC).
     * Empty when unparseable: the caller drops that boundary, as iCIMS does.
     */
    public static Optional<Instant> parseFilterDate(String text) {
        String t = text.trim();
        try {
            return Optional.of(LocalDateTime.parse(t, DATETIME_IN).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notDateTime) {
            try {
                return Optional.of(LocalDate.parse(t, DATE).atStartOfDay().toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}

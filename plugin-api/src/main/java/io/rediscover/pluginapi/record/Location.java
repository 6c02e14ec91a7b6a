package io.rediscover.pluginapi.record;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a candidate or job is. Any part may be {@code null}.
 *
 * @param city       city or locality
 * @param region     state, province or region
 * @param postalCode postal code
 * @param country    country name or ISO code, as the ATS gives it
 */
public record Location(String city, String region, String postalCode, String country) {

    /** @return the non-blank parts joined with ", " (postal code left out), e.g. "Holmdel, NJ, United States" */
    public String display() {
        return Stream.of(city, region, country).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    /** @return whether every part is null or blank */
    public boolean isEmpty() {
        return Stream.of(city, region, postalCode, country).allMatch(s -> s == null || s.isBlank());
    }
}

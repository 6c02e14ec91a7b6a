package io.rediscover.candidates;

import io.rediscover.mirror.ConnectionRef;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The id of an ATS candidate in the API: its connection and its id in the ATS, as one URL-safe string
 * ({@code <connectionId>~<atsId>}, the ATS id percent-encoded). It carries no org: every lookup takes the org from the
 * caller, so another org's id simply is not found.
 *
 * @param connectionId the connection
 * @param atsId        the id in the ATS
 */
public record CandidateId(String connectionId, String atsId) {

    /** @return the id as the API shows it */
    public String value() {
        return connectionId + "~" + URLEncoder.encode(atsId, StandardCharsets.UTF_8);
    }

    /** @param org the caller's org @return the connection in that org */
    public ConnectionRef ref(String org) {
        return new ConnectionRef(org, connectionId);
    }

    /**
     * @param value an id from the API
     * @return it, or empty when it is not a candidate id
     */
    public static Optional<CandidateId> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int sep = value.indexOf('~');
        if (sep <= 0 || sep == value.length() - 1 || value.indexOf('/') >= 0) {
            return Optional.empty();
        }
        try {
            String atsId = URLDecoder.decode(value.substring(sep + 1), StandardCharsets.UTF_8);
            return atsId.isBlank() ? Optional.empty() : Optional.of(new CandidateId(value.substring(0, sep), atsId));
        } catch (IllegalArgumentException badEscape) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value();
    }
}

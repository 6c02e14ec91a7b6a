package io.rediscover.icims.simulator;

import java.util.Optional;

/**
 * A parsed iCIMS API path (A2–A6 under {@code /customers/{cid}}, E1 under {@code /datastream/v2/streams}).
 * Fields not used by the endpoint are null.
 */
record ApiRoute(Endpoint endpoint, String customerId, ProfileType type, Long id, String streamKey,
                String subscriptionId, boolean events) {

    /** Counter detail key, e.g. {@code people} for {@code SEARCH:people}. */
    String detail() {
        if (type != null) {
            return type.pathSegment();
        }
        if (endpoint == Endpoint.STREAM) {
            return events ? "events" : subscriptionId == null && streamKey != null ? "subscriptions" : "streams";
        }
        return null;
    }

    static Optional<ApiRoute> parse(String path) {
        String[] s = trimSlashes(path).split("/");
        if (s.length >= 2 && s[0].equals("customers")) {
            String cid = s[1];
            if (s.length == 2) {
                return Optional.of(new ApiRoute(Endpoint.CUSTOMER, cid, null, null, null, null, false));
            }
            if (s.length == 4 && s[2].equals("search")) {
                return ProfileType.fromPathSegment(s[3])
                        .map(t -> new ApiRoute(Endpoint.SEARCH, cid, t, null, null, null, false));
            }
            Optional<ProfileType> type = ProfileType.fromPathSegment(s[2]);
            Long id = s.length >= 4 ? parseId(s[3]) : null;
            if (type.isEmpty() || id == null) {
                return Optional.empty();
            }
            if (s.length == 4) {
                return Optional.of(new ApiRoute(Endpoint.GET, cid, type.get(), id, null, null, false));
            }
            if (s.length == 7 && type.get() == ProfileType.PERSON && s[4].equals("fields")
                    && s[5].equals(IcimsFieldNames.RESUME) && s[6].equals("binary")) {
                return Optional.of(new ApiRoute(Endpoint.RESUME, cid, ProfileType.PERSON, id, null, null, false));
            }
            return Optional.empty();
        }
        if (s.length >= 3 && s[0].equals("datastream") && s[1].equals("v2") && s[2].equals("streams")) {
            if (s.length == 3) {
                return Optional.of(new ApiRoute(Endpoint.STREAM, null, null, null, null, null, false));
            }
            if (s.length == 5 && s[4].equals("subscriptions")) {
                return Optional.of(new ApiRoute(Endpoint.STREAM, null, null, null, s[3], null, false));
            }
            if (s.length == 7 && s[4].equals("subscriptions") && s[6].equals("events")) {
                return Optional.of(new ApiRoute(Endpoint.STREAM, null, null, null, s[3], s[5], true));
            }
        }
        return Optional.empty();
    }

    private static Long parseId(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}

package io.rediscover.pluginapi.record;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Null-tolerant defensive copies shared by the records. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> in) {
        return in == null ? List.of() : in.stream().filter(Objects::nonNull).toList();
    }

    static Map<String, List<String>> copyAttributes(Map<String, List<String>> in) {
        if (in == null || in.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            List<String> values = copy(v);
            if (k != null && !values.isEmpty()) {
                out.put(k, values);
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }
}

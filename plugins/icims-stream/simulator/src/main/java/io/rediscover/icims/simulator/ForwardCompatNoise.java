package io.rediscover.icims.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * B4: iCIMS "may add JSON fields or headers at any time" and a field is returned only when the user may
 * see it [DOC S2, S8]. With this switched on (seeded, default on), responses randomly gain unknown keys at
 * the top level and inside nested objects, and occasionally lose optional keys ({@code formattedvalue},
 * a link's {@code title}) or a requested field altogether, so a client that schema-validates or blanks
 * absent fields fails its tests.
 */
public final class ForwardCompatNoise {
    private static final List<String> UNKNOWN_TOP = List.of("dashboardlink", "securitygroup", "x-icims-trace", "profilecompleteness");
    private static final List<String> UNKNOWN_NESTED = List.of("code", "sortorder", "isactive");

    private final Random random;
    private volatile boolean enabled;
    private volatile double unknownKeyRate;
    private volatile double omitRate;

    ForwardCompatNoise(long seed, boolean enabled, double unknownKeyRate, double omitRate) {
        this.random = new Random(seed);
        this.enabled = enabled;
        this.unknownKeyRate = unknownKeyRate;
        this.omitRate = omitRate;
    }

    /** Switches the noise on or off at run time. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Chance per response of extra keys, and per optional key of its omission. */
    public void setRates(double unknownKeyRate, double omitRate) {
        this.unknownKeyRate = unknownKeyRate;
        this.omitRate = omitRate;
    }

    /** Adds/omits keys in a profile body; {@code id} and {@code links} are never removed. */
    synchronized void profile(ObjectNode body) {
        if (!enabled) {
            return;
        }
        if (random.nextDouble() < unknownKeyRate) {
            body.put(pick(UNKNOWN_TOP), "sim-" + random.nextInt(1000));
        }
        List<String> omittable = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(IcimsFieldNames.ID) && !name.equals(IcimsFieldNames.LINKS)) {
                omittable.add(name);
            }
        }
        for (String name : omittable) {
            if (random.nextDouble() < omitRate / 4) { // a hidden field: rarer than cosmetic omissions
                body.remove(name);
            }
        }
        nested(body);
    }

    /** Adds unknown keys to a search envelope and its rows. */
    synchronized void searchResults(ObjectNode body) {
        if (!enabled || random.nextDouble() >= unknownKeyRate) {
            return;
        }
        body.put("searchResultsCached", random.nextBoolean());
        JsonNode rows = body.get(IcimsFieldNames.SEARCH_RESULTS);
        if (rows != null && rows.size() > 0) {
            ((ObjectNode) rows.get(random.nextInt(rows.size()))).put("score", random.nextInt(100));
        }
    }

    private void nested(JsonNode node) {
        if (node.isObject()) {
            ObjectNode obj = (ObjectNode) node;
            if (obj.has(IcimsFieldNames.LIST_FORMATTED_VALUE) && random.nextDouble() < omitRate) {
                obj.remove(IcimsFieldNames.LIST_FORMATTED_VALUE);
            }
            if (obj.has("rel") && obj.has("title") && random.nextDouble() < omitRate) {
                obj.remove("title");
            }
            if (obj.has(IcimsFieldNames.LIST_VALUE) && random.nextDouble() < unknownKeyRate / 2) {
                obj.put(pick(UNKNOWN_NESTED), random.nextInt(100));
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                nested(child);
            }
        }
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }
}

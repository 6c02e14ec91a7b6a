package io.rediscover.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4): every line must be a {@code # HELP}, a
 * {@code # TYPE} or a sample of a family whose type was declared before it; label values are unescaped; values are
 * floats, {@code NaN} or {@code ±Inf}. Anything else fails the read, naming the line.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)(?: -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum", "_total", "_created", "_max");

    /** One sample. @param name its metric name @param labels its labels @param value its value */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    /** @param text a scrape @return its samples @throws IllegalArgumentException on the first line that is not valid */
    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher t = TYPE.matcher(line);
                if (t.matches()) {
                    types.put(t.group(1), t.group(2));
                } else if (!HELP.matcher(line).matches()) {
                    throw new IllegalArgumentException("line " + n + " is neither HELP nor TYPE: " + line);
                }
                continue;
            }
            Matcher s = SAMPLE.matcher(line);
            if (!s.matches()) {
                throw new IllegalArgumentException("line " + n + " is not a sample: " + line);
            }
            String name = s.group(1);
            if (family(name, types).isEmpty()) {
                throw new IllegalArgumentException("line " + n + ": no TYPE declared before " + name);
            }
            samples.add(new Sample(name, labels(s.group(2), n), value(s.group(3), n)));
        }
        return new PrometheusText(samples, types);
    }

    private static Optional<String> family(String name, Map<String, String> types) {
        if (types.containsKey(name)) {
            return Optional.of(name);
        }
        return SUFFIXES.stream().filter(name::endsWith).map(x -> name.substring(0, name.length() - x.length()))
                .filter(types::containsKey).findFirst();
    }

    private static Map<String, String> labels(String text, int line) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        Matcher m = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("line " + line + ": bad labels at " + text.substring(at));
            }
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            at = m.end();
        }
        return out;
    }

    private static double value(String text, int line) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + line + ": bad value " + text);
                }
        }
    }

    /** @return every sample */
    public List<Sample> samples() {
        return samples;
    }

    /** @param family a metric family name @return its declared type, or null */
    public String type(String family) {
        return types.get(family);
    }

    /**
     * @param name   a sample name
     * @param labels labels the sample must have (others may be there too)
     * @return the matching samples
     */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /**
     * @param name   a sample name
     * @param labels labels the samples must have
     * @return the sum of the matching samples' values (0 when none)
     */
    public double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }
}

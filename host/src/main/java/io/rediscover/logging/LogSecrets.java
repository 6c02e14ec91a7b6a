package io.rediscover.logging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value the host has handled in this process (ATS client secrets, as their connections are verified and
 * synced), masked in every log line by {@link RedactingEncoder}: the last line of defence behind "never log a secret",
 * for a library or a plugin that puts one in a message or an exception. Values are kept in memory only, as the
 * credentials themselves are while in use.
 */
public final class LogSecrets {

    /** What a secret is replaced with. */
    public static final String MASK = "****";
    /** Shorter values would mask ordinary words; secrets are never this short in practice. */
    static final int MIN_LENGTH = 8;
    /** A bound, so a process that sees many connections cannot grow the set without end; oldest are not tracked. */
    private static final int MAX = 10_000;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static volatile List<String> longestFirst = List.of();

    private LogSecrets() {
    }

    /** @param secrets values never to be written to the log */
    public static void register(Collection<String> secrets) {
        boolean added = false;
        for (String s : secrets) {
            if (s != null && s.length() >= MIN_LENGTH && SECRETS.size() < MAX && SECRETS.add(s)) {
                added = true;
            }
        }
        if (added) {
            // Longest first, so a secret that contains another is masked whole; with the JSON-escaped spelling too.
            longestFirst = SECRETS.stream()
                    .flatMap(s -> java.util.stream.Stream.of(s, new String(JsonStringEncoder.getInstance().quoteAsString(s))))
                    .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
    }

    /** @param text a log line @return it with every registered secret masked */
    public static String redact(String text) {
        List<String> secrets = longestFirst;
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}

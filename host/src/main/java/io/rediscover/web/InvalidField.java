package io.rediscover.web;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request field that fails validation. Thrown from a request record's constructor (Jackson wraps it; the error
 * mapper unwraps it and prefixes the JSON path of the record) or from a resource; answered as 400 naming the field.
 * The static checks keep request records short and their messages alike.
 */
public final class InvalidField extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final Set<Byte> BIDI_CONTROLS = Set.of(Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING, Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE,
            Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE, Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT,
            Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE,
            Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE, Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE);
    private final String field;

    /** @param field the field, relative to the object being read @param message what is wrong, safe to show */
    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the field */
    public String field() {
        return field;
    }

    /** @return a 400 for this field, with {@code prefix} (a JSON path, may be empty) in front */
    ApiException asApiException(String prefix) {
        String where = prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
        return ApiException.badRequest(where, getMessage());
    }

    /**
     * @param field the field
     * @param value its value
     * @param <T>   its type
     * @return the value
     * @throws InvalidField when it is null
     */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidField(field, "'" + field + "' is required");
        }
        return value;
    }

    /**
     * @param field     the field
     * @param value     its value
     * @param maxLength the longest accepted
     * @return the value, stripped
     * @throws InvalidField when missing, blank, too long or not {@link #printable}
     */
    public static String text(String field, String value, int maxLength) {
        required(field, value);
        printable(field, value);
        String v = value.strip();
        if (v.isEmpty()) {
            throw new InvalidField(field, "'" + field + "' must not be blank");
        }
        return maxLength(field, v, maxLength);
    }

    /**
     * The one rule for text that people read (names, addresses): no control characters (NUL, line breaks, escape
     * sequences), no bidirectional embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069, which make text
     * display other than it is: "txt.exe" shown as "exe.txt"), and no half of a surrogate pair (not a character at
     * all). Letters of every script, marks and emoji pass.
     *
     * @param field the field
     * @param value its value, may be null
     * @return the value
     * @throws InvalidField naming the first offending character and where it is
     */
    public static String printable(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            String what = Character.isISOControl(c) ? "control characters"
                    : BIDI_CONTROLS.contains(Character.getDirectionality(c)) ? "bidirectional-text controls"
                    : Character.getType(c) == Character.SURROGATE ? "unpaired surrogates" : null;
            if (what != null) {
                throw new InvalidField(field, String.format("'%s' must not contain %s (U+%04X at position %d)", field, what,
                        c, i + 1));
            }
            i += Character.charCount(c);
        }
        return value;
    }

    /**
     * @param field     the field
     * @param value     its value, may be null
     * @param maxLength the longest accepted
     * @return the value
     * @throws InvalidField when too long
     */
    public static String maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidField(field, "'" + field + "' must be at most " + maxLength + " characters long");
        }
        return value;
    }

    /**
     * @param field   the field
     * @param value   its value
     * @param pattern what it must match
     * @param what    the pattern in words, for the message
     * @return the value
     * @throws InvalidField when missing or not matching
     */
    public static String matching(String field, String value, Pattern pattern, String what) {
        required(field, value);
        printable(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidField(field, "'" + field + "' must be " + what);
        }
        return value;
    }

    /**
     * @param field the field
     * @param items a list
     * @param max   the most items accepted
     * @param <C>   its type
     * @return the list
     * @throws InvalidField when it has a null item or too many
     */
    public static <C extends Collection<?>> C items(String field, C items, int max) {
        if (items != null) {
            if (items.size() > max) {
                throw new InvalidField(field, "'" + field + "' takes at most " + max + " items");
            }
            if (items.stream().anyMatch(java.util.Objects::isNull)) {
                throw new InvalidField(field, "'" + field + "' must not contain null");
            }
        }
        return items;
    }

    /**
     * @param body a request body
     * @param <T>  its type
     * @return the body
     * @throws ApiException 400 when the request had none
     */
    public static <T> T body(T body) {
        if (body == null) {
            throw ApiException.badRequest(null, "a JSON object is required as the request body");
        }
        return body;
    }
}

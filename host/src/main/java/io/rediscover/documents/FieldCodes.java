package io.rediscover.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hyperlink targets in the field codes of Word (.doc) and RTF files, {@code HYPERLINK "https://…"}: the text a reader
 * returns shows only the link's label ("LinkedIn"), the target sits in the field instruction.
 */
final class FieldCodes {

    private static final Pattern HYPERLINK = Pattern.compile("HYPERLINK\\s+(?:\\\\[a-z]\\s+)*\"([^\"]{1,2000})\"");

    private FieldCodes() {
    }

    /** @param raw a file's raw text, field instructions included @return the hyperlink targets, in order */
    static List<String> hyperlinks(CharSequence raw) {
        List<String> found = new ArrayList<>();
        Matcher m = HYPERLINK.matcher(raw);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

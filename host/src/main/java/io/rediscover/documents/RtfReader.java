package io.rediscover.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.swing.text.BadLocationException;
import javax.swing.text.Document;
import javax.swing.text.rtf.RTFEditorKit;

/**
 * RTF with the JDK's own reader ({@link RTFEditorKit}; no window system involved). That reader drops fields whole, the
 * label of a hyperlink with them, so fields are unwrapped first: the instruction goes, the result stays as plain text.
 * Hyperlink targets come from the {@code HYPERLINK} instructions of the raw file.
 */
final class RtfReader implements FormatReader {

    /** A field instruction group, with at most one level of groups inside (a font change in it, say). */
    private static final Pattern INSTRUCTION = Pattern.compile("\\{\\\\\\*\\\\fldinst(?:[^{}]|\\{[^{}]*\\})*\\}");
    private static final Pattern FIELD_WORDS = Pattern.compile("\\\\(?:field|fldrslt)(?![a-z])");

    @Override
    public Extracted read(byte[] file, int maxChars) throws IOException {
        String raw = new String(file, StandardCharsets.ISO_8859_1); // RTF is 7-bit; this maps every byte as it is
        String unwrapped = FIELD_WORDS.matcher(INSTRUCTION.matcher(raw).replaceAll("")).replaceAll("");
        RTFEditorKit kit = new RTFEditorKit();
        Document doc = kit.createDefaultDocument();
        try {
            kit.read(new ByteArrayInputStream(unwrapped.getBytes(StandardCharsets.ISO_8859_1)), doc, 0);
            String text = doc.getText(0, doc.getLength());
            return new Extracted(text, FieldCodes.hyperlinks(raw));
        } catch (BadLocationException e) {
            throw new IOException("the RTF reader lost its place: " + e.getMessage(), e);
        }
    }
}

package io.rediscover.icims.simulator;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Writes a {@link ResumeDocument} as a real text PDF with PDFBox, so text extraction works.
 *
 * <p>The text is set in Liberation Sans, embedded as a subset: the TrueType file PDFBox itself ships (SIL Open Font
 * Licence). A Standard-14 font (Helvetica) is not embedded, so PDFBox would look for a system font to stand in for
 * it on every document, and on a machine without one log "Using fallback font LiberationSans" twice per resume.
 * Headings are set bold by stroking the glyph outlines. Characters the font lacks are folded to their base letter,
 * or '?', as many real resume exports do.
 */
final class PdfResumeWriter {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Read once; each document parses its own copy (PDFBox fonts are not shared between documents or threads). */
    private static final byte[] FONT = readFont();

    byte[] write(ResumeDocument doc, java.time.Instant created) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = PDType0Font.load(pdf, new ByteArrayInputStream(FONT), true);
            Style regular = new Style(font, false);
            Style bold = new Style(font, true);
            pdf.getDocumentInformation().setTitle(safe(font, doc.name()) + " - Resume");
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            cal.setTimeInMillis(created.toEpochMilli());
            pdf.getDocumentInformation().setCreationDate(cal);
            Pager pager = new Pager(pdf, font, doc.footer());
            pager.line(bold, 18, doc.name(), 24);
            for (String c : doc.contactLines()) {
                pager.wrapped(regular, 10, c, 14);
            }
            for (ResumeDocument.Section s : doc.sections()) {
                pager.gap(8);
                pager.line(bold, 12, s.title(), 16);
                for (String l : s.lines()) {
                    pager.wrapped(regular, 10, l, 14);
                }
            }
            pager.close();
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readFont() {
        try (InputStream in = PdfResumeWriter.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(FONT_RESOURCE + " is missing from the PDFBox jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A font and whether its glyphs are stroked as well as filled (bold). */
    private record Style(PDFont font, boolean bold) {
    }

    /** Lays lines out top-down, starting a new page (with the footer, if any) when one fills up. */
    private static final class Pager {
        private final PDDocument pdf;
        private final PDFont footerFont;
        private final String footer;
        private PDPageContentStream stream;
        private float y;

        Pager(PDDocument pdf, PDFont footerFont, String footer) throws IOException {
            this.pdf = pdf;
            this.footerFont = footerFont;
            this.footer = footer;
            newPage();
        }

        void gap(float points) {
            y -= points;
        }

        void wrapped(Style style, float size, String text, float leading) throws IOException {
            for (String l : wrap(style.font(), size, safe(style.font(), text))) {
                line(style, size, l, leading);
            }
        }

        void line(Style style, float size, String text, float leading) throws IOException {
            if (y - leading < MARGIN + 30) {
                newPage();
            }
            y -= leading;
            stream.setLineWidth(size / 30);
            stream.beginText();
            stream.setFont(style.font(), size);
            stream.setRenderingMode(style.bold() ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(safe(style.font(), text));
            stream.endText();
        }

        private void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            stream = new PDPageContentStream(pdf, page);
            y = page.getMediaBox().getHeight() - MARGIN;
            if (footer != null) {
                stream.beginText();
                stream.setFont(footerFont, 8);
                stream.newLineAtOffset(MARGIN, MARGIN - 20);
                stream.showText(safe(footerFont, footer));
                stream.endText();
            }
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }

    private static List<String> wrap(PDFont font, float size, String text) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size > WIDTH && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** Replaces characters the font cannot encode with their unaccented base letter, or '?'. */
    static String safe(PDFont font, String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (encodable(font, ch)) {
                sb.append(ch);
            } else {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                base = switch (base) {
                    case "ı" -> "i";
                    case "ł" -> "l";
                    case "Ł" -> "L";
                    case "đ" -> "d";
                    case "Đ" -> "D";
                    default -> base;
                };
                sb.append(!base.isEmpty() && encodable(font, base) ? base : "?");
            }
        });
        return sb.toString();
    }

    private static boolean encodable(PDFont font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}

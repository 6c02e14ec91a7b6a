package io.rediscover.icims.simulator;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * Writes a {@link ResumeDocument} as a real text PDF with PDFBox and the Standard-14 Helvetica fonts, so
 * text extraction works. Helvetica's WinAnsi encoding lacks some letters (ł, ş, ı…): those are folded to
 * their base letter, as many real resume exports do.
 */
final class PdfResumeWriter {
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

    byte[] write(ResumeDocument doc, java.time.Instant created) {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pdf.getDocumentInformation().setTitle(safe(regular, doc.name()) + " - Resume");
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            cal.setTimeInMillis(created.toEpochMilli());
            pdf.getDocumentInformation().setCreationDate(cal);
            Pager pager = new Pager(pdf, regular, doc.footer());
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

    /** Lays lines out top-down, starting a new page (with the footer, if any) when one fills up. */
    private static final class Pager {
        private final PDDocument pdf;
        private final PDType1Font footerFont;
        private final String footer;
        private PDPageContentStream stream;
        private float y;

        Pager(PDDocument pdf, PDType1Font footerFont, String footer) throws IOException {
            this.pdf = pdf;
            this.footerFont = footerFont;
            this.footer = footer;
            newPage();
        }

        void gap(float points) {
            y -= points;
        }

        void wrapped(PDType1Font font, float size, String text, float leading) throws IOException {
            for (String l : wrap(font, size, safe(font, text))) {
                line(font, size, l, leading);
            }
        }

        void line(PDType1Font font, float size, String text, float leading) throws IOException {
            if (y - leading < MARGIN + 30) {
                newPage();
            }
            y -= leading;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(safe(font, text));
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

    private static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
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
    static String safe(PDType1Font font, String text) {
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

    private static boolean encodable(PDType1Font font, String s) {
        try {
            font.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}

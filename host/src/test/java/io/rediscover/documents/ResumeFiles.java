package io.rediscover.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Resume files made by the tests themselves with PDFBox and POI (no third-party resume is committed): one of each format,
 * with profile URLs where real resumes put them, and the bad files the text stage must survive. The one binary resource,
 * {@code blank.doc}, is an empty Word 97 document written by LibreOffice: HWPF can edit a .doc but not create one.
 */
public final class ResumeFiles {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private ResumeFiles() {
    }

    /**
     * @param lines   the body, one line each
     * @param footer  a footer line on every page, or null
     * @param linkUri a URI that a link annotation over the first line points to (not printed), or null
     * @return a text PDF
     */
    public static byte[] pdf(List<String> lines, String footer, String linkUri) {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            PDFont font = font(pdf, true);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                float y = 720;
                for (String line : lines) {
                    text(s, font, 11, 56, y, line);
                    y -= 15;
                }
                if (footer != null) {
                    text(s, font, 8, 56, 36, footer);
                }
            }
            if (linkUri != null) {
                PDAnnotationLink link = new PDAnnotationLink();
                link.setRectangle(new PDRectangle(56, 716, 200, 14));
                PDActionURI action = new PDActionURI();
                action.setURI(linkUri);
                link.setAction(action);
                page.getAnnotations().add(link);
            }
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param lines the body @return the PDF, encrypted: it opens only with a password */
    public static byte[] encryptedPdf(List<String> lines) {
        try (PDDocument pdf = Loader.loadPDF(pdf(lines, null, null))) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            pdf.protect(policy);
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a PDF whose only page is a picture of text (a scan): no text to extract */
    public static byte[] imageOnlyPdf() {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            BufferedImage scan = new BufferedImage(400, 100, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 400, 100);
            g.setColor(Color.BLACK);
            g.fillRect(20, 40, 300, 8); // a line of "text"
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(pdf, scan);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                s.drawImage(image, 56, 600);
            }
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a file that starts like a PDF and is noise after that */
    public static byte[] corruptPdf() {
        byte[] noise = new byte[4_000];
        new Random(7).nextBytes(noise);
        byte[] head = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R".getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[head.length + noise.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(noise, 0, file, head.length, noise.length);
        return file;
    }

    /**
     * A small PDF that takes for ever to read: a page draws a form ten times, which draws another form ten times, and
     * so on twelve levels deep — 10^12 text operations for a reader, a few kilobytes of file.
     *
     * @return the file
     */
    public static byte[] endlessPdf() {
        try (PDDocument pdf = new PDDocument()) {
            PDFont font = font(pdf, false); // whole: a font used only in forms is never subset
            PDFormXObject inner = form(pdf);
            inner.getResources().add(font);
            try (PDFormContentStream s = new PDFormContentStream(inner)) {
                s.beginText();
                s.setFont(font, 10);
                s.newLineAtOffset(10, 10);
                s.showText("again");
                s.endText();
            }
            for (int level = 0; level < 12; level++) {
                PDFormXObject outer = form(pdf);
                try (PDFormContentStream s = new PDFormContentStream(outer)) {
                    for (int i = 0; i < 10; i++) {
                        s.drawForm(inner);
                    }
                }
                inner = outer;
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            pdf.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(pdf, page)) {
                s.drawForm(inner);
            }
            return save(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFormXObject form(PDDocument pdf) {
        PDFormXObject f = new PDFormXObject(pdf);
        f.setBBox(new PDRectangle(200, 50));
        f.setResources(new PDResources());
        return f;
    }

    /**
     * @param paragraphs body paragraphs
     * @param cell       text of a one-cell table, or null
     * @param linkLabel  the visible label of a hyperlink, or null
     * @param linkUrl    its target
     * @param footer     the page footer, or null
     * @return a DOCX
     */
    public static byte[] docx(List<String> paragraphs, String cell, String linkLabel, String linkUrl, String footer) {
        try (XWPFDocument doc = new XWPFDocument()) {
            paragraphs.forEach(p -> doc.createParagraph().createRun().setText(p));
            if (cell != null) {
                XWPFTable table = doc.createTable(1, 1);
                table.getRow(0).getCell(0).setText(cell);
            }
            if (linkLabel != null) {
                XWPFParagraph p = doc.createParagraph();
                XWPFHyperlinkRun run = p.createHyperlinkRun(linkUrl);
                run.setText(linkLabel);
            }
            if (footer != null) {
                doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText(footer);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param paragraphs the body @return a DOCX encrypted with a password (an OLE2 container, as Word writes it) */
    public static byte[] encryptedDocx(List<String> paragraphs) {
        byte[] plain = docx(paragraphs, null, null, null, null);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("user-secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(plain);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param paragraphs the body
     * @return a real DOCX with one more entry that expands from a few kilobytes to 20 MB of nothing: a zip bomb
     */
    public static byte[] zipBombDocx(List<String> paragraphs) {
        byte[] docx = docx(paragraphs, null, null, null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/media/bomb.xml"));
            byte[] nothing = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(nothing);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @param text the body, paragraphs separated by '\r' @return a Word 97 (.doc) file */
    public static byte[] doc(String text) {
        try (InputStream blank = ResumeFiles.class.getResourceAsStream("blank.doc"); HWPFDocument doc = new HWPFDocument(blank)) {
            doc.getRange().replaceText("Resume", text);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param name      the person's name
     * @param linkLabel the label of a HYPERLINK field
     * @param linkUrl   its target (only in the field instruction)
     * @return an RTF file with a non-ASCII name
     */
    public static byte[] rtf(String name, String linkLabel, String linkUrl) {
        StringBuilder escaped = new StringBuilder();
        name.codePoints().forEach(c -> escaped.append(c < 128 ? String.valueOf((char) c) : "\\u" + c + "?"));
        String rtf = "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n\\f0\\fs22 " + escaped + "\\par\n"
                + "Senior engineer, distributed systems\\par\n"
                + "{\\field{\\*\\fldinst HYPERLINK \"" + linkUrl + "\"}{\\fldrslt " + linkLabel + "}}\\par\n}";
        return rtf.getBytes(StandardCharsets.US_ASCII);
    }

    private static PDFont font(PDDocument pdf, boolean subset) throws IOException {
        try (InputStream in = ResumeFiles.class.getResourceAsStream(FONT)) {
            return PDType0Font.load(pdf, in, subset);
        }
    }

    private static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static byte[] save(PDDocument pdf) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.save(out);
        return out.toByteArray();
    }
}

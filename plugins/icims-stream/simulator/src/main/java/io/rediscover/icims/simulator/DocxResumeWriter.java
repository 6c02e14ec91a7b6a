package io.rediscover.icims.simulator;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/** Writes a {@link ResumeDocument} as a Word (.docx) file with POI XWPF; the footer goes into a real page footer. */
final class DocxResumeWriter {
    byte[] write(ResumeDocument doc, Instant created) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            docx.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(created)));
            docx.getProperties().getCoreProperties().setTitle(doc.name() + " - Resume");
            XWPFRun name = docx.createParagraph().createRun();
            name.setBold(true);
            name.setFontSize(18);
            name.setText(doc.name());
            for (String c : doc.contactLines()) {
                docx.createParagraph().createRun().setText(c);
            }
            for (ResumeDocument.Section s : doc.sections()) {
                XWPFRun title = docx.createParagraph().createRun();
                title.setBold(true);
                title.setFontSize(12);
                title.setText(s.title());
                for (String l : s.lines()) {
                    docx.createParagraph().createRun().setText(l);
                }
            }
            if (doc.footer() != null) {
                XWPFFooter footer = docx.createFooter(HeaderFooterType.DEFAULT);
                XWPFParagraph p = footer.createParagraph();
                XWPFRun run = p.createRun();
                run.setFontSize(8);
                run.setText(doc.footer());
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

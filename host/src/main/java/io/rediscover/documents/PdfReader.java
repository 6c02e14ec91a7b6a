package io.rediscover.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PDF with PDFBox: the text of every page in reading order, and the targets of link annotations (a LinkedIn icon that
 * links to the profile shows no URL at all). Encrypted files that need a password are refused with that reason; a file
 * without any text (a scan) too, saying so. Decoded streams beyond 16 MB go to a temporary file, not the heap.
 */
final class PdfReader implements FormatReader {

    private static final long IN_MEMORY = 16L << 20;

    @Override
    public Extracted read(byte[] file, int maxChars) throws Unreadable, IOException {
        try (PDDocument pdf = Loader.loadPDF(file, "", null, null, MemoryUsageSetting.setupMixed(IN_MEMORY).streamCache)) {
            CappedWriter text = new CappedWriter(maxChars);
            boolean cut = false;
            Stripper stripper = new Stripper();
            try {
                stripper.writeText(pdf, text);
            } catch (CappedWriter.Full enough) {
                cut = true; // the text so far is all that is kept anyway
            }
            if (stripper.abandoned) {
                throw new InterruptedIOException("abandoned: over the time limit");
            }
            if (text.toString().isBlank() && hasImages(pdf)) {
                throw new Unreadable("the PDF holds only images (a scan?); text in images is not recognised");
            }
            return new Extracted(text.toString(), links(pdf), cut);
        } catch (InvalidPasswordException e) {
            throw new Unreadable("the PDF is encrypted with a password");
        }
    }

    private static List<String> links(PDDocument pdf) throws IOException {
        List<String> uris = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link) {
                    PDAction action = link.getAction();
                    if (action instanceof PDActionURI uri && uri.getURI() != null) {
                        uris.add(uri.getURI());
                    }
                }
            }
        }
        return uris;
    }

    private static boolean hasImages(PDDocument pdf) throws IOException {
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                if (resources.isImageXObject(name) || resources.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The text stripper, made abandonable: once its thread is interrupted (the time limit ran out) every further operator
     * fails. Every one, not just one: PDFBox forgives a failure inside a form ({@code Do}) and goes on with the next
     * operator, so a single failure would unwind only one form of a deeply nested file.
     */
    private static final class Stripper extends PDFTextStripper {
        private int operators;
        private boolean abandoned;

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            if (abandoned || (++operators & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
                abandoned = true;
                throw new InterruptedIOException("abandoned: over the time limit");
            }
            super.processOperator(operator, operands);
        }
    }
}

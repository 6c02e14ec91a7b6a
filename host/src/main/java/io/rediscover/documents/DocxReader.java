package io.rediscover.documents;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DOCX with POI XWPF: paragraphs, tables, headers and footers, and every external hyperlink target of every part (a
 * link in a footer or a table cell too). A ZIP archive that is not a Word document is refused as such. Zip bombs are
 * refused by POI's {@link ZipSecureFile} limits, set here: no entry may expand more than 100 times (the ratio 0.01) or
 * beyond 100 MB.
 */
final class DocxReader implements FormatReader {

    static final long MAX_ENTRY_BYTES = 100L << 20;
    private static final String WORD_MAIN = "wordprocessingml.document.main";

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    @Override
    public Extracted read(byte[] file, int maxChars) throws Unreadable, IOException {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(file))) {
            String main = mainContentType(pkg);
            if (!main.contains(WORD_MAIN)) {
                throw new Unreadable("an Office file that is not a Word document (" + (main.isEmpty() ? "no main part" : main) + ")");
            }
            try (XWPFDocument doc = new XWPFDocument(pkg); XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
                words.setCloseFilesystem(false);
                return new Extracted(words.getText(), hyperlinks(pkg));
            }
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            if (e instanceof OLE2NotOfficeXmlFileException) {
                throw new Unreadable("not a Word document");
            }
            throw zipBomb(e).orElseGet(() -> new Unreadable("a ZIP archive that is not a Word document"));
        } catch (IOException | RuntimeException e) {
            Unreadable bomb = zipBomb(e).orElse(null);
            if (bomb != null) {
                throw bomb;
            }
            throw e;
        }
    }

    private static String mainContentType(OPCPackage pkg) {
        var parts = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        return parts.isEmpty() ? "" : parts.get(0).getContentType();
    }

    private static List<String> hyperlinks(OPCPackage pkg) throws InvalidFormatException {
        List<String> targets = new ArrayList<>();
        for (PackagePart part : pkg.getParts()) {
            if (part.isRelationshipPart()) {
                continue;
            }
            for (PackageRelationship rel : part.getRelationshipsByType(PackageRelationshipTypes.HYPERLINK_PART)) {
                if (rel.getTargetMode() == TargetMode.EXTERNAL) {
                    targets.add(rel.getTargetURI().toString());
                }
            }
        }
        return targets;
    }

    /** POI says "Zip bomb detected!" somewhere in the causes, wrapped differently depending on where it noticed. */
    private static Optional<Unreadable> zipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && m.contains("Zip bomb")) {
                return Optional.of(new Unreadable("the DOCX expands far beyond its size (a zip bomb?): not read"));
            }
        }
        return Optional.empty();
    }
}

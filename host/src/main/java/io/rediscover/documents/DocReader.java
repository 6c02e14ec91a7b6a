package io.rediscover.documents;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Word 97–2003 (.doc) with POI HWPF, and every other OLE2 container, which it tells apart: an encrypted Office file (a
 * password-protected DOCX is an OLE2 container too) or an OLE2 file that is not a Word document is refused as such.
 * Hyperlink targets come from the {@code HYPERLINK} fields of the raw text.
 */
final class DocReader implements FormatReader {

    @Override
    public Extracted read(byte[] file, int maxChars) throws Unreadable, IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new Unreadable("the Office document is encrypted with a password");
            }
            if (!root.hasEntry("WordDocument")) {
                throw new Unreadable("an Office file that is not a Word document");
            }
            try (HWPFDocument doc = new HWPFDocument(root); WordExtractor words = new WordExtractor(doc)) {
                return new Extracted(words.getText(), FieldCodes.hyperlinks(doc.getText()));
            }
        } catch (EncryptedDocumentException e) {
            throw new Unreadable("the Word document is encrypted with a password");
        }
    }
}

package io.rediscover.documents;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * HTML with jsoup (charset from the BOM or the page's meta tag, else UTF-8): the body's text with a line break after
 * every block element, so paragraphs and list items stay apart, and every {@code <a href>}.
 */
final class HtmlReader implements FormatReader {

    @Override
    public Extracted read(byte[] file, int maxChars) throws IOException {
        Document page = Jsoup.parse(new ByteArrayInputStream(file), null, "");
        page.select("script, style, noscript, template").remove();
        StringBuilder text = new StringBuilder();
        page.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.text());
                } else if (node instanceof Element e && e.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    text.append('\n');
                }
            }
        });
        return new Extracted(text.toString(), page.select("a[href]").eachAttr("href"));
    }
}

package io.rediscover.insights;

import org.apache.commons.text.StringEscapeUtils;

import java.util.Locale;

/**
 * The print view of insights ({@code GET /insights/print}): a plain HTML page with no navigation — the org, what was
 * searched, the query, the filters, the date and the total on top, then every category as a table of its values with
 * bars, one category per printed page. Everything from data is HTML-escaped. The page carries no script and no inline
 * style (the content security policy allows neither): its stylesheet is {@code /insights-print.css} from the web UI,
 * and each bar is an SVG rectangle whose width is an attribute.
 */
final class PrintPage {

    private final StringBuilder html = new StringBuilder(16_384);

    private PrintPage() {
    }

    /** @param report the insights and their context @return the page */
    static String render(InsightsReport report) {
        return new PrintPage().page(report);
    }

    private String page(InsightsReport r) {
        String title = "Insights" + (r.org().isEmpty() ? "" : " · " + r.org()) + " · " + r.date();
        html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append("</title>\n<link rel=\"stylesheet\" href=\"/insights-print.css\">\n</head>\n<body>\n<header>\n<h1>")
                .append(esc(title)).append("</h1>\n<dl class=\"summary\">\n");
        fact("Org", r.org().isEmpty() ? "—" : r.org());
        fact("Searched", r.corpus());
        fact("Query", r.query().isEmpty() ? "everything (no query)" : r.query());
        html.append("<dt>Filters</dt><dd>");
        if (r.filters().isEmpty()) {
            html.append("none");
        } else {
            html.append("<ul>");
            r.filters().forEach(f -> html.append("<li>").append(esc(f)).append("</li>"));
            html.append("</ul>");
        }
        html.append("</dd>\n");
        fact("Date", r.date().toString());
        fact("Total", number(r.insights().total()) + " candidates");
        if (r.dataAsOf() != null) {
            fact("ATS data as of", r.dataAsOf());
        }
        if (r.insights().indexing() != null) {
            fact("Incomplete", r.insights().indexing().message());
        }
        html.append("</dl>\n</header>\n<main>\n");
        r.insights().categories().forEach(this::category);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void fact(String term, String value) {
        html.append("<dt>").append(esc(term)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }

    private void category(Insights.CategoryInsight c) {
        html.append("<section class=\"category\" id=\"").append(esc(c.key())).append("\">\n");
        if ("other".equals(c.section())) {
            html.append("<p class=\"group\">Other</p>\n");
        }
        html.append("<h2>").append(esc(c.label())).append("</h2>\n");
        if (c.values().isEmpty()) {
            html.append("<p class=\"empty\">No values in this result set.</p>\n");
        }
        html.append("<table>\n<thead><tr><th scope=\"col\">Value</th><th scope=\"col\" class=\"num\">Candidates</th>")
                .append("<th scope=\"col\" class=\"num\">Share</th><th scope=\"col\" class=\"bar\"><span class=\"sr-only\">Bar</span></th></tr></thead>\n<tbody>\n");
        long max = c.values().stream().mapToLong(Insights.Value::count).max().orElse(0);
        for (Insights.Value v : c.values()) {
            double width = max == 0 ? 0 : 100.0 * v.count() / max;
            html.append("<tr><td>").append(esc(v.value())).append("</td><td class=\"num\">").append(number(v.count()))
                    .append("</td><td class=\"num\">").append(percent(v.share())).append("</td><td class=\"bar\">")
                    .append("<svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect width=\"")
                    .append(String.format(Locale.ROOT, "%.2f", width)).append("\" height=\"10\"></rect></svg></td></tr>\n");
        }
        html.append("</tbody>\n<tfoot>\n<tr><td>Other values</td><td class=\"num\">").append(number(c.other()))
                .append("</td><td></td><td></td></tr>\n<tr><td>Unknown</td><td class=\"num\">").append(number(c.unknown()))
                .append("</td><td></td><td></td></tr>\n</tfoot>\n</table>\n</section>\n");
    }

    private static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String percent(double share) {
        return String.format(Locale.ENGLISH, "%.1f%%", share * 100);
    }

    private static String esc(String text) {
        return StringEscapeUtils.escapeHtml4(text);
    }
}

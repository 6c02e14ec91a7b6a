package io.rediscover.insights;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Insights as an XLSX workbook (Apache POI): a Summary sheet (org, what was searched, query, filters, date, total), then
 * one sheet per category in {@link Category#ALL} order — the five "Other" categories included — with its values as rows
 * (value, candidates, share), the other and unknown counts under them, and a native horizontal bar chart (XDDF) over the
 * values. A category sheet holds at most {@value InsightsRequest#MAX_LIMIT} values, so the workbook is a plain
 * {@link XSSFWorkbook} (charts need one; SXSSF's streaming pays off only for many rows). Only what Excel, LibreOffice
 * and Excel Online all read: string and number cells, a percent format, one clustered bar chart per sheet.
 */
public final class InsightsWorkbook {

    /** The row of the first value on a category sheet (0-based); row 0 holds the headers. */
    static final int FIRST_VALUE_ROW = 1;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle percent;

    private InsightsWorkbook() {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        percent = workbook.createCellStyle();
        percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
    }

    /**
     * @param report the insights and their context
     * @param out    where the file goes (not closed)
     * @throws IOException when writing fails
     */
    public static void write(InsightsReport report, OutputStream out) throws IOException {
        InsightsWorkbook w = new InsightsWorkbook();
        try (XSSFWorkbook workbook = w.workbook) {
            w.summary(report);
            Set<String> names = new HashSet<>();
            report.insights().categories().forEach(c -> w.category(c, sheetName(c.label(), names)));
            workbook.write(out);
        }
    }

    /** @return a sheet name Excel accepts (at most 31 characters, none of {@code / \ ? * [ ] :}), unique in the file */
    static String sheetName(String label, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(label.replace('/', '-'));
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase()); i++) {
            String suffix = " " + i;
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    private void summary(InsightsReport r) {
        XSSFSheet sheet = workbook.createSheet("Summary");
        int row = 0;
        text(sheet.createRow(row++), 0, "Insights", bold);
        row = fact(sheet, row + 1, "Org", r.org());
        row = fact(sheet, row, "Searched", r.corpus());
        row = fact(sheet, row, "Query", r.query().isEmpty() ? "everything (no query)" : r.query());
        if (r.filters().isEmpty()) {
            row = fact(sheet, row, "Filters", "none");
        } else {
            for (int i = 0; i < r.filters().size(); i++) {
                row = fact(sheet, row, i == 0 ? "Filters" : "", r.filters().get(i));
            }
        }
        row = fact(sheet, row, "Date", r.date().toString());
        if (r.dataAsOf() != null) {
            row = fact(sheet, row, "ATS data as of", r.dataAsOf());
        }
        if (r.insights().indexing() != null) {
            row = fact(sheet, row, "Incomplete", r.insights().indexing().message());
        }
        Row total = sheet.createRow(row);
        text(total, 0, "Total candidates", bold);
        total.createCell(1).setCellValue(r.insights().total());
        sheet.setColumnWidth(0, 20 * 256);
        sheet.setColumnWidth(1, 80 * 256);
    }

    private int fact(XSSFSheet sheet, int row, String term, String value) {
        Row r = sheet.createRow(row);
        text(r, 0, term, bold);
        text(r, 1, value, null);
        return row + 1;
    }

    private void category(Insights.CategoryInsight c, String name) {
        XSSFSheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        text(header, 0, c.label(), bold);
        text(header, 1, "Candidates", bold);
        text(header, 2, "Share", bold);
        int row = FIRST_VALUE_ROW;
        for (Insights.Value v : c.values()) {
            Row r = sheet.createRow(row++);
            text(r, 0, v.value(), null);
            r.createCell(1).setCellValue(v.count());
            r.createCell(2).setCellValue(v.share());
            r.getCell(2).setCellStyle(percent);
        }
        int last = row - 1;
        Row other = sheet.createRow(++row);
        text(other, 0, "Other values", bold);
        other.createCell(1).setCellValue(c.other());
        Row unknown = sheet.createRow(++row);
        text(unknown, 0, "Unknown", bold);
        unknown.createCell(1).setCellValue(c.unknown());
        sheet.setColumnWidth(0, 36 * 256);
        sheet.setColumnWidth(1, 12 * 256);
        sheet.setColumnWidth(2, 10 * 256);
        if (!c.values().isEmpty()) {
            chart(sheet, c.label(), last);
        } else {
            text(sheet.createRow(row + 2), 0, "No values in this result set.", null);
        }
    }

    /** A horizontal bar chart of the value rows, the most frequent on top, beside the table. */
    private static void chart(XSSFSheet sheet, String title, int lastRow) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 4, 1, 14, Math.max(20, lastRow + 4)));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis values = chart.createCategoryAxis(AxisPosition.LEFT);
        values.setOrientation(AxisOrientation.MAX_MIN); // the first row at the top
        XDDFValueAxis counts = chart.createValueAxis(AxisPosition.BOTTOM);
        counts.setCrosses(AxisCrosses.MAX); // with the categories reversed, keeps the count axis at the bottom
        counts.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, values, counts);
        data.setBarDirection(BarDirection.BAR);
        data.setVaryColors(false);
        XDDFChartData.Series series = data.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(FIRST_VALUE_ROW, lastRow, 0, 0)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(FIRST_VALUE_ROW, lastRow, 1, 1)));
        series.setTitle("Candidates", new CellReference(sheet.getSheetName(), 0, 1, true, true));
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(new byte[] {0x2F, 0x5F, (byte) 0xB3})));
        chart.plot(data);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}

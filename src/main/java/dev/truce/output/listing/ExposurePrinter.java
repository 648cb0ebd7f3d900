package dev.truce.output.listing;

import dev.truce.domain.exposure.ExposureReport;
import java.io.PrintWriter;

/**
 * Prints an {@link ExposureReport}: as a table of one block per product that fits 100 columns (or, {@code wide},
 * the grid of one row per product and deadline), JSON, CSV or Markdown. Each says what no figure counts, and
 * gives one total per market.
 */
public final class ExposurePrinter {
    public static final String UNRESOLVED_MARK = ExposureWords.UNRESOLVED_MARK;

    private final PrintWriter out;
    private final Styles styles;

    public ExposurePrinter(PrintWriter out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    public void print(ExposureReport report, OutputFormat format) {
        print(report, format, false);
    }

    /** {@code wide}: the table as a grid of one line per product and deadline, as wide as it needs. */
    public void print(ExposureReport report, OutputFormat format, boolean wide) {
        switch (format) {
            case table -> {
                if (wide) {
                    new ExposureGrid(out, styles).print(report);
                } else {
                    new ExposureTable(out, styles).print(report);
                }
            }
            case json -> new ExposureJson(out).print(report);
            case csv -> new ExposureCsv(out).print(report);
            case markdown -> new ExposureMarkdown(out).print(report);
        }
    }
}

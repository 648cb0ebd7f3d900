package dev.truce.output.listing;

import static dev.truce.output.listing.ExposureWords.UNRESOLVED_MARK;

import dev.truce.domain.Phrases;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code exposure --wide}: one grid line per product and deadline, as wide as the data (a spreadsheet user's
 * view), with the landed duty beside the truce layer and a total line per market.
 */
final class ExposureGrid {
    private static final int DESCRIPTION_WIDTH = 48;

    private final PrintWriter out;
    private final Styles styles;

    ExposureGrid(PrintWriter out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    void print(ExposureReport report) {
        ZoneId zone = report.zone();
        out.println(styles.bold().apply(Phrases.oneLine(report.truce().title())) + " (" + report.truce().id() + ")");
        out.println("Exposure as of " + report.asOf().atZone(zone).format(StatusPrinter.AS_OF) + " · "
                + Phrases.plural(report.products().size(), "product", "products")
                + " · landed duty and truce layer in percent of the customs value, costs a year in the products' currency");
        line(ExposureWords.schedule(report));
        line(ExposureWords.baseLine(report));
        out.println(ExposureWords.notCounted(report));
        out.println();
        TextTable table = new TextTable(List.of("HTS", "MARKET", "ORIGIN", "VALUE", "LANDED NOW", "A YEAR",
                "TRUCE LAYER", "DEADLINE", "OBLIGATION", "IF IT LAPSES", "EXTRA A YEAR", "SUPPLY RISK", "DESCRIPTION"));
        for (Exposure e : report.products()) {
            List<String[]> deadlines = new ArrayList<>();
            for (Exposure.Unresolved u : e.unresolved()) {
                deadlines.add(new String[] {u.deadline().display(zone) + " (passed)" + UNRESOLVED_MARK, u.obligation(),
                    "not recorded", ExposureWords.perYear(u.extraCost()) + (u.extraCost() == null ? "" : " if it lapsed")});
            }
            for (Exposure.Lapse l : e.ifLapsed()) {
                deadlines.add(new String[] {l.deadline().display(zone), l.obligation(),
                    ExposureWords.rate(e.hasBase() ? l.landed() : l.duty()) + (l.measure() ? " (runs out)" : ""),
                    ExposureWords.perYear(l.extraCost())});
            }
            int lines = Math.max(1, Math.max(deadlines.size(), e.supplyRisk().size()));
            for (int i = 0; i < lines; i++) {
                boolean first = i == 0;
                String[] d = i < deadlines.size() ? deadlines.get(i) : new String[] {"", "", "", ""};
                table.add(cells(
                        first ? e.product().hts() : "",
                        first ? e.product().market() : "",
                        first ? e.origin() : "",
                        first ? Amounts.amount(e.product().value()) : "",
                        first ? (e.hasBase() ? ExposureWords.rate(e.landedNow()) : "-") : "",
                        first ? ExposureWords.costNow(e) : "",
                        first ? ExposureWords.rate(e.now()) : "",
                        d[0], d[1], d[2], d[3],
                        i < e.supplyRisk().size() ? e.supplyRisk().get(i) : "",
                        first ? shorten(Phrases.oneLine(e.product().description())) : ""));
            }
        }
        for (ExposureTotal t : report.totals()) {
            table.add(cells("TOTAL " + t.market(), "", "", Amounts.amount(t.value()), "", ExposureWords.totalCost(t), "", "", "", "",
                    t.deadlineAhead() ? ExposureWords.perYear(t.extraCostIfAllLapse()) : "no deadline ahead",
                    t.supplyRiskProducts() == 0 ? "" : ExposureWords.count(t.supplyRiskProducts(), "at risk"),
                    ExposureWords.count(t.products(), "into " + t.market())));
        }
        table.print(out);
        out.println();
        out.println("IF IT LAPSES: the landed duty right after that deadline if that obligation lapses (or, a measure, "
                + "runs out) and the others hold; EXTRA A YEAR: value × (lapsed − kept) / 100. Totals are per market.");
        if (report.products().stream().anyMatch(e -> e.isUnresolved() || e.ifLapsed().stream()
                .anyMatch(l -> !l.landed().known()))) {
            out.println(ExposureWords.unresolvedLegend());
        }
    }

    private void line(String text) {
        if (text != null) {
            out.println(text);
        }
    }

    private static List<TextTable.Cell> cells(String... texts) {
        List<TextTable.Cell> cells = new ArrayList<>();
        for (String text : texts) {
            cells.add(TextTable.Cell.plain(text));
        }
        return cells;
    }

    private static String shorten(String text) {
        return TextTable.shorten(text, DESCRIPTION_WIDTH);
    }
}

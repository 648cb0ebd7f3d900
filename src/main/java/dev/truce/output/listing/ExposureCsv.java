package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import dev.truce.domain.exposure.Layer;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code exposure --format csv}: one row per product ({@code row} = product), one total row per market
 * ({@code row} = total, never a sum across markets) and a last row {@code note} saying what is not counted. The
 * columns of earlier versions keep their places; the landed duty and its layers come after them.
 */
final class ExposureCsv {
    static final List<String> COLUMNS = List.of("row", "hts", "market", "value", "description", "duty_now",
            "duty_as_if_kept", "duty_as_if_lapsed", "duty_cost_now", "duty_cost_as_if_kept", "duty_cost_as_if_lapsed",
            "unresolved", "next_deadline", "next_obligation", "duty_if_next_lapses", "extra_cost_if_next_lapses",
            "if_lapsed", "extra_cost_if_all_lapse", "supply_risk",
            "origin", "base_duty", "landed_now", "landed_as_if_kept", "landed_as_if_lapsed", "landed_cost_now",
            "layers", "landed_if_next_lapses", "not_counted");

    private final PrintWriter out;

    ExposureCsv(PrintWriter out) {
        this.out = out;
    }

    void print(ExposureReport report) {
        Csv.row(out, COLUMNS);
        ZoneId zone = report.zone();
        for (Exposure e : report.products()) {
            Optional<Exposure.Lapse> next = e.ifLapsed().stream().findFirst();
            List<String> cells = new ArrayList<>(List.of("product", e.product().hts(), e.product().market(),
                    number(e.product().value()), nullToEmpty(e.product().description()),
                    e.dutyNow().map(Amounts::rate).orElse(""), Amounts.rate(e.now().ifKept()),
                    Amounts.rate(e.now().ifLapsed()), number(e.costNow().orElse(null)), number(e.costIfKept()),
                    number(e.costIfLapsed()),
                    e.unresolved().stream().map(Exposure.Unresolved::obligation).collect(Collectors.joining(" ")),
                    next.map(l -> l.deadline().endIso(zone)).orElse(""), next.map(Exposure.Lapse::obligation).orElse(""),
                    next.flatMap(Exposure.Lapse::knownDuty).map(Amounts::rate).orElse(""),
                    next.map(l -> number(l.extraCost())).orElse(""),
                    lapses(e, zone), number(e.extraCostIfAllLapse()), String.join(" ", e.supplyRisk())));
            cells.addAll(List.of(e.origin(), number(e.product().baseDuty()),
                    e.hasBase() ? e.knownLanded().map(Amounts::rate).orElse("") : "",
                    e.hasBase() ? Amounts.rate(e.landedNow().ifKept()) : "",
                    e.hasBase() ? Amounts.rate(e.landedNow().ifLapsed()) : "",
                    e.hasBase() ? number(e.landedCostNow().orElse(null)) : "",
                    layers(e), e.hasBase() ? next.flatMap(Exposure.Lapse::knownLanded).map(Amounts::rate).orElse("") : "",
                    String.join("; ", e.notCounted())));
            Csv.row(out, cells);
        }
        for (ExposureTotal t : report.totals()) {
            List<String> cells = new ArrayList<>(List.of("total", "", t.market(), number(t.value()), words(t), "", "", "",
                    number(t.costNow().orElse(null)), number(t.costIfKept()), number(t.costIfLapsed()),
                    String.valueOf(t.unresolvedProducts()), "", "", "", "", "", number(t.extraCostIfAllLapse()),
                    String.valueOf(t.supplyRiskProducts())));
            cells.addAll(List.of("", "", "", "", "", number(t.landedCostNow().orElse(null)), "", "", ""));
            Csv.row(out, cells);
        }
        List<String> note = new ArrayList<>(List.of("note", "", "", "", notes(report)));
        while (note.size() < COLUMNS.size()) {
            note.add("");
        }
        Csv.row(out, note);
    }

    /** "0 MFN (8542.31.00 ...) + 50 301 (9903.91.05) + 12.5 us-section301-forced-labor (9903.05.31)". */
    private static String layers(Exposure e) {
        return e.layers().stream().map(ExposureCsv::layer).collect(Collectors.joining(" + "));
    }

    private static String layer(Layer layer) {
        String rate = layer.rate().known() ? Amounts.rate(layer.rate().ifKept())
                : Amounts.rate(layer.rate().ifKept()) + " or " + Amounts.rate(layer.rate().ifLapsed());
        return rate + " " + layer.name() + " (" + layer.source() + ")";
    }

    private static String notes(ExposureReport report) {
        List<String> lines = new ArrayList<>();
        Optional.ofNullable(ExposureWords.schedule(report)).ifPresent(lines::add);
        Optional.ofNullable(ExposureWords.baseLine(report)).ifPresent(lines::add);
        lines.add(ExposureWords.notCounted(report));
        lines.addAll(report.warnings().stream().map(w -> "Warning: " + w).toList());
        return lines.stream().map(l -> l.endsWith(".") ? l : l + ".").collect(Collectors.joining(" "));
    }

    private static String words(ExposureTotal t) {
        return Phrases.plural(t.products(), "product", "products") + " into " + t.market()
                + (t.unresolvedProducts() == 0 ? "" : "; " + t.unresolvedProducts() + " with an outcome not recorded")
                + (t.supplyRiskProducts() == 0 ? "" : "; " + t.supplyRiskProducts() + " with a supply risk")
                + (t.withoutBase() == 0 ? "" : "; " + t.withoutBase() + " with the truce layer only");
    }

    /** "2026-07-24 us-section122-surcharge 10 (-240000); ...": the deadline ahead, the duty if it lapses, the cost. */
    private static String lapses(Exposure e, ZoneId zone) {
        return e.ifLapsed().stream()
                .map(l -> l.deadline().dateIn(zone) + " " + l.obligation() + " " + ExposureWords.rate(l.duty())
                        + (l.extraCost() == null ? "" : " (" + (l.extraCost().signum() > 0 ? "+" : "")
                        + number(l.extraCost()) + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : Amounts.plain(value).toPlainString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}

package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;

/** Prints an {@link ExposureReport} as a table, JSON, CSV or Markdown, each with a total row. */
public final class ExposurePrinter {
    public static final String UNRESOLVED_MARK = "*";
    private static final int DESCRIPTION_WIDTH = 48;
    private static final List<String> CSV_COLUMNS = List.of("row", "hts", "market", "value", "description", "duty_now",
            "duty_as_if_kept", "duty_as_if_lapsed", "duty_cost_now", "duty_cost_as_if_kept", "duty_cost_as_if_lapsed",
            "unresolved", "next_deadline", "next_obligation", "duty_if_next_lapses", "extra_cost_if_next_lapses",
            "if_lapsed", "extra_cost_if_all_lapse", "supply_risk");

    private final PrintWriter out;
    private final Styles styles;

    public ExposurePrinter(PrintWriter out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    public void print(ExposureReport report, OutputFormat format) {
        switch (format) {
            case table -> table(report);
            case json -> json(report);
            case csv -> csv(report);
            case markdown -> markdown(report);
        }
    }

    // ---------------------------------------------------------------- table

    private void table(ExposureReport report) {
        ZoneId zone = report.zone();
        out.println(styles.bold().apply(Phrases.oneLine(report.truce().title())) + " (" + report.truce().id() + ")");
        out.println("Exposure as of " + report.asOf().atZone(zone).format(StatusPrinter.AS_OF) + " · "
                + Phrases.plural(report.products().size(), "product", "products")
                + " · duties in percent (additional ad valorem), costs a year in the products' currency");
        out.println();
        TextTable table = new TextTable(List.of("HTS", "MARKET", "VALUE", "DUTY NOW", "DUTY A YEAR", "DEADLINE",
                "OBLIGATION", "IF IT LAPSES", "EXTRA A YEAR", "SUPPLY RISK", "DESCRIPTION"));
        for (Exposure e : report.products()) {
            List<String[]> deadlines = new ArrayList<>();
            for (Exposure.Unresolved u : e.unresolved()) {
                deadlines.add(new String[] {u.deadline().display(zone) + " (passed)" + UNRESOLVED_MARK, u.obligation(),
                    "not recorded", cost(u.extraCost(), true) + (u.extraCost() == null ? "" : " if it lapsed")});
            }
            for (Exposure.Lapse l : e.ifLapsed()) {
                deadlines.add(new String[] {l.deadline().display(zone), l.obligation(), rate(l.duty()),
                    cost(l.extraCost(), true)});
            }
            int lines = Math.max(1, Math.max(deadlines.size(), e.supplyRisk().size()));
            for (int i = 0; i < lines; i++) {
                boolean first = i == 0;
                String[] d = i < deadlines.size() ? deadlines.get(i) : new String[] {"", "", "", ""};
                table.add(cells(
                        first ? e.product().hts() : "",
                        first ? e.product().market() : "",
                        first ? amount(e.product().value()) : "",
                        first ? dutyNow(e) : "",
                        first ? costNow(e) : "",
                        d[0], d[1], d[2], d[3],
                        i < e.supplyRisk().size() ? e.supplyRisk().get(i) : "",
                        first ? shorten(Phrases.oneLine(e.product().description())) : ""));
            }
        }
        ExposureTotal total = report.total();
        table.add(cells("TOTAL", "", amount(total.value()), "", totalCost(total), "", "", "",
                allLapse(report),
                total.supplyRiskProducts() == 0 ? "" : Phrases.plural(total.supplyRiskProducts(), "product", "products"),
                Phrases.plural(total.products(), "product", "products")));
        table.print(out);
        out.println();
        legends(report).forEach(out::println);
    }

    /**
     * The total's extra cost if every deadline ahead lapses; with no deadline ahead there is nothing to add up,
     * and "0 if all lapse" would read as "nothing can get worse" beside outcomes that are not recorded.
     */
    private static String allLapse(ExposureReport report) {
        if (report.products().stream().allMatch(e -> e.ifLapsed().isEmpty())) {
            return "no deadline ahead";
        }
        return cost(report.total().extraCostIfAllLapse(), true)
                + (report.total().extraCostIfAllLapse() == null ? "" : " if every deadline ahead lapses");
    }

    private static List<TextTable.Cell> cells(String... texts) {
        List<TextTable.Cell> cells = new ArrayList<>();
        for (String text : texts) {
            cells.add(TextTable.Cell.plain(text));
        }
        return cells;
    }

    private static List<String> legends(ExposureReport report) {
        List<String> legends = new ArrayList<>();
        legends.add("IF IT LAPSES: the duty right after that deadline if that obligation lapses and the others hold; "
                + "EXTRA A YEAR: value × (lapsed − kept) / 100.");
        if (report.total().unresolvedProducts() > 0
                || report.products().stream().anyMatch(e -> e.ifLapsed().stream().anyMatch(l -> !l.duty().known()))) {
            legends.add(UNRESOLVED_MARK + " outcome not recorded: the deadline passed and nobody has recorded whether the "
                    + "obligation was kept, extended, lapsed or ended, so the duty is shown both ways: as if kept, "
                    + "then as if lapsed (record it: outcome: in obligations.yaml; truce show ID).");
        }
        return legends;
    }

    /** "20", or "10 or 34*" when an outcome is not recorded. */
    public static String dutyNow(Exposure e) {
        return e.dutyNow().map(ExposurePrinter::rate)
                .orElseGet(() -> rate(e.now().ifKept()) + " or " + rate(e.now().ifLapsed()) + UNRESOLVED_MARK);
    }

    private static String costNow(Exposure e) {
        if (e.product().value() == null) {
            return "-";
        }
        return e.costNow().map(c -> cost(c, false))
                .orElseGet(() -> cost(e.costIfKept(), false) + " or " + cost(e.costIfLapsed(), false) + UNRESOLVED_MARK);
    }

    private static String totalCost(ExposureTotal total) {
        if (total.value() == null) {
            return "-";
        }
        return total.costNow().map(c -> cost(c, false)).orElseGet(() -> cost(total.costIfKept(), false) + " or "
                + cost(total.costIfLapsed(), false) + UNRESOLVED_MARK);
    }

    private static String shorten(String text) {
        if (TextTable.width(text) <= DESCRIPTION_WIDTH) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int w = TextTable.width(new String(Character.toChars(c)));
            if (width + w > DESCRIPTION_WIDTH - 1) {
                break;
            }
            kept.appendCodePoint(c);
            width += w;
            i += Character.charCount(c);
        }
        return kept + "…";
    }

    // ---------------------------------------------------------------- numbers

    /** A duty that an unrecorded outcome leaves open is both figures, marked: "34 or 59*". */
    private static String rate(dev.truce.domain.exposure.Share duty) {
        return duty.known() ? rate(duty.ifKept()) : rate(duty.ifKept()) + " or " + rate(duty.ifLapsed()) + UNRESOLVED_MARK;
    }
    public static String rate(BigDecimal rate) {
        return Amounts.rate(rate);
    }

    public static String amount(BigDecimal value) {
        return Amounts.amount(value);
    }

    /** An amount; {@code signed}: +240,000 for a cost that rises. */
    public static String cost(BigDecimal value, boolean signed) {
        return signed ? Amounts.signed(value) : Amounts.amount(value);
    }

    private static BigDecimal plain(BigDecimal value) {
        return Amounts.plain(value);
    }

    // ---------------------------------------------------------------- JSON

    private void json(ExposureReport report) {
        ZoneId zone = report.zone();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", report.asOf().toString());
            json.writeStringProperty("zone", zone.getId());
            json.writeStringProperty("truce", report.truce().id());
            json.writeName("products");
            json.writeStartArray();
            for (Exposure e : report.products()) {
                product(json, e, zone);
            }
            json.writeEndArray();
            ExposureTotal total = report.total();
            json.writeName("total");
            json.writeStartObject();
            json.writeNumberProperty("products", total.products());
            number(json, "value", total.value());
            number(json, "duty_cost_now", total.costNow().orElse(null));
            number(json, "duty_cost_as_if_kept", total.costIfKept());
            number(json, "duty_cost_as_if_lapsed", total.costIfLapsed());
            number(json, "extra_cost_if_all_lapse", total.extraCostIfAllLapse());
            json.writeNumberProperty("unresolved_products", total.unresolvedProducts());
            json.writeNumberProperty("supply_risk_products", total.supplyRiskProducts());
            json.writeEndObject();
            json.writeEndObject();
        }
        out.println();
    }

    private static void product(JsonGenerator json, Exposure e, ZoneId zone) {
        json.writeStartObject();
        json.writeStringProperty("hts", e.product().hts());
        json.writeStringProperty("market", e.product().market());
        number(json, "value", e.product().value());
        json.writeStringProperty("description", e.product().description());
        number(json, "duty_now", e.dutyNow().orElse(null));
        number(json, "duty_as_if_kept", e.now().ifKept());
        number(json, "duty_as_if_lapsed", e.now().ifLapsed());
        number(json, "duty_cost_now", e.costNow().orElse(null));
        json.writeName("duties");
        json.writeStartArray();
        for (Exposure.DutyShare d : e.duties()) {
            json.writeStartObject();
            json.writeStringProperty("obligation", d.obligation());
            json.writeStringProperty("timeline", d.timeline().label());
            number(json, "rate", d.rate().orElse(null));
            number(json, "kept", d.kept());
            number(json, "lapsed", d.lapsed());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeName("if_lapsed");
        json.writeStartArray();
        for (Exposure.Lapse l : e.ifLapsed()) {
            json.writeStartObject();
            json.writeStringProperty("obligation", l.obligation());
            json.writeStringProperty("deadline", l.deadline().endIso(zone));
            json.writeStringProperty("deadline_date", l.deadline().dateIn(zone).toString());
            json.writeNumberProperty("days_left", l.daysLeft());
            number(json, "duty", l.knownDuty().orElse(null));
            number(json, "duty_as_if_kept", l.duty().ifKept());
            number(json, "duty_as_if_lapsed", l.duty().ifLapsed());
            number(json, "extra_cost", l.extraCost());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeName("unresolved");
        json.writeStartArray();
        for (Exposure.Unresolved u : e.unresolved()) {
            json.writeStartObject();
            json.writeStringProperty("obligation", u.obligation());
            json.writeStringProperty("deadline", u.deadline().endIso(zone));
            json.writeStringProperty("deadline_date", u.deadline().dateIn(zone).toString());
            json.writeNumberProperty("days_passed", u.daysPassed());
            json.writeStringProperty("outcome", "not recorded");
            number(json, "kept", u.kept());
            number(json, "lapsed", u.lapsed());
            number(json, "extra_cost_if_lapsed", u.extraCost());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeName("supply_risk");
        json.writeStartArray();
        for (String id : e.supplyRisk()) {
            json.writeString(id);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, BigDecimal value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(plain(value));
        }
    }

    // ---------------------------------------------------------------- CSV and Markdown

    private void csv(ExposureReport report) {
        Csv.row(out, CSV_COLUMNS);
        ZoneId zone = report.zone();
        for (Exposure e : report.products()) {
            Optional<Exposure.Lapse> next = e.ifLapsed().stream().findFirst();
            List<String> cells = new ArrayList<>(List.of("product", e.product().hts(), e.product().market(),
                    number(e.product().value()), nullToEmpty(e.product().description()),
                    e.dutyNow().map(ExposurePrinter::rate).orElse(""), rate(e.now().ifKept()), rate(e.now().ifLapsed()),
                    number(e.costNow().orElse(null)), number(e.costIfKept()), number(e.costIfLapsed()),
                    e.unresolved().stream().map(Exposure.Unresolved::obligation).collect(Collectors.joining(" ")),
                    next.map(l -> l.deadline().endIso(zone)).orElse(""), next.map(Exposure.Lapse::obligation).orElse(""),
                    next.flatMap(Exposure.Lapse::knownDuty).map(ExposurePrinter::rate).orElse(""), next.map(l -> number(l.extraCost())).orElse(""),
                    lapses(e, zone), number(e.extraCostIfAllLapse()), String.join(" ", e.supplyRisk())));
            Csv.row(out, cells);
        }
        ExposureTotal t = report.total();
        Csv.row(out, List.of("total", "", "", number(t.value()), totalWords(t), "", "", "",
                number(t.costNow().orElse(null)), number(t.costIfKept()), number(t.costIfLapsed()),
                String.valueOf(t.unresolvedProducts()), "", "", "", "", "", number(t.extraCostIfAllLapse()),
                String.valueOf(t.supplyRiskProducts())));
    }

    private static String totalWords(ExposureTotal t) {
        return Phrases.plural(t.products(), "product", "products")
                + (t.unresolvedProducts() == 0 ? "" : "; " + t.unresolvedProducts() + " with an outcome not recorded")
                + (t.supplyRiskProducts() == 0 ? "" : "; " + t.supplyRiskProducts() + " with a supply risk");
    }

    /** "2026-07-24 us-section122-surcharge 10 (-240000); ...": the deadline ahead, the duty if it lapses, the extra cost. */
    private static String lapses(Exposure e, ZoneId zone) {
        return e.ifLapsed().stream()
                .map(l -> l.deadline().dateIn(zone) + " " + l.obligation() + " " + rate(l.duty())
                        + (l.extraCost() == null ? "" : " (" + (l.extraCost().signum() > 0 ? "+" : "")
                        + number(l.extraCost()) + ")"))
                .collect(Collectors.joining("; "));
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : plain(value).toPlainString();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private void markdown(ExposureReport report) {
        ZoneId zone = report.zone();
        out.println("**Exposure** as of " + Markdown.text(report.asOf().atZone(zone).format(StatusPrinter.AS_OF)) + ", "
                + Markdown.text(report.truce().title()) + " (" + Markdown.text(report.truce().id()) + ")");
        out.println();
        Markdown.header(out, List.of("hts", "market", "value", "duty now", "duty a year", "outcome not recorded",
                "deadlines ahead: duty if it lapses (extra a year)", "supply risk", "description"));
        for (Exposure e : report.products()) {
            Markdown.row(out, List.of(e.product().hts(), e.product().market(), amount(e.product().value()), dutyNow(e),
                    costNow(e),
                    e.unresolved().stream().map(u -> u.obligation() + " (passed " + u.deadline().display(zone) + ")")
                            .collect(Collectors.joining("; ")),
                    e.ifLapsed().stream().map(l -> l.deadline().display(zone) + " " + l.obligation() + ": "
                            + rate(l.duty()) + " (" + cost(l.extraCost(), true) + ")").collect(Collectors.joining("; ")),
                    String.join(", ", e.supplyRisk()), nullToEmpty(e.product().description())));
        }
        ExposureTotal t = report.total();
        Markdown.row(out, List.of("total", "", amount(t.value()), "", totalCost(t), "", allLapse(report),
                t.supplyRiskProducts() == 0 ? ""
                : Phrases.plural(t.supplyRiskProducts(), "product", "products"), totalWords(t)));
        out.println();
        legends(report).forEach(line -> out.println(Markdown.text(line)));
    }
}

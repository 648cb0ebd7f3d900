package dev.truce.output.listing;

import static dev.truce.output.listing.ExposureWords.rate;

import dev.truce.domain.Phrases;
import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exposure listing for a terminal, an email or a chat: at most {@value #WIDTH} columns, one block per product
 * (its landed duty in layers, what each deadline would do to it, in words), then one total per market, never one
 * sum across markets. Every count says what it counts; what no figure counts is said at the top.
 */
final class ExposureTable {
    static final int WIDTH = 100;
    private static final String INDENT = "  ";
    private static final int LABEL = 15;
    private static final String REST = " ".repeat(INDENT.length() + LABEL);

    private final PrintWriter out;
    private final Styles styles;

    ExposureTable(PrintWriter out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    void print(ExposureReport report) {
        ZoneId zone = report.zone();
        String title = Phrases.oneLine(report.truce().title()) + " (" + report.truce().id() + ")";
        List<String> titleLines = Wrapped.lines(title, WIDTH, "", "");
        out.println(styles.bold().apply(titleLines.get(0)));
        titleLines.subList(1, titleLines.size()).forEach(out::println);
        text("Exposure as of " + report.asOf().atZone(zone).format(StatusPrinter.AS_OF) + " · " + markets(report));
        text("Landed duty in percent of the customs value (the value column), in layers: the base (MFN, or the "
                + "base_duty given), Section 301, and the truce's obligations (the truce layer); costs a year in the "
                + "products' currency.");
        line(ExposureWords.schedule(report));
        line(ExposureWords.baseLine(report));
        text(ExposureWords.notCounted(report));
        for (Exposure e : report.products()) {
            out.println();
            block(e, zone);
        }
        out.println();
        out.println("Totals per market (never added together):");
        for (ExposureTotal t : report.totals()) {
            total(t);
        }
        if (report.products().stream().anyMatch(ExposureTable::dependsOnAnOutcome)) {
            out.println();
            text(ExposureWords.unresolvedLegend());
        }
    }

    private static boolean dependsOnAnOutcome(Exposure e) {
        return e.isUnresolved() || e.ifLapsed().stream().anyMatch(l -> !l.landed().known());
    }

    /** "3 products: 2 into US, 1 into CN". */
    private static String markets(ExposureReport report) {
        Map<String, Long> counts = report.products().stream().collect(Collectors.groupingBy(e -> e.product().market(),
                java.util.LinkedHashMap::new, Collectors.counting()));
        return Phrases.plural(report.products().size(), "product", "products") + (counts.isEmpty() ? "" : ": "
                + counts.entrySet().stream().map(c -> c.getValue() + " " + ExposureWords.market(c.getKey()))
                .collect(Collectors.joining(", ")));
    }

    private void block(Exposure e, ZoneId zone) {
        String head = Phrases.oneLine(e.product().hts()) + " · " + e.product().market() + " from " + e.origin()
                + (e.product().value() == null ? "" : " · value " + ExposureWords.amount(e.product().value()));
        String description = Phrases.oneLine(e.product().description());
        out.println(description.isEmpty() ? head : fit(head + " · " + description));
        labelled("landed now", ExposureWords.landed(e) + cost(e));
        labelled("layers", ExposureWords.layers(e));
        labelled("not counted", e.notCounted());
        List<String> unresolved = new ArrayList<>();
        for (Exposure.Unresolved u : e.unresolved()) {
            String ended = u.measure() ? " if it ran out" : " if it lapsed";
            unresolved.add(u.deadline().display(zone) + " " + u.obligation() + " (" + Phrases.passed(u.daysPassed())
                    + ", outcome not recorded): " + Amounts.rate(u.kept()) + " if kept, " + Amounts.rate(u.lapsed())
                    + ended + (u.extraCost() == null ? "" : "; " + ExposureWords.perYear(u.extraCost()) + ended));
        }
        labelled("not recorded" + ExposureWords.UNRESOLVED_MARK, unresolved);
        List<String> ahead = new ArrayList<>();
        for (Exposure.Lapse l : e.ifLapsed()) {
            ahead.add(l.deadline().display(zone) + " " + l.obligation() + ": " + ExposureWords.ahead(e, l));
        }
        labelled("ahead", ahead.isEmpty() ? List.of("no deadline ahead") : ahead);
        labelled("supply risk", e.supplyRisk().isEmpty() ? List.of() : List.of(String.join(", ", e.supplyRisk())));
    }

    /** " · 3,125,000 a year", or both figures when an outcome is not recorded; nothing without a value. */
    private static String cost(Exposure e) {
        return e.product().value() == null ? "" : " · " + ExposureWords.costNow(e) + " a year";
    }

    private void total(ExposureTotal t) {
        List<String> parts = new ArrayList<>();
        parts.add(ExposureWords.count(t.products(), ""));
        if (t.value() != null) {
            parts.add("value " + ExposureWords.amount(t.value()));
            if (t.withoutBase() == 0) {
                parts.add("landed " + t.landedCostNow().map(ExposureWords::amount).orElseGet(() -> ExposureWords.amount(
                        t.landedCostIfKept()) + " or " + ExposureWords.amount(t.landedCostIfLapsed())
                        + ExposureWords.UNRESOLVED_MARK) + " a year");
            } else {
                parts.add("truce layer " + t.costNow().map(ExposureWords::amount).orElseGet(() -> ExposureWords.amount(
                        t.costIfKept()) + " or " + ExposureWords.amount(t.costIfLapsed()) + ExposureWords.UNRESOLVED_MARK)
                        + " a year (the landed duty is not known: " + ExposureWords.count(t.withoutBase(), "with no base")
                        + ")");
            }
            parts.add(t.deadlineAhead() ? ExposureWords.perYear(t.extraCostIfAllLapse()) + " if every deadline ahead "
                    + "lapses or runs out" : "no deadline ahead");
        }
        if (t.unresolvedProducts() > 0) {
            parts.add(ExposureWords.count(t.unresolvedProducts(), "with an outcome not recorded"));
        }
        if (t.supplyRiskProducts() > 0) {
            parts.add(ExposureWords.count(t.supplyRiskProducts(), "with a supply risk"));
        }
        labelled(ExposureWords.market(t.market()), String.join(" · ", parts));
    }

    private void labelled(String label, String text) {
        labelled(label, List.of(text));
    }

    /** The label, then each item on lines of its own, wrapped under the label's column. */
    private void labelled(String label, List<String> items) {
        boolean first = true;
        for (String item : items) {
            String start = first ? INDENT + pad(label) : REST;
            Wrapped.lines(Phrases.oneLine(item), WIDTH, start, REST).forEach(out::println);
            first = false;
        }
    }

    private static String pad(String label) {
        return label.length() >= LABEL - 1 ? label + " " : label + " ".repeat(LABEL - label.length());
    }

    private void text(String text) {
        Wrapped.lines(text, WIDTH, "", "").forEach(out::println);
    }

    private void line(String text) {
        if (text != null) {
            text(text);
        }
    }

    /** A head line cut to the width, its end (the description) shortened with "…". */
    private static String fit(String text) {
        if (text.length() <= WIDTH && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text;
        }
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text.substring(0, WIDTH - 1) + "…";
        }
        return TextTable.shorten(text, WIDTH);
    }
}

package dev.truce.output.listing;

import dev.truce.domain.exposure.Amounts;
import dev.truce.domain.exposure.Exposure;
import dev.truce.domain.exposure.ExposureReport;
import dev.truce.domain.exposure.ExposureTotal;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code exposure --format markdown}: a table to paste into chat, a total row per market, and what is not counted. */
final class ExposureMarkdown {
    private final PrintWriter out;

    ExposureMarkdown(PrintWriter out) {
        this.out = out;
    }

    void print(ExposureReport report) {
        ZoneId zone = report.zone();
        out.println("**Exposure** as of " + Markdown.text(report.asOf().atZone(zone).format(StatusPrinter.AS_OF)) + ", "
                + Markdown.text(report.truce().title()) + " (" + Markdown.text(report.truce().id()) + ")");
        out.println();
        Optional.ofNullable(ExposureWords.schedule(report)).ifPresent(s -> out.println(Markdown.text(s) + "  "));
        Optional.ofNullable(ExposureWords.baseLine(report)).ifPresent(s -> out.println(Markdown.text(s) + "  "));
        out.println(Markdown.text(ExposureWords.notCounted(report)));
        out.println();
        Markdown.header(out, List.of("hts", "market", "origin", "value", "landed now (layers)", "landed a year",
                "outcome not recorded", "deadlines ahead: what each would do", "supply risk",
                "description"));
        for (Exposure e : report.products()) {
            Markdown.row(out, List.of(e.product().hts(), e.product().market(), e.origin(),
                    Amounts.amount(e.product().value()), ExposureWords.landed(e) + (e.notCounted().isEmpty() ? ""
                            : " (not counted: " + String.join("; ", e.notCounted()) + ")"), ExposureWords.costNow(e),
                    e.unresolved().stream().map(u -> u.obligation() + " (passed " + u.deadline().display(zone) + ")")
                            .collect(Collectors.joining("; ")),
                    e.ifLapsed().stream().map(l -> l.deadline().display(zone) + " " + l.obligation() + " "
                            + ExposureWords.ahead(e, l)).collect(Collectors.joining("; ")),
                    String.join(", ", e.supplyRisk()), e.product().description() == null ? "" : e.product().description()));
        }
        for (ExposureTotal t : report.totals()) {
            Markdown.row(out, List.of("total into " + t.market(), t.market(), "", Amounts.amount(t.value()), "",
                    ExposureWords.totalCost(t), t.unresolvedProducts() == 0 ? ""
                    : ExposureWords.count(t.unresolvedProducts(), "with an outcome not recorded"),
                    t.deadlineAhead() ? ExposureWords.perYear(t.extraCostIfAllLapse()) + " if every deadline ahead lapses"
                            : "no deadline ahead",
                    t.supplyRiskProducts() == 0 ? "" : ExposureWords.count(t.supplyRiskProducts(), "with a supply risk"),
                    ExposureWords.count(t.products(), "")));
        }
        out.println();
        out.println(Markdown.text("Totals are per market, never added together. Landed duty in percent of the "
                + "customs value, costs a year in the products' currency."));
        if (report.products().stream().anyMatch(e -> e.isUnresolved() || e.ifLapsed().stream()
                .anyMatch(l -> !l.landed().known()))) {
            out.println(Markdown.text(ExposureWords.unresolvedLegend()));
        }
    }
}

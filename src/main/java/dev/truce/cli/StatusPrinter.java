package dev.truce.cli;

import dev.truce.app.StatusReport;
import dev.truce.domain.Compliance;
import dev.truce.domain.Evidence;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.TruceStatus;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;

/** Prints a {@link StatusReport} as a table, JSON, CSV or Markdown. */
final class StatusPrinter {
    static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);
    private static final List<String> COLUMNS = List.of("id", "party", "kind", "due", "due_date", "days_left", "timeline",
            "compliance", "stale", "evidence_count", "last_evidence_date", "title");
    /** Marks a compliance state whose newest evidence is stale; explained by a legend under the table. */
    static final String STALE_MARK = "*";

    private final PrintWriter out;
    private final Styles styles;

    StatusPrinter(PrintWriter out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    void print(StatusReport report, OutputFormat format) {
        switch (format) {
            case table -> table(report);
            case json -> json(report);
            case csv -> csv(report);
            case markdown -> markdown(report);
        }
    }

    private void table(StatusReport report) {
        TruceStatus truce = report.truce();
        ZoneId zone = report.zone();
        out.println(styles.bold().apply(Texts.oneLine(truce.truce().title())) + " (" + truce.truce().id() + ")");
        out.println(truceLine(truce, zone));
        out.println("As of " + report.asOf().atZone(zone).format(AS_OF) + " · days counted in " + zone.getId()
                + " · " + shown(report));
        out.println();
        if (report.rows().isEmpty()) {
            out.println("No obligations match.");
            return;
        }
        TextTable table = new TextTable(List.of("ID", "PARTY", "KIND", "DUE", "DAYS", "TIMELINE", "COMPLIANCE"));
        for (ObligationStatus row : report.rows()) {
            table.add(List.of(
                    TextTable.Cell.plain(row.id()),
                    TextTable.Cell.plain(row.obligation().party()),
                    TextTable.Cell.plain(row.obligation().kind().label()),
                    TextTable.Cell.plain(row.deadline().map(d -> d.display(zone)).orElse("none")),
                    TextTable.Cell.plain(row.daysLeft().map(String::valueOf).orElse("-")),
                    new TextTable.Cell(row.timeline().label(), styles.timeline(row.timeline())),
                    new TextTable.Cell(compliance(row.compliance()), styles.compliance(row.compliance().state()))));
        }
        table.print(out);
        if (report.rows().stream().anyMatch(row -> row.compliance().stale())) {
            out.println();
            out.println(staleLegend(report.staleAfterDays()));
        }
    }

    /** The state, marked when its newest evidence is stale: breach-alleged*. */
    static String compliance(Compliance compliance) {
        return compliance.state().label() + (compliance.stale() ? STALE_MARK : "");
    }

    static String staleLegend(int staleAfterDays) {
        return STALE_MARK + " stale: the newest evidence is more than " + Texts.plural(staleAfterDays, "day", "days")
                + " old (stale_after_days)";
    }

    private static String shown(StatusReport report) {
        return report.rows().size() == report.total()
                ? Texts.plural(report.total(), "obligation", "obligations")
                : report.rows().size() + " of " + Texts.plural(report.total(), "obligation", "obligations");
    }

    static String truceLine(TruceStatus truce, ZoneId zone) {
        String end = truce.end().display(zone);
        String when = truce.ended() ? "ended " + end + " (" + Texts.relativeDays(truce.daysLeft()) + ")"
                : "ends " + end + " (" + Texts.relativeDays(truce.daysLeft()) + ")";
        List<Extension> extensions = truce.extensionsKnown();
        String chain = extensions.isEmpty() ? "no extensions so far"
                : Texts.plural(extensions.size(), "extension", "extensions") + " so far: " + extensions.stream()
                        .map(e -> e.decided() == null || e.source().contains(e.decided().toString()) ? e.source()
                                : e.source() + " on " + e.decided())
                        .collect(Collectors.joining("; "));
        return "Truce " + when + " · " + chain;
    }

    private void json(StatusReport report) {
        ZoneId zone = report.zone();
        TruceStatus truce = report.truce();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", report.asOf().toString());
            json.writeStringProperty("zone", zone.getId());
            json.writeName("truce");
            json.writeStartObject();
            json.writeStringProperty("id", truce.truce().id());
            json.writeStringProperty("title", truce.truce().title());
            json.writeStringProperty("ends", truce.end().endIso(zone));
            json.writeStringProperty("end_date", truce.endDate().toString());
            json.writeNumberProperty("days_left", truce.daysLeft());
            json.writeBooleanProperty("ended", truce.ended());
            json.writeNumberProperty("extensions", truce.extensionsKnown().size());
            json.writeName("extension_chain");
            json.writeStartArray();
            for (Extension e : truce.extensionsKnown()) {
                json.writeStartObject();
                json.writeStringProperty("decided", e.decided() == null ? null : e.decided().toString());
                json.writeStringProperty("until", e.until().iso());
                json.writeStringProperty("source", e.source());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeName("obligations");
            json.writeStartArray();
            for (ObligationStatus row : report.rows()) {
                obligation(json, row, zone);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    static void obligation(JsonGenerator json, ObligationStatus row, ZoneId zone) {
        json.writeStartObject();
        json.writeStringProperty("id", row.id());
        json.writeStringProperty("title", row.obligation().title());
        json.writeStringProperty("party", row.obligation().party());
        json.writeStringProperty("kind", row.obligation().kind().label());
        json.writeStringProperty("due", row.deadline().map(d -> d.endIso(zone)).orElse(null));
        json.writeStringProperty("due_date", row.dueDate().map(Object::toString).orElse(null));
        json.writeName("days_left");
        if (row.daysLeft().isPresent()) {
            json.writeNumber(row.daysLeft().get());
        } else {
            json.writeNull();
        }
        json.writeStringProperty("timeline", row.timeline().label());
        json.writeBooleanProperty("all_day", row.deadline().map(Moment::isDateOnly).orElse(false));
        json.writeNumberProperty("extensions", row.extensionsKnown());
        Compliance compliance = row.compliance();
        json.writeStringProperty("compliance", compliance.state().label());
        json.writeBooleanProperty("stale", compliance.stale());
        json.writeNumberProperty("evidence_count", compliance.evidenceCount());
        json.writeName("last_evidence");
        if (compliance.last().isPresent()) {
            Evidence last = compliance.last().get();
            json.writeStartObject();
            json.writeStringProperty("date", last.date().iso());
            json.writeStringProperty("stance", last.stance().label());
            json.writeStringProperty("claimant", last.claimant());
            json.writeStringProperty("basis", last.basis().label());
            json.writeStringProperty("source", last.source());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        json.writeEndObject();
    }

    private void csv(StatusReport report) {
        Csv.row(out, COLUMNS);
        for (ObligationStatus row : report.rows()) {
            Csv.row(out, cells(row, report.zone()));
        }
    }

    private void markdown(StatusReport report) {
        out.println("**" + Texts.oneLine(report.truce().truce().title()) + "**: "
                + truceLine(report.truce(), report.zone()).replace("Truce ", ""));
        out.println();
        Markdown.header(out, List.of("id", "party", "kind", "due", "days left", "timeline", "compliance", "title"));
        for (ObligationStatus row : report.rows()) {
            List<String> cells = cells(row, report.zone());
            Markdown.row(out, List.of(cells.get(0), cells.get(1), cells.get(2),
                    row.deadline().map(d -> d.display(report.zone())).orElse("none"), cells.get(5), cells.get(6),
                    compliance(row.compliance()), row.obligation().title()));
        }
        if (report.rows().stream().anyMatch(row -> row.compliance().stale())) {
            out.println();
            out.println(staleLegend(report.staleAfterDays()).replace(STALE_MARK, "\\" + STALE_MARK));
        }
    }

    private static List<String> cells(ObligationStatus row, ZoneId zone) {
        List<String> cells = new ArrayList<>();
        cells.add(row.id());
        cells.add(row.obligation().party());
        cells.add(row.obligation().kind().label());
        cells.add(row.deadline().map(d -> d.endIso(zone)).orElse(""));
        cells.add(row.dueDate().map(Object::toString).orElse(""));
        cells.add(row.daysLeft().map(String::valueOf).orElse(""));
        cells.add(row.timeline().label());
        Compliance compliance = row.compliance();
        cells.add(compliance.state().label());
        cells.add(String.valueOf(compliance.stale()));
        cells.add(String.valueOf(compliance.evidenceCount()));
        cells.add(compliance.last().map(e -> e.date().iso()).orElse(""));
        cells.add(row.obligation().title());
        return cells;
    }
}

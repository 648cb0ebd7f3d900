package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.app.StatusReport;
import dev.truce.domain.Ack;
import dev.truce.domain.Compliance;
import dev.truce.domain.Evidence;
import dev.truce.domain.Extension;
import dev.truce.domain.Moment;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcome;
import dev.truce.domain.Progress;
import dev.truce.domain.TruceStatus;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.core.JsonGenerator;

/** Prints a {@link StatusReport} as a table, JSON, CSV or Markdown. */
public final class StatusPrinter {
    public static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);
    private static final List<String> COLUMNS = List.of("id", "party", "kind", "due", "due_date", "days_left", "timeline",
            "compliance", "stale", "evidence_count", "last_evidence_date", "owner", "outcome", "title",
            "acked_by", "acked_until", "ack_reason", "reported_due");
    /** Marks a compliance state whose newest evidence is stale; explained by a legend under the table. */
    public static final String STALE_MARK = "*";
    /** Marks an acked row's compliance state; the legend under the table names who acked it, until when and why. */
    public static final String ACKED_MARK = " · acked";

    private final PrintWriter out;
    private final Styles styles;

    public StatusPrinter(PrintWriter out, Styles styles) {
        this.out = out;
        this.styles = styles;
    }

    public void print(StatusReport report, OutputFormat format) {
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
        out.println(styles.bold().apply(Phrases.oneLine(truce.truce().title())) + " (" + truce.truce().id() + ")");
        out.println(truceLine(truce, zone));
        out.println("As of " + report.asOf().atZone(zone).format(AS_OF) + " · days counted in " + zone.getId()
                + " · " + shown(report));
        out.println();
        if (report.rows().isEmpty()) {
            out.println("No obligations match.");
            return;
        }
        boolean owners = report.rows().stream().anyMatch(r -> r.obligation().owner() != null);
        List<String> headers = new ArrayList<>(List.of("ID", "PARTY", "KIND", "DUE", "DAYS", "TIMELINE", "COMPLIANCE"));
        if (owners) {
            headers.add("OWNER");
        }
        TextTable table = new TextTable(headers);
        for (ObligationStatus row : report.rows()) {
            List<TextTable.Cell> cells = new ArrayList<>(List.of(
                    TextTable.Cell.plain(row.id()),
                    TextTable.Cell.plain(Phrases.oneLine(row.obligation().party())),
                    TextTable.Cell.plain(row.obligation().kind().label()),
                    TextTable.Cell.plain(row.deadline().map(d -> d.display(zone)).orElse("none")),
                    TextTable.Cell.plain(days(row)),
                    new TextTable.Cell(timeline(row, zone), styles.timeline(row.timeline())),
                    new TextTable.Cell(marked(row, report), styles.compliance(row.compliance().state()))));
            if (owners) {
                cells.add(TextTable.Cell.plain(row.obligation().owner() == null ? "-"
                        : Phrases.oneLine(row.obligation().owner().shortForm())));
            }
            table.add(cells);
        }
        table.print(out);
        List<String> legends = legends(report);
        if (!legends.isEmpty()) {
            out.println();
            legends.forEach(out::println);
        }
    }

    private static List<String> legends(StatusReport report) {
        List<String> legends = new ArrayList<>();
        if (report.rows().stream().anyMatch(row -> row.compliance().stale() && !row.timeline().isSettled())) {
            legends.add(staleLegend(report.staleAfterDays()));
        }
        if (report.rows().stream().anyMatch(ObligationStatus::isUnresolved)) {
            legends.add("unresolved: the deadline passed and no outcome is recorded; whether it lapsed, was extended "
                    + "or ended is not known here (record it: truce outcome ID or truce extend ID; truce show ID says how)");
        }
        if (report.rows().stream().anyMatch(row -> row.reportedDue().isPresent())) {
            legends.add("reported: an extension announced by an official with no instrument seen; it does not move the "
                    + "deadline, which stays as shown (truce show ID)");
        }
        for (ObligationStatus row : report.rows()) {
            report.ackOf(row.id()).ifPresent(ack -> legends.add(row.id() + ": " + Phrases.oneLine(ack.summary(report.zone()))));
        }
        return legends;
    }

    /** The timeline, with a reported deadline beside it: "unresolved · reported: to 2027-01-10". */
    public static String timeline(ObligationStatus row, ZoneId zone) {
        return row.timeline().label() + row.reportedDue().map(d -> " · reported: to " + d.display(zone)).orElse("");
    }

    /** Days left; for an obligation whose outcome is in effect there is nothing to count down to. */
    public static String days(ObligationStatus row) {
        return row.timeline().isSettled() ? "-" : row.daysLeft().map(String::valueOf).orElse("-");
    }

    /**
     * The compliance state, marked when its newest evidence is stale (breach-alleged*), with a purchase's
     * progress; "-" once an outcome is in effect: the commitment is no longer live.
     */
    public static String compliance(ObligationStatus row) {
        if (row.timeline().isSettled()) {
            return "-";
        }
        Compliance compliance = row.compliance();
        String state = compliance.state().label() + (compliance.stale() ? STALE_MARK : "");
        return compliance.progress().map(p -> state + " (" + percent(p) + ")").orElse(state);
    }

    /** The compliance cell of the table and Markdown: the state, marked when an ack silences the row. */
    private static String marked(ObligationStatus row, StatusReport report) {
        return compliance(row) + (report.ackOf(row.id()).isPresent() ? ACKED_MARK : "");
    }

    /** "48% of 25 MMT". */
    public static String percent(Progress progress) {
        return progress.percent().stripTrailingZeros().toPlainString() + "% of " + progress.target();
    }

    public static String staleLegend(int staleAfterDays) {
        return STALE_MARK + " stale: the newest evidence is more than " + Phrases.plural(staleAfterDays, "day", "days")
                + " old (stale_after_days)";
    }

    private static String shown(StatusReport report) {
        return report.rows().size() == report.total()
                ? Phrases.plural(report.total(), "obligation", "obligations")
                : report.rows().size() + " of " + Phrases.plural(report.total(), "obligation", "obligations");
    }

    /**
     * "Truce ends 2026-11-10 00:01 EST (in 314 days)", or once the end passed "Truce deadline passed
     * 2026-11-10 00:01 EST (21 days ago): outcome not recorded", or the outcome recorded; then the extensions.
     */
    public static String truceLine(TruceStatus truce, ZoneId zone) {
        String end = truce.end().display(zone);
        String when;
        if (truce.settled() && !truce.ended()) {
            Outcome outcome = truce.outcome().orElseThrow();
            when = outcome.result().label() + " from " + outcome.effective().display(zone) + ", before its deadline "
                    + end + " (" + Phrases.oneLine(outcome.source()) + ")";
        } else if (!truce.ended()) {
            when = "ends " + end + " (" + Phrases.relativeDays(truce.daysLeft()) + ")"
                    + truce.outcomeAhead().map(o -> "; outcome recorded: " + o.result().label()
                            + (o.effective() == null ? " at the deadline" : " from " + o.effective().display(zone))
                            + " (" + Phrases.oneLine(o.source()) + ")").orElse("");
        } else if (truce.settled()) {
            Outcome outcome = truce.outcome().orElseThrow();
            when = "deadline passed " + end + " (" + Phrases.relativeDays(-truce.daysPassed().orElse(0)) + "): "
                    + outcome.result().label() + " (" + Phrases.oneLine(outcome.source()) + ")";
        } else {
            when = "deadline passed " + end + " (" + Phrases.relativeDays(-truce.daysPassed().orElse(0)) + "): "
                    + truce.outcomeAhead().map(o -> "outcome recorded: " + o.result().label() + ", in effect from "
                            + o.effective().display(zone) + " (" + Phrases.oneLine(o.source()) + ")")
                            .orElse("outcome not recorded");
        }
        List<Extension> extensions = truce.extensionsKnown();
        String chain = extensions.isEmpty() ? "no extensions so far"
                : Phrases.plural(extensions.size(), "extension", "extensions") + " so far: " + extensions.stream()
                        .map(e -> e.decided() == null || e.source().contains(e.decided().toString()) ? Phrases.oneLine(e.source())
                                : Phrases.oneLine(e.source()) + " on " + e.decided())
                        .collect(Collectors.joining("; "));
        String reported = truce.reportedEnd().map(d -> " · reported: to " + d.display(zone) + " (not enacted)")
                .orElse("");
        return "Truce " + when + reported + " · " + chain;
    }

    private void json(StatusReport report) {
        ZoneId zone = report.zone();
        TruceStatus truce = report.truce();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", report.asOf().toString());
            json.writeStringProperty("zone", zone.getId());
            json.writeName("truce");
            truce(json, truce, zone);
            json.writeName("review");
            json.writeStartObject();
            json.writeStringProperty("reviewed", report.review().reviewed().map(Object::toString).orElse(null));
            json.writeNumberProperty("review_every_days", report.review().everyDays());
            json.writeBooleanProperty("overdue", report.review().overdue());
            json.writeEndObject();
            json.writeName("evidence_problems");
            json.writeStartArray();
            for (String line : report.evidence().warnings(true)) {
                json.writeString(line);
            }
            json.writeEndArray();
            json.writeName("obligations");
            json.writeStartArray();
            for (ObligationStatus row : report.rows()) {
                obligation(json, row, zone, report.ackOf(row.id()));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    /** The truce where it stands: `status` and `show --truce` print the same. */
    public static void truce(JsonGenerator json, TruceStatus truce, ZoneId zone) {
        json.writeStartObject();
        json.writeStringProperty("id", truce.truce().id());
        json.writeStringProperty("title", truce.truce().title());
        json.writeStringProperty("ends", truce.end().endIso(zone));
        json.writeStringProperty("end_date", truce.endDate().toString());
        json.writeNumberProperty("days_left", truce.daysLeft());
        json.writeBooleanProperty("ended", truce.ended());
        json.writeStringProperty("timeline", truce.timeline());
        json.writeNumberProperty("extensions", truce.extensionsKnown().size());
        extensionChain(json, truce.chainKnown());
        json.writeStringProperty("reported_end", truce.reportedEnd().map(d -> d.endIso(zone)).orElse(null));
        json.writeName("outcome");
        outcome(json, truce.outcome().orElse(null), zone);
        json.writeEndObject();
    }

    /** One obligation with every field of the file and where it stands; `show --format json` prints the same. */
    public static void obligation(JsonGenerator json, ObligationStatus row, ZoneId zone, java.util.Optional<Ack> ack) {
        var o = row.obligation();
        json.writeStartObject();
        json.writeStringProperty("id", row.id());
        json.writeStringProperty("title", o.title());
        json.writeStringProperty("party", o.party());
        json.writeStringProperty("kind", o.kind().label());
        json.writeStringProperty("effective", o.effective() == null ? null : o.effective().iso());
        json.writeStringProperty("due_as_written", o.due().label());
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
        // a due date of its own carries its own chain; truce-end follows the truce's
        extensionChain(json, row.chainKnown());
        json.writeStringProperty("reported_due", row.reportedDue().map(d -> d.endIso(zone)).orElse(null));
        json.writeName("days_passed");
        if (row.daysPassed().isPresent()) {
            json.writeNumber(row.daysPassed().get());
        } else {
            json.writeNull();
        }
        json.writeName("outcome");
        outcome(json, row.outcome().orElse(null), zone);
        Compliance compliance = row.compliance();
        // once an outcome is in effect the commitment is no longer live: no compliance state to report
        boolean settled = row.timeline().isSettled();
        json.writeStringProperty("compliance", settled ? null : compliance.state().label());
        json.writeBooleanProperty("stale", !settled && compliance.stale());
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
        json.writeName("target");
        if (o.target() != null) {
            json.writeStartObject();
            decimal(json, "amount", o.target().amount());
            json.writeStringProperty("unit", o.target().unit());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        json.writeName("progress");
        progress(json, compliance.progress().orElse(null));
        json.writeStringProperty("owner", o.owner() == null ? null : o.owner().display());
        strings(json, "recipients", o.recipients());
        strings(json, "hts", o.hts());
        strings(json, "covers", o.covers());
        json.writeName("duty");
        if (o.duty() != null) {
            json.writeStartObject();
            json.writeStringProperty("market", o.duty().market());
            decimal(json, "kept", o.duty().kept());
            decimal(json, "lapsed", o.duty().lapsed());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        strings(json, "sources", o.sources());
        strings(json, "depends_on", o.dependsOn());
        json.writeStringProperty("note", o.note());
        json.writeName("ack");
        if (ack.isPresent()) {
            json.writeStartObject();
            json.writeStringProperty("by", ack.get().by());
            json.writeStringProperty("at", ack.get().ackedAt().toString());
            json.writeStringProperty("until", ack.get().untilDate() == null ? null : ack.get().untilDate().toString());
            json.writeStringProperty("reason", ack.get().reason());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        json.writeEndObject();
    }

    private static void extensionChain(JsonGenerator json, List<Extension> extensions) {
        json.writeName("extension_chain");
        json.writeStartArray();
        for (Extension e : extensions) {
            json.writeStartObject();
            json.writeStringProperty("decided", e.decided() == null ? null : e.decided().toString());
            json.writeStringProperty("until", e.until().iso());
            json.writeStringProperty("source", e.source());
            json.writeStringProperty("note", e.note());
            json.writeBooleanProperty("reported", e.reported());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void outcome(JsonGenerator json, Outcome outcome, ZoneId zone) {
        if (outcome == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringProperty("result", outcome.result().label());
        json.writeStringProperty("decided", outcome.decided() == null ? null : outcome.decided().toString());
        json.writeStringProperty("effective", outcome.effective() == null ? null : outcome.effective().iso());
        strings(json, "by", outcome.by());
        json.writeName("duty");
        if (outcome.duty() == null) {
            json.writeNull();
        } else {
            json.writeNumber(outcome.duty());
        }
        json.writeStringProperty("source", outcome.source());
        json.writeStringProperty("note", outcome.note());
        json.writeEndObject();
    }

    private static void progress(JsonGenerator json, Progress progress) {
        if (progress == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        decimal(json, "latest", progress.latest());
        json.writeStringProperty("reported_on", progress.reportedOn().toString());
        decimal(json, "percent", progress.percent());
        json.writeName("needed_per_day");
        if (progress.neededPerDay().isPresent()) {
            json.writeNumber(progress.neededPerDay().get().round(new java.math.MathContext(4)));
        } else {
            json.writeNull();
        }
        json.writeName("so_far_per_day");
        if (progress.soFarPerDay().isPresent()) {
            json.writeNumber(progress.soFarPerDay().get().round(new java.math.MathContext(4)));
        } else {
            json.writeNull();
        }
        json.writeBooleanProperty("behind", progress.behind());
        json.writeEndObject();
    }

    public static void decimal(JsonGenerator json, String name, BigDecimal value) {
        json.writeName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value.stripTrailingZeros());
        }
    }

    public static void strings(JsonGenerator json, String name, List<String> values) {
        json.writeName(name);
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private void csv(StatusReport report) {
        Csv.row(out, COLUMNS);
        for (ObligationStatus row : report.rows()) {
            Csv.row(out, cells(row, report));
        }
    }

    private void markdown(StatusReport report) {
        out.println("**" + Markdown.text(report.truce().truce().title()) + "**: "
                + Markdown.text(truceLine(report.truce(), report.zone()).replace("Truce ", "")));
        out.println();
        Markdown.header(out, List.of("id", "party", "kind", "due", "days left", "timeline", "compliance", "title"));
        for (ObligationStatus row : report.rows()) {
            List<String> cells = cells(row, report);
            Markdown.row(out, List.of(cells.get(0), cells.get(1), cells.get(2),
                    row.deadline().map(d -> d.display(report.zone())).orElse("none"), days(row),
                    timeline(row, report.zone()),
                    marked(row, report), row.obligation().title()));
        }
        List<String> legends = legends(report);
        if (!legends.isEmpty()) {
            out.println();
            legends.forEach(line -> out.println(Markdown.text(line)));
        }
    }

    private static List<String> cells(ObligationStatus row, StatusReport report) {
        ZoneId zone = report.zone();
        java.util.Optional<Ack> ack = report.ackOf(row.id());
        List<String> cells = new ArrayList<>();
        cells.add(row.id());
        cells.add(row.obligation().party());
        cells.add(row.obligation().kind().label());
        cells.add(row.deadline().map(d -> d.endIso(zone)).orElse(""));
        cells.add(row.dueDate().map(Object::toString).orElse(""));
        cells.add(row.daysLeft().map(String::valueOf).orElse(""));
        cells.add(row.timeline().label());
        Compliance compliance = row.compliance();
        boolean settled = row.timeline().isSettled();
        cells.add(settled ? "" : compliance.state().label());
        cells.add(settled ? "" : String.valueOf(compliance.stale()));
        cells.add(String.valueOf(compliance.evidenceCount()));
        cells.add(compliance.last().map(e -> e.date().iso()).orElse(""));
        cells.add(row.obligation().owner() == null ? "" : row.obligation().owner().display());
        cells.add(row.outcome().map(o -> o.result().label()).orElse(""));
        cells.add(row.obligation().title());
        cells.add(ack.map(Ack::by).orElse(""));
        cells.add(ack.map(a -> a.untilDate() == null ? "a change" : a.untilDate().toString()).orElse(""));
        cells.add(ack.map(Ack::reason).orElse(""));
        cells.add(row.reportedDue().map(d -> d.endIso(zone)).orElse(""));
        return cells;
    }
}

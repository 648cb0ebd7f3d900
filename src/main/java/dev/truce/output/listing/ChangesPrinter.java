package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.app.ChangesReport;
import dev.truce.app.ChangesReport.Entry;
import dev.truce.app.ChangesReport.From;
import dev.truce.app.ChangesReport.Origin;
import dev.truce.domain.Evidence;
import dev.truce.domain.changes.Change;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Prints a {@link ChangesReport} as a table, JSON, CSV or Markdown. */
public final class ChangesPrinter {
    private static final List<String> COLUMNS = List.of("when", "author", "commit", "on", "id", "kind", "before", "after",
            "source", "decided", "text");
    public static final String TRUCE = "(truce)";

    private final PrintWriter out;

    public ChangesPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(ChangesReport report, OutputFormat format) {
        switch (format) {
            case table -> table(report);
            case json -> json(report);
            case csv -> csv(report);
            case markdown -> markdown(report);
        }
    }

    /**
     * "Changes since 2026-11-20 (commit 1a2b3c4, 2026-11-19 18:02 EST) to the working tree", or "No changes
     * since ...", or what a first run outside git did.
     */
    public static String headline(ChangesReport report) {
        if (report.firstSnapshot()) {
            return "No copy of the files to compare with yet: took one now; the next run of truce changes lists "
                    + "what changed since.";
        }
        String sides = sides(report);
        return report.entries().isEmpty() ? "No changes " + sides + "." : "Changes " + sides;
    }

    private static String sides(ChangesReport report) {
        From from = report.from();
        ZoneId zone = report.zone();
        String since = switch (from.kind()) {
            case "last-run" -> "since your last run at " + at(from.instant(), zone);
            case "last-24-hours" -> "in the last 24 hours, since " + at(from.instant(), zone);
            case "snapshot" -> "since the copy of the files taken " + at(from.instant(), zone);
            default -> "since " + Phrases.oneLine(from.asked());
        };
        if (!report.git()) {
            return since + " to the files now";
        }
        if (from.shallowStart() != null) {
            return "since commit " + from.shallowStart().shortId() + " (" + at(from.shallowStart().committed(), zone)
                    + "), where this shallow clone's history starts, to the working tree; what changed up to it ("
                    + since + ") is not known";
        }
        String commit = from.commit() == null ? " (before the first commit)"
                : " (commit " + from.commit().shortId() + ", " + at(from.commit().committed(), zone) + ")";
        return since + commit + " to the working tree";
    }

    private static String at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).format(StatusPrinter.AS_OF);
    }

    /** When, by whom, in which commit; or that it is not committed yet (git), or nothing (against a copy). */
    private static List<String> origin(Origin origin, ChangesReport report) {
        if (!origin.committed()) {
            return List.of(report.git() ? "uncommitted" : "-", "-", "-");
        }
        return List.of(at(origin.when(), report.zone()), Phrases.oneLine(origin.author()), origin.shortCommit());
    }

    private static String id(Change change) {
        return change.onTruce() ? TRUCE : change.id();
    }

    private void table(ChangesReport report) {
        out.println(headline(report));
        if (report.entries().isEmpty()) {
            return;
        }
        out.println();
        TextTable table = new TextTable(List.of("WHEN", "BY", "COMMIT", "ID", "CHANGE"));
        for (Entry entry : report.entries()) {
            List<TextTable.Cell> cells = new ArrayList<>();
            origin(entry.origin(), report).forEach(text -> cells.add(TextTable.Cell.plain(text)));
            cells.add(TextTable.Cell.plain(id(entry.change())));
            cells.add(TextTable.Cell.plain(Phrases.oneLine(entry.change().describe())));
            table.add(cells);
        }
        table.print(out);
    }

    private void markdown(ChangesReport report) {
        out.println("**" + Markdown.text(headline(report)) + "**");
        if (report.entries().isEmpty()) {
            return;
        }
        out.println();
        Markdown.header(out, List.of("when", "by", "commit", "id", "change"));
        for (Entry entry : report.entries()) {
            List<String> cells = new ArrayList<>(origin(entry.origin(), report));
            cells.add(id(entry.change()));
            cells.add(entry.change().describe());
            Markdown.row(out, cells);
        }
    }

    private void csv(ChangesReport report) {
        Csv.row(out, COLUMNS);
        for (Entry entry : report.entries()) {
            Change c = entry.change();
            Origin o = entry.origin();
            Csv.row(out, java.util.Arrays.asList(o.committed() ? o.when().atZone(report.zone()).toOffsetDateTime().toString() : "",
                    o.author(), o.commit(), c.onTruce() ? "truce" : "obligation", c.id(), c.kind().label(), c.before(),
                    c.after(), c.source(), c.decided() == null ? null : c.decided().toString(), c.describe()));
        }
    }

    private void json(ChangesReport report) {
        ZoneId zone = report.zone();
        From from = report.from();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeName("since");
            json.writeStartObject();
            json.writeStringProperty("kind", from.kind());
            json.writeStringProperty("asked", from.asked());
            json.writeStringProperty("at", from.instant().atZone(zone).toOffsetDateTime().toString());
            json.writeStringProperty("commit", from.commit() == null ? null : from.commit().id());
            json.writeStringProperty("commit_time", from.commit() == null ? null
                    : from.commit().committed().atZone(zone).toOffsetDateTime().toString());
            json.writeEndObject();
            json.writeName("shallow_start"); // a shallow clone's first commit, when the history asked for goes back further
            if (from.shallowStart() == null) {
                json.writeNull();
            } else {
                json.writeStartObject();
                json.writeStringProperty("commit", from.shallowStart().id());
                json.writeStringProperty("commit_time", from.shallowStart().committed().atZone(zone).toOffsetDateTime()
                        .toString());
                json.writeEndObject();
            }
            json.writeStringProperty("to", report.git() ? "working-tree" : "files");
            json.writeStringProperty("history", report.git() ? "git" : "snapshot");
            json.writeBooleanProperty("first_snapshot", report.firstSnapshot());
            json.writeStringProperty("zone", zone.getId());
            json.writeName("problems");
            json.writeStartArray();
            for (String problem : report.problems()) {
                json.writeString(problem);
            }
            json.writeEndArray();
            json.writeName("changes");
            json.writeStartArray();
            for (Entry entry : report.entries()) {
                change(json, entry, zone);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    private static void change(JsonGenerator json, Entry entry, ZoneId zone) {
        Change c = entry.change();
        Origin o = entry.origin();
        json.writeStartObject();
        json.writeStringProperty("kind", c.kind().label());
        json.writeStringProperty("on", c.onTruce() ? "truce" : "obligation");
        json.writeStringProperty("id", c.id());
        json.writeStringProperty("before", c.before());
        json.writeStringProperty("after", c.after());
        json.writeStringProperty("source", c.source());
        json.writeStringProperty("decided", c.decided() == null ? null : c.decided().toString());
        json.writeName("evidence");
        evidence(json, c.evidence());
        json.writeStringProperty("text", c.describe());
        json.writeBooleanProperty("committed", o.committed());
        json.writeStringProperty("commit", o.commit());
        json.writeStringProperty("author", o.author());
        json.writeStringProperty("when", o.committed() ? o.when().atZone(zone).toOffsetDateTime().toString() : null);
        json.writeEndObject();
    }

    private static void evidence(JsonGenerator json, Evidence e) {
        if (e == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringProperty("obligation", e.obligation());
        json.writeStringProperty("date", e.date().iso());
        json.writeStringProperty("stance", e.stance().label());
        json.writeStringProperty("claimant", e.claimant());
        json.writeStringProperty("basis", e.basis().label());
        json.writeStringProperty("source", e.source());
        json.writeStringProperty("url", e.url());
        json.writeStringProperty("note", e.note());
        json.writeEndObject();
    }
}

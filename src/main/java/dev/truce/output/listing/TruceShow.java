package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.app.TruceDetail;
import dev.truce.domain.DeadlineChain;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.Outcome;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceStatus;
import java.io.PrintWriter;
import java.time.ZoneId;
import tools.jackson.core.JsonGenerator;

/** `truce show --truce`: the truce as a first-class object, in text or JSON. */
public final class TruceShow {
    private TruceShow() {
    }

    public static void text(PrintWriter out, TruceDetail detail, Styles styles) {
        TruceStatus status = detail.status();
        Truce truce = status.truce();
        ZoneId zone = truce.zone();
        out.println(styles.bold().apply(truce.id()) + " — " + Phrases.oneLine(truce.title()) + " (the truce)");
        field(out, "parties", String.join(", ", truce.parties()));
        field(out, "announced", truce.announced() == null ? null : truce.announced().toString());
        field(out, "effective", truce.effective().display(zone) + " · " + truce.days() + " days, counted in " + zone.getId());
        field(out, "ends", StatusPrinter.truceLine(status, zone).replaceFirst("^Truce ", ""));
        status.reportedEnd().ifPresent(end -> field(out, "reported", "to " + end.display(zone) + ": announced, no "
                + "instrument seen; the enacted end " + status.end().display(zone) + " stands (" + reportSource(status) + ")"));
        field(out, "timeline", status.timeline());
        status.outcome().ifPresent(o -> outcome(out, o, status, zone));
        field(out, "note", truce.note());
        truce.sources().forEach(source -> field(out, "source", source));
        out.println();
        out.println("Deadline chain:");
        for (DeadlineChain.Link link : truce.endChain().links(zone)) {
            out.println("  " + ShowPrinter.link(link, zone, detail.asOf()));
        }
        out.println();
        out.println("Follow it (due: truce-end), " + Phrases.plural(detail.followers().size(), "obligation", "obligations") + ":");
        TextTable table = new TextTable(java.util.List.of("  ID", "TIMELINE", "TITLE"));
        for (ObligationStatus row : detail.followers()) {
            table.add(java.util.List.of(TextTable.Cell.plain("  " + row.id()),
                    new TextTable.Cell(StatusPrinter.timeline(row, zone), styles.timeline(row.timeline())),
                    TextTable.Cell.plain(Phrases.oneLine(row.obligation().title()))));
        }
        table.print(out);
    }

    private static String reportSource(TruceStatus status) {
        return status.reported().map(link -> "reported by " + Phrases.oneLine(link.extension().source()) + " on "
                + link.extension().decided())
                .orElse("");
    }

    private static void outcome(PrintWriter out, Outcome o, TruceStatus status, ZoneId zone) {
        field(out, "outcome", o.result().label() + (o.effective() == null ? " at the deadline"
                : " from " + o.effective().display(zone)) + (status.settled() ? "" : " (recorded; not yet in effect)")
                + (o.decided() == null ? "" : "; decided " + o.decided()) + "; source: " + o.source());
        field(out, "", o.note());
    }

    private static void field(PrintWriter out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("  %-11s%s%n", name, Phrases.oneLine(value));
        }
    }

    public static void json(PrintWriter out, TruceDetail detail) {
        TruceStatus status = detail.status();
        ZoneId zone = status.truce().zone();
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", detail.asOf().toString());
            json.writeStringProperty("zone", zone.getId());
            json.writeName("truce");
            StatusPrinter.truce(json, status, zone);
            json.writeName("followers");
            json.writeStartArray();
            for (ObligationStatus row : detail.followers()) {
                json.writeStartObject();
                json.writeStringProperty("id", row.id());
                json.writeStringProperty("timeline", row.timeline().label());
                json.writeStringProperty("reported_due", row.reportedDue().map(d -> d.endIso(zone)).orElse(null));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }
}

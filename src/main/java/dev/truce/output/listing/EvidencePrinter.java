package dev.truce.output.listing;

import dev.truce.domain.Phrases;
import dev.truce.app.EvidenceListing;
import dev.truce.domain.Evidence;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Prints an {@link EvidenceListing} as a table, JSON, CSV or Markdown. */
public final class EvidencePrinter {
    private static final List<String> COLUMNS = List.of("obligation", "date", "stance", "claimant", "basis", "source",
            "url", "note", "recorded", "recorded_by", "amount");

    private final PrintWriter out;

    public EvidencePrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(EvidenceListing listing, OutputFormat format) {
        switch (format) {
            case table -> table(listing);
            case json -> json(listing);
            case csv -> csv(listing);
            case markdown -> markdown(listing);
        }
    }

    private void table(EvidenceListing listing) {
        ZoneId zone = listing.zone();
        out.println("Evidence in " + listing.fileLabel() + " · as of " + listing.asOf().atZone(zone).format(StatusPrinter.AS_OF)
                + " · " + shown(listing) + ", newest first");
        out.println();
        if (listing.entries().isEmpty()) {
            out.println("No evidence matches.");
            return;
        }
        TextTable table = new TextTable(List.of("DATE", "OBLIGATION", "STANCE", "CLAIMANT", "BASIS", "SOURCE"));
        for (Evidence e : listing.entries()) {
            table.add(List.of(
                    TextTable.Cell.plain(e.date().display(zone)),
                    TextTable.Cell.plain(e.obligation()),
                    TextTable.Cell.plain(e.stance().label()),
                    TextTable.Cell.plain(Phrases.oneLine(e.claimant())),
                    TextTable.Cell.plain(e.basis().label()),
                    TextTable.Cell.plain(Phrases.oneLine(e.source()))));
        }
        table.print(out);
    }

    private static String shown(EvidenceListing listing) {
        return listing.entries().size() == listing.total()
                ? Phrases.plural(listing.total(), "entry", "entries")
                : listing.entries().size() + " of " + Phrases.plural(listing.total(), "entry", "entries");
    }

    private void json(EvidenceListing listing) {
        try (JsonGenerator json = JsonOutput.generator(out)) {
            json.writeStartObject();
            json.writeStringProperty("as_of", listing.asOf().toString());
            json.writeStringProperty("zone", listing.zone().getId());
            json.writeStringProperty("file", listing.fileLabel());
            json.writeNumberProperty("total", listing.total());
            json.writeName("entries");
            json.writeStartArray();
            for (Evidence e : listing.entries()) {
                json.writeStartObject();
                List<String> cells = cells(e);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    if (COLUMNS.get(i).equals("amount") && cells.get(i) != null) {
                        json.writeName("amount");
                        json.writeNumber(e.amount().stripTrailingZeros());
                    } else {
                        json.writeStringProperty(COLUMNS.get(i), cells.get(i));
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.println();
    }

    private void csv(EvidenceListing listing) {
        Csv.row(out, COLUMNS);
        for (Evidence e : listing.entries()) {
            List<String> cells = cells(e);
            cells.replaceAll(c -> c == null ? "" : c);
            Csv.row(out, cells);
        }
    }

    private void markdown(EvidenceListing listing) {
        Markdown.header(out, List.of("date", "obligation", "stance", "claimant", "basis", "source"));
        for (Evidence e : listing.entries()) {
            Markdown.row(out, List.of(e.date().display(listing.zone()), e.obligation(), e.stance().label(), e.claimant(),
                    e.basis().label(), e.source()));
        }
    }

    /** The entry's values as written in the file; null where the file has none. */
    private static List<String> cells(Evidence e) {
        List<String> cells = new ArrayList<>();
        cells.add(e.obligation());
        cells.add(e.date().iso());
        cells.add(e.stance().label());
        cells.add(e.claimant());
        cells.add(e.basis().label());
        cells.add(e.source());
        cells.add(e.url());
        cells.add(e.note());
        cells.add(e.recorded() == null ? null : e.recorded().toString());
        cells.add(e.recordedBy());
        cells.add(e.amount() == null ? null : e.amount().stripTrailingZeros().toPlainString());
        return cells;
    }
}

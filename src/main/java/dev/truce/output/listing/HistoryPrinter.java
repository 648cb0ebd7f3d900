package dev.truce.output.listing;

import dev.truce.alert.SentAlert;
import dev.truce.app.HistoryReport;
import dev.truce.domain.Phrases;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** `alert --history`: what was sent when, one row per alert and recipient, with its Message-ID. */
public final class HistoryPrinter {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private HistoryPrinter() {
    }

    /** {@code id}: the obligation asked about, or null for every one. */
    public static void print(PrintWriter out, HistoryReport report, String id) {
        if (report.sent().isEmpty()) {
            out.println(id == null ? "No alerts sent yet." : "No alerts sent for " + id + " yet.");
            return;
        }
        TextTable table = new TextTable(List.of("sent", "recipient", "obligation", "alert", "message-id"));
        for (SentAlert sent : report.sent()) {
            table.add(List.of(TextTable.Cell.plain(sent.sentAt().atZone(report.zone()).format(SENT)),
                    TextTable.Cell.plain(Phrases.oneLine(sent.recipient())), TextTable.Cell.plain(sent.key().obligationId()),
                    TextTable.Cell.plain(alert(sent, report)), TextTable.Cell.plain(Phrases.oneLine(sent.messageId()))));
        }
        table.print(out);
    }

    private static String alert(SentAlert sent, HistoryReport report) {
        var key = sent.key();
        return switch (key.kind()) {
            case THRESHOLD -> "threshold " + Phrases.plural(key.threshold(), "day", "days");
            case EXPIRED -> "deadline passed " + key.deadline().atZone(report.zone()).format(SENT);
            case UNRESOLVED -> "reminder: outcome not recorded (" + key.detail() + ")";
            case OUTCOME -> "outcome recorded: " + key.detail();
            case EXTENDED -> "extended to " + key.deadline().atZone(report.zone()).format(SENT);
            case COMPLIANCE -> "compliance " + key.announcedState();
            case RESOLVED -> "resolved";
            case STALE -> "evidence stale";
            case REPORTED -> "reported (not enacted): to " + key.detail();
        };
    }
}

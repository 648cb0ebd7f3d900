package dev.truce.app;

import dev.truce.alert.SentAlert;
import java.time.ZoneId;
import java.util.List;

/** What `truce alert --history` shows: every alert sent, oldest first, and the zone to show times in. */
public record HistoryReport(ZoneId zone, List<SentAlert> sent) {
    public HistoryReport {
        sent = List.copyOf(sent);
    }
}

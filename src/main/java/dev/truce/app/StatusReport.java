package dev.truce.app;

import dev.truce.domain.ObligationStatus;
import dev.truce.domain.TruceStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What `truce status` shows: the truce line and one row per obligation kept by the filter, soonest
 * first; {@code staleAfterDays} is the age past which a row's newest evidence counts as stale.
 */
public record StatusReport(Instant asOf, ZoneId zone, TruceStatus truce, List<ObligationStatus> rows, int total,
                           int staleAfterDays) {
    public StatusReport {
        rows = List.copyOf(rows);
    }
}

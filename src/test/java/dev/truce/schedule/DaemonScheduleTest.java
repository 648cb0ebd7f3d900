package dev.truce.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.truce.domain.TruceException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DaemonScheduleTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void sevenInTheMorningStaysSevenAcrossTheEndOfDaylightSaving() {
        DaemonSchedule schedule = DaemonSchedule.of(DaemonSchedule.DEFAULT_CRON, NEW_YORK, "alerts.schedule");
        // Friday 31 October 2025 is still EDT (UTC-4); Monday 3 November is EST (UTC-5)
        assertEquals(Instant.parse("2025-10-31T11:00:00Z"), schedule.nextAfter(Instant.parse("2025-10-30T12:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("2025-11-03T12:00:00Z"), schedule.nextAfter(Instant.parse("2025-10-31T12:00:00Z")).orElseThrow());
    }

    @Test
    void aBadExpressionNamesWhereItCameFromAndShowsAGoodOne() {
        TruceException e = assertThrows(TruceException.class,
                () -> DaemonSchedule.of("0 7 * * *", NEW_YORK, "--schedule"));
        assertEquals(TruceException.Cause.BAD_INPUT, e.kind());
        assertEquals(1, e.lines().size());
        String message = e.getMessage();
        assertEquals(true, message.startsWith("--schedule: '0 7 * * *' is not a Quartz cron expression ("), message);
        assertEquals(true, message.endsWith("e.g. '0 0 7 ? * MON-FRI')"), message);
    }
}

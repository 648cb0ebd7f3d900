package dev.truce.output.listing;


import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Moment;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Truce;
import dev.truce.domain.TruceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The truce line of status: what the truce's outcome means on the day, before and after its deadline. */
class TruceLineTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A truce through 2026-03-31 (the deadline passes 2026-04-01 00:00 EDT) with this outcome. */
    private static String line(Outcome outcome, String asOf) {
        Truce truce = Truce.builder("t", Moment.ofDate(LocalDate.of(2026, 1, 1)), NEW_YORK, 90).outcome(outcome).build();
        Instant at = LocalDateTime.parse(asOf).atZone(NEW_YORK).toInstant();
        TruceStatus status = new StatusCalculator(truce, AlertSettings.defaults()).truceStatus(at);
        return StatusPrinter.truceLine(status, NEW_YORK);
    }

    private static Outcome outcome(OutcomeResult result, String decided, String effective) {
        return new Outcome(result, LocalDate.parse(decided), effective == null ? null : Moment.parse(effective), List.of(),
                null, "Court ruling", null);
    }

    @Test
    void anEarlyEndIsSaidAsSuchNotAsACountdown() {
        assertEquals("Truce ended from 2026-02-24 00:01 EST, before its deadline 2026-03-31 (Court ruling) · "
                        + "no extensions so far",
                line(outcome(OutcomeResult.ENDED, "2026-02-20", "2026-02-24T00:01-05:00"), "2026-03-01T12:00"));
    }

    @Test
    void anOutcomeDecidedButNotYetInEffectIsNotCalledUnrecorded() {
        assertEquals("Truce ends 2026-03-31 (in 15 days); outcome recorded: lapsed at the deadline (Court ruling) · "
                        + "no extensions so far",
                line(outcome(OutcomeResult.LAPSED, "2026-03-10", null), "2026-03-16T12:00"));
        assertEquals("Truce deadline passed 2026-03-31 (today): outcome recorded: lapsed, in effect from "
                        + "2026-04-03 09:00 EDT (Court ruling) · no extensions so far",
                line(outcome(OutcomeResult.LAPSED, "2026-03-10", "2026-04-03T09:00-04:00"), "2026-04-01T12:00"));
    }

    @Test
    void withoutAnOutcomeThePassedDeadlineIsUnresolved() {
        assertEquals("Truce deadline passed 2026-03-31 (2 days ago): outcome not recorded · no extensions so far",
                line(null, "2026-04-03T12:00"));
    }
}

package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reported is not enacted: the US Treasury Secretary said on 2026-09-23 that the truce runs to 2027-01-10,
 * and no instrument followed. The report stands beside the enacted end and never moves it.
 */
class ReportedExtensionTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Moment ENACTED_END = Moment.ofDateTime(OffsetDateTime.parse("2026-11-10T00:01-05:00"));
    private static final Moment REPORTED_END = Moment.ofDate(LocalDate.of(2027, 1, 10));
    private static final Extension BESSENT = new Extension(LocalDate.of(2026, 9, 23), REPORTED_END,
            "US Treasury Secretary, 2026-09-23 (NYT, Reuters)", null, true);

    private static Truce truce(Extension... later) {
        List<Extension> chain = new ArrayList<>(List.of(
                new Extension(LocalDate.of(2025, 8, 11), Moment.ofDateTime(OffsetDateTime.parse("2025-11-10T00:01-05:00")),
                        "EO 14334", null),
                new Extension(LocalDate.of(2025, 11, 4), ENACTED_END, "EO 14358", null)));
        chain.addAll(List.of(later));
        return Truce.builder("us-cn-2025", Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90)
                .extensions(chain).build();
    }

    private static Instant ny(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
    }

    private static Obligation followsTheTruce() {
        return Obligation.builder("us-restrictive-measures").kind(Kind.EXPORT_CONTROL).due(Due.TRUCE_END).build();
    }

    @Test
    void aReportNeverMovesTheDeadline() {
        StatusCalculator calculator = new StatusCalculator(truce(BESSENT), AlertSettings.defaults());
        TruceStatus truce = calculator.truceStatus(ny("2026-12-07T09:00"));
        assertEquals(ENACTED_END, truce.end());
        assertTrue(truce.unresolved(), "the enacted end passed with no outcome: a report does not settle it");
        assertEquals(Optional.of(REPORTED_END), truce.reportedEnd());
        assertEquals(2, truce.extensionsKnown().size(), "only the enacted extensions count as extensions so far");

        ObligationStatus row = calculator.statusOf(followsTheTruce(), ny("2026-12-07T09:00"));
        assertEquals(TimelineState.UNRESOLVED, row.timeline());
        assertEquals(Optional.of(ENACTED_END), row.deadline());
        assertEquals(Optional.of(REPORTED_END), row.reportedDue());
    }

    @Test
    void asOfReplaysAReportFromItsDecidedDay() {
        StatusCalculator calculator = new StatusCalculator(truce(BESSENT), AlertSettings.defaults());
        assertEquals(Optional.empty(), calculator.truceStatus(ny("2026-09-22T23:59")).reportedEnd());
        assertEquals(Optional.of(REPORTED_END), calculator.truceStatus(ny("2026-09-23T00:00")).reportedEnd());
    }

    @Test
    void theInstrumentRecordedLaterMovesTheDeadlineAndTheReportStaysAsHistory() {
        Moment enacted = Moment.ofDateTime(OffsetDateTime.parse("2027-01-10T00:01-05:00"));
        Truce truce = truce(BESSENT, new Extension(LocalDate.of(2026, 12, 20), enacted, "EO 14400", null));
        StatusCalculator calculator = new StatusCalculator(truce, AlertSettings.defaults());
        TruceStatus before = calculator.truceStatus(ny("2026-12-19T12:00"));
        assertEquals(ENACTED_END, before.end());
        assertEquals(Optional.of(REPORTED_END), before.reportedEnd());
        TruceStatus after = calculator.truceStatus(ny("2026-12-20T12:00"));
        assertEquals(enacted, after.end());
        assertEquals(Optional.empty(), after.reportedEnd(), "the instrument caught up with the report");
        assertEquals(5, truce.endChain().links(NEW_YORK).size(), "the report is still a link of the chain");
        assertEquals(enacted, truce.endChain().latest());
    }

    @Test
    void aReportedExtensionNeedsTheDayItWasReported() {
        assertThrows(IllegalArgumentException.class, () -> new Extension(null, REPORTED_END, "TV", null, true));
    }

    @Test
    void anUndatedEnactedExtensionAfterAReportCountsFromTheEnactedDeadline() {
        Moment enacted = Moment.ofDateTime(OffsetDateTime.parse("2027-01-10T00:01-05:00"));
        Truce truce = truce(BESSENT, new Extension(null, enacted, "an order, date unknown", null));
        DeadlineChain chain = truce.endChain();
        assertEquals(ENACTED_END.end(NEW_YORK), chain.links(NEW_YORK).get(4).knownFrom());
    }
}

package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusCalculatorTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Geneva: effective 00:01 EDT 2025-05-14, 90 days, extended by EO 14334 and EO 14358. */
    private static Truce geneva(ZoneId zone) {
        return Truce.builder("us-cn-2025", Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), zone, 90)
                .title("Geneva").announced(LocalDate.of(2025, 5, 12))
                .extensions(List.of(
                        new Extension(LocalDate.of(2025, 8, 11), Moment.ofDateTime(OffsetDateTime.parse("2025-11-10T00:01-05:00")), "EO 14334", null),
                        new Extension(LocalDate.of(2025, 11, 4), Moment.ofDateTime(OffsetDateTime.parse("2026-11-10T00:01-05:00")), "EO 14358", null)))
                .build();
    }

    private static Obligation obligation(Due due, Moment effective) {
        return Obligation.builder("x").title("X").party("US").kind(Kind.PAUSED_TARIFF).effective(effective).due(due).build();
    }

    private static Instant ny(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), NEW_YORK).toInstant();
    }

    private final StatusCalculator calculator = new StatusCalculator(geneva(NEW_YORK), AlertSettings.defaults());

    /** The truce as it stood before the one-year arrangement: only EO 14334's extension to 2025-11-10. */
    private static StatusCalculator firstExtensionOnly(ZoneId zone) {
        Truce full = geneva(zone);
        Truce truce = full.toBuilder().extensions(full.extensions().subList(0, 1)).build();
        return new StatusCalculator(truce, AlertSettings.defaults());
    }

    @Test
    void ninetyDaysFromEffectiveKeepTheWallClockTimeAcrossTheZone() {
        assertEquals(Moment.ofDateTime(OffsetDateTime.parse("2025-08-12T00:01-04:00")), geneva(NEW_YORK).originalEnd());
    }

    @Test
    void aTruceThatStartsOnABareDateRunsItsDaysThroughTheLastOne() {
        Truce byDate = Truce.builder("t", Moment.ofDate(LocalDate.of(2025, 5, 14)), NEW_YORK, 90).title("T").build();
        // 2025-05-14 00:00 plus 90 days is 2025-08-12 00:00, i.e. through 2025-08-11.
        assertEquals(Moment.ofDate(LocalDate.of(2025, 8, 11)), byDate.originalEnd());
        assertEquals(ny("2025-08-12T00:00"), byDate.originalEnd().end(NEW_YORK));
    }

    @Test
    void anExtensionCountsOnlyFromTheDayItWasDecided() {
        TruceStatus dayBefore = calculator.truceStatus(ny("2025-08-10T12:00"));
        assertEquals(LocalDate.of(2025, 8, 12), dayBefore.endDate());
        assertEquals(2, dayBefore.daysLeft());
        assertEquals(0, dayBefore.extensionsKnown().size());

        TruceStatus decidedDay = calculator.truceStatus(ny("2025-08-11T00:00"));
        assertEquals(LocalDate.of(2025, 11, 10), decidedDay.endDate());
        assertEquals(1, decidedDay.extensionsKnown().size());
    }

    @Test
    void aDeadlineAt0001EstAfterTheNovemberChangeIsCountedInNewYorkDays() {
        Obligation truceEnd = obligation(Due.TRUCE_END, null);
        StatusCalculator calculator = firstExtensionOnly(NEW_YORK);
        // 2025-11-02 is when DST ends; the deadline 2025-11-10 00:01 EST is 05:01 UTC.
        ObligationStatus sunday = calculator.statusOf(truceEnd, ny("2025-11-02T01:30"));
        assertEquals(8, sunday.daysLeft().orElseThrow());
        ObligationStatus lastMinute = calculator.statusOf(truceEnd, Instant.parse("2025-11-10T05:00:59Z"));
        assertEquals(TimelineState.DUE_TODAY, lastMinute.timeline());
        assertEquals(0, lastMinute.daysLeft().orElseThrow());
        ObligationStatus passed = calculator.statusOf(truceEnd, Instant.parse("2025-11-10T05:01:00Z"));
        assertEquals(TimelineState.UNRESOLVED, passed.timeline());
        assertEquals(0, passed.daysLeft().orElseThrow());
    }

    @Test
    void aBareDateLastsThroughTheEndOfThatDayInTheTruceZone() {
        Obligation throughNov9 = obligation(Due.at(Moment.ofDate(LocalDate.of(2026, 11, 9))), null);
        ObligationStatus lateEvening = calculator.statusOf(throughNov9, ny("2026-11-09T23:59"));
        assertEquals(TimelineState.DUE_TODAY, lateEvening.timeline());
        assertEquals(Instant.parse("2026-11-10T05:00:00Z"), lateEvening.deadlineInstant().orElseThrow());
        ObligationStatus midnight = calculator.statusOf(throughNov9, ny("2026-11-10T00:00"));
        assertEquals(TimelineState.UNRESOLVED, midnight.timeline());
        assertEquals(-1, midnight.daysLeft().orElseThrow());
    }

    @Test
    void seenFromShanghaiTheSameInstantFallsOnANewYorkDay() {
        // 2025-11-10 10:00 in Shanghai is still 2025-11-09 21:00 in New York: one day left there.
        Instant shanghaiMorning = ZonedDateTime.of(2025, 11, 10, 10, 0, 0, 0, SHANGHAI).toInstant();
        ObligationStatus inNewYork = firstExtensionOnly(NEW_YORK).statusOf(obligation(Due.TRUCE_END, null), shanghaiMorning);
        assertEquals(1, inNewYork.daysLeft().orElseThrow());
        assertEquals(LocalDate.of(2025, 11, 10), inNewYork.dueDate().orElseThrow());

        StatusCalculator countedInShanghai = firstExtensionOnly(SHANGHAI);
        ObligationStatus inShanghai = countedInShanghai.statusOf(obligation(Due.TRUCE_END, null), shanghaiMorning);
        assertEquals(0, inShanghai.daysLeft().orElseThrow(), "00:01 EST is 13:01 the same day in Beijing");
        assertEquals(TimelineState.DUE_TODAY, inShanghai.timeline());
    }

    @Test
    void timelineStatesFollowTheLargestThreshold() {
        Obligation dueDec31 = obligation(Due.at(Moment.ofDate(LocalDate.of(2026, 12, 31))),
                Moment.ofDate(LocalDate.of(2026, 1, 1)));
        assertEquals(TimelineState.PENDING, calculator.statusOf(dueDec31, ny("2025-12-31T12:00")).timeline());
        assertEquals(TimelineState.ACTIVE, calculator.statusOf(dueDec31, ny("2026-11-30T12:00")).timeline());
        assertEquals(TimelineState.DUE_SOON, calculator.statusOf(dueDec31, ny("2026-12-01T00:00")).timeline());
        assertEquals(30, calculator.statusOf(dueDec31, ny("2026-12-01T00:00")).daysLeft().orElseThrow());
        assertEquals(TimelineState.DUE_TODAY, calculator.statusOf(dueDec31, ny("2026-12-31T08:00")).timeline());
    }

    @Test
    void anOpenEndedObligationHasNoDeadlineAndSortsLast() {
        Obligation open = Obligation.builder("a-open").title("Open").party("US").kind(Kind.OTHER).due(Due.NONE).build();
        Obligation soon = Obligation.builder("z-soon").title("Soon").party("US").kind(Kind.OTHER).due(Due.TRUCE_END).build();
        List<ObligationStatus> rows = calculator.statusesOf(List.of(open, soon), ny("2026-01-01T00:00"));
        assertEquals(List.of("z-soon", "a-open"), rows.stream().map(ObligationStatus::id).toList());
        assertEquals(TimelineState.ACTIVE, rows.get(1).timeline());
        assertEquals(java.util.Optional.empty(), rows.get(1).daysLeft());
    }

    @Test
    void anExtensionWithoutADecidedDateCountsFromTheDeadlineItReplaced() {
        DeadlineChain chain = new DeadlineChain(Moment.ofDate(LocalDate.of(2025, 5, 31)),
                List.of(new Extension(null, Moment.ofDate(LocalDate.of(2025, 8, 31)), "USTR notice", null)));
        assertEquals(LocalDate.of(2025, 5, 31), chain.asOf(ny("2025-05-31T23:00"), NEW_YORK).dateIn(NEW_YORK));
        assertEquals(LocalDate.of(2025, 8, 31), chain.asOf(ny("2025-06-01T00:00"), NEW_YORK).dateIn(NEW_YORK));
    }
}

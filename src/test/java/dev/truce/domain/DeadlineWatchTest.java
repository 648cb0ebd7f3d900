package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadlineWatchTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2025-05-14T00:01-04:00")), NEW_YORK, 90).title("T").build();
    private static final StatusCalculator CALCULATOR = new StatusCalculator(TRUCE, AlertSettings.defaults());
    private static final Instant NOW = Instant.parse("2025-07-01T16:00:00Z"); // noon in New York

    @Test
    void nothingDueSoonIsOkAndNamesTheNextDeadline() {
        DeadlineWatch watch = watch(due("far", "2025-09-30"), due("open", null));
        assertEquals(DeadlineWatch.Level.OK, watch.level());
        assertEquals("far", watch.next().orElseThrow().id());
    }

    @Test
    void theWarningWindowCountsDaysInTheTruceZoneInclusive() {
        assertEquals(DeadlineWatch.Level.WARNING, watch(due("d14", "2025-07-15")).level());
        assertEquals(DeadlineWatch.Level.OK, watch(due("d15", "2025-07-16")).level());
        assertEquals(DeadlineWatch.Level.CRITICAL, watch(due("d3", "2025-07-04")).level());
        assertEquals(DeadlineWatch.Level.CRITICAL, watch(due("today", "2025-07-01")).level());
    }

    @Test
    void criticalWindowObligationsLeadTheWarningList() {
        DeadlineWatch watch = watch(due("d10", "2025-07-11"), due("d2", "2025-07-03"));
        assertEquals(List.of("d2"), watch.dueCritical().stream().map(ObligationStatus::id).toList());
        assertEquals(List.of("d2", "d10"), watch.dueWarning().stream().map(ObligationStatus::id).toList());
    }

    /**
     * Issue 21: a breach is the counterparty's doing, which no operator can fix, so by default it is a WARNING;
     * --breached-as makes it what a desk wants. A deadline within the critical window stays CRITICAL whatever.
     */
    @Test
    void aBreachCountsAsBreachedAsWarningByDefaultWhateverTheDeadline() {
        ObligationStatus breached = CALCULATOR.statusOf(obligation("b", "2026-01-01"), NOW)
                .withCompliance(new Compliance(ComplianceState.BREACHED, false, 1, Optional.empty()));
        ObligationStatus alleged = CALCULATOR.statusOf(obligation("a", "2026-01-01"), NOW)
                .withCompliance(new Compliance(ComplianceState.BREACH_ALLEGED, false, 1, Optional.empty()));
        DeadlineWatch watch = DeadlineWatch.of(List.of(breached, alleged), 14, 3, OptionalInt.empty());
        assertEquals(DeadlineWatch.Level.WARNING, watch.level());
        assertEquals(DeadlineWatch.Level.WARNING, watch.breachedAs());
        assertEquals(List.of("b"), watch.breached().stream().map(ObligationStatus::id).toList());
        for (DeadlineWatch.Level as : DeadlineWatch.Level.values()) {
            assertEquals(as, DeadlineWatch.of(List.of(breached, alleged), 14, 3, OptionalInt.empty(), Set.of(),
                    DeadlineWatch.Level.OK, as).level(), "--breached-as " + as);
        }
        ObligationStatus soon = due("d2", "2025-07-03");
        assertEquals(DeadlineWatch.Level.CRITICAL, DeadlineWatch.of(List.of(breached, soon), 14, 3, OptionalInt.empty(),
                Set.of(), DeadlineWatch.Level.OK, DeadlineWatch.Level.OK).level(), "a deadline within 3 days pages");
        ObligationStatus unresolved = due("gone", "2025-06-28");
        assertEquals(DeadlineWatch.Level.WARNING, DeadlineWatch.of(List.of(breached, unresolved), 14, 3,
                OptionalInt.empty(), Set.of(), DeadlineWatch.Level.OK, DeadlineWatch.Level.OK).level(),
                "a breach counted as OK hides nothing else");
    }

    @Test
    void anUnresolvedDeadlineIsAWarningNewestFirstUnlessOlderThanTheGivenDays() {
        List<ObligationStatus> statuses = List.of(due("old", "2025-05-31"), due("recent", "2025-06-28"));
        DeadlineWatch all = DeadlineWatch.of(statuses, 14, 3, OptionalInt.empty());
        assertEquals(DeadlineWatch.Level.WARNING, all.level());
        assertEquals(List.of("recent", "old"), all.unresolved().stream().map(ObligationStatus::id).toList());
        // "recent" is through 2025-06-28: it passed at the start of 06-29, two days before NOW
        DeadlineWatch recent = DeadlineWatch.of(statuses, 14, 3, OptionalInt.of(2));
        assertEquals(List.of("recent"), recent.unresolved().stream().map(ObligationStatus::id).toList());
        assertEquals(DeadlineWatch.Level.OK, DeadlineWatch.of(statuses, 14, 3, OptionalInt.of(1)).level());
    }

    @Test
    void windowsMustNest() {
        assertThrows(IllegalArgumentException.class, () -> DeadlineWatch.of(List.of(), 3, 7, OptionalInt.empty()));
    }

    private static DeadlineWatch watch(ObligationStatus... statuses) {
        return DeadlineWatch.of(List.of(statuses), 14, 3, OptionalInt.empty());
    }

    private static ObligationStatus due(String id, String date) {
        return CALCULATOR.statusOf(obligation(id, date), NOW);
    }

    private static Obligation obligation(String id, String date) {
        Due due = date == null ? Due.NONE : Due.at(Moment.ofDate(LocalDate.parse(date)));
        return Obligation.builder(id).title(id).party("US").kind(Kind.OTHER).effective(Moment.ofDate(LocalDate.parse("2025-05-20"))).due(due).build();
    }
}

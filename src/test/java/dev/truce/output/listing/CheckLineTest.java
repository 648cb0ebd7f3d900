package dev.truce.output.listing;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Compliance;
import dev.truce.domain.ComplianceState;
import dev.truce.domain.DeadlineWatch;
import dev.truce.domain.Due;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.ObligationStatus;
import dev.truce.domain.StatusCalculator;
import dev.truce.domain.Truce;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckLineTest {
    private static final Truce TRUCE = Truce.builder("t", Moment.ofDate(LocalDate.parse("2025-05-14")),
            ZoneId.of("America/New_York"), 90).title("T").build();

    @Test
    void breachesSayWhatTheyCountAsAndLongListsAreCut() {
        StatusCalculator calculator = new StatusCalculator(TRUCE, AlertSettings.defaults());
        List<ObligationStatus> breached = IntStream.rangeClosed(1, 5).mapToObj(i -> calculator
                .statusOf(Obligation.builder("b" + i).title("x").party("US").kind(Kind.OTHER).due(Due.NONE).build(), Instant.parse("2025-06-01T12:00:00Z"))
                .withCompliance(new Compliance(ComplianceState.BREACHED, false, 1, Optional.empty()))).toList();
        assertEquals("TRUCE WARNING - 5 obligations breached, counted as WARNING: b1, b2, b3 and 2 more"
                + " | due_warning=0;0;;0;5 due_critical=0;;0;0;5 breached=5;0;;0;5 unresolved=0;0;;0;5 acked=0;;;0;5"
                + " last_alert_age_h=U;;;0;",
                CheckLine.of(DeadlineWatch.of(breached, 14, 3, OptionalInt.empty())));
        // the range of breached follows --breached-as, so a monitoring system's graphs agree with the state
        DeadlineWatch critical = DeadlineWatch.of(breached, 14, 3, OptionalInt.empty(), java.util.Set.of(),
                DeadlineWatch.Level.OK, DeadlineWatch.Level.CRITICAL);
        assertEquals("TRUCE CRITICAL - 5 obligations breached, counted as CRITICAL: b1, b2, b3 and 2 more"
                + " | due_warning=0;0;;0;5 due_critical=0;;0;0;5 breached=5;;0;0;5 unresolved=0;0;;0;5 acked=0;;;0;5"
                + " last_alert_age_h=U;;;0;", CheckLine.of(critical));
    }

    /** Hours to a tenth, rounded up: above the critical range exactly when the line says alerts stopped. */
    @Test
    void theAgeOfTheLastAlertRunIsInHoursRoundedUpToATenthWithTheCriticalRange() {
        DeadlineWatch none = DeadlineWatch.of(List.of(), 14, 3, OptionalInt.empty());
        java.util.function.Function<java.time.Duration, String> line = age -> CheckLine.of(none, "OK", List.of(),
                List.of(), new CheckLine.AlertAge(Optional.of(age), 26));
        assertTrue(line.apply(java.time.Duration.ofHours(26)).endsWith(" last_alert_age_h=26.0;;26;0;"));
        assertTrue(line.apply(java.time.Duration.ofHours(26).plusSeconds(1)).endsWith(" last_alert_age_h=26.1;;26;0;"));
        assertTrue(line.apply(java.time.Duration.ofMinutes(90)).endsWith(" last_alert_age_h=1.5;;26;0;"));
        assertTrue(line.apply(java.time.Duration.ZERO).endsWith(" last_alert_age_h=0.0;;26;0;"));
        assertTrue(CheckLine.of(none, "OK", List.of(), List.of(), new CheckLine.AlertAge(Optional.empty(), 0))
                .endsWith(" last_alert_age_h=U;;;0;"), "not known, and no range when the watchdog is off");
    }

    @Test
    void anUnknownReasonStaysOnOneLineAndCannotStartThePerformanceData() {
        assertEquals("TRUCE UNKNOWN - a.yaml:1:1: 'x / y' is not a kind",
                CheckLine.unknown("a.yaml:1:1: 'x | y' is not a\nkind"));
    }
}

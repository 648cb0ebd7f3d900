package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timeline once an outcome is recorded, for every result, before and after the day it was decided,
 * before and after it takes effect, and an early end; on an obligation and on the truce. Before `decided`
 * the tool does not know the outcome (a passed deadline is `unresolved`); before `effective` it is not yet
 * in effect; after both, the timeline is the result.
 */
class OutcomeStatesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Runs 2026-01-01 00:01 EST to 2026-04-11 00:01 EDT (100 days). */
    private static final Truce TRUCE = Truce.builder("t",
            Moment.ofDateTime(OffsetDateTime.parse("2026-01-01T00:01-05:00")), NEW_YORK, 100).title("T").build();
    /** Due soon only within a week. */
    private static final AlertSettings WEEK = new AlertSettings(List.of(7, 0), List.of());
    /** Through 2026-03-31: the deadline passes at 2026-04-01 00:00 EDT. */
    private static final Due DUE = Due.at(Moment.ofDate(LocalDate.of(2026, 3, 31)));

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }

    private static Outcome outcome(OutcomeResult result, String decided, String effective) {
        return new Outcome(result, decided == null ? null : LocalDate.parse(decided),
                effective == null ? null : Moment.parse(effective),
                result == OutcomeResult.REPLACED ? List.of("successor") : List.of(), null, "Notice 1", null);
    }

    /**
     * For each result: {scenario, decided, effective, as-of, expected timeline ("*" = the result), known}.
     * The deadline passes 2026-04-01 00:00 EDT.
     */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (OutcomeResult result : OutcomeResult.values()) {
            String r = result.label();
            // decided after the deadline, in effect at the deadline (the default)
            cases.add(Arguments.of(result, "decided later, effective at the deadline: before the deadline", "2026-04-05", null, "2026-03-15T12:00", "active", false));
            cases.add(Arguments.of(result, "decided later: after the deadline, before the decision", "2026-04-05", null, "2026-04-02T12:00", "unresolved", false));
            cases.add(Arguments.of(result, "decided later: from the start of the decided day", "2026-04-05", null, "2026-04-05T00:00", r, true));
            // decided before it takes effect, an early end
            cases.add(Arguments.of(result, "early: before the decision", "2026-03-10", "2026-03-20", "2026-03-09T23:59", "active", false));
            cases.add(Arguments.of(result, "early: decided, not yet in effect", "2026-03-10", "2026-03-20", "2026-03-15T12:00", "active", true));
            cases.add(Arguments.of(result, "early: in effect before the deadline", "2026-03-10", "2026-03-20", "2026-03-20T00:00", r, true));
            cases.add(Arguments.of(result, "early: and after the deadline", "2026-03-10", "2026-03-20", "2026-04-10T00:00", r, true));
            // decided before, in effect after the deadline
            cases.add(Arguments.of(result, "late effect: after the deadline, before the effect", "2026-03-10", "2026-04-03T09:00-04:00", "2026-04-02T12:00", "unresolved", true));
            cases.add(Arguments.of(result, "late effect: in effect", "2026-03-10", "2026-04-03T09:00-04:00", "2026-04-03T09:00", r, true));
            // no decided day: known all along, in effect from the deadline
            cases.add(Arguments.of(result, "undecided: before the deadline", null, null, "2026-03-31T23:59", "due-today", true));
            cases.add(Arguments.of(result, "undecided: at the deadline", null, null, "2026-04-01T00:00", r, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void onAnObligation(OutcomeResult result, String scenario, String decided, String effective, String asOf,
                        String expected, boolean known) {
        Obligation o = Obligation.builder("x").due(DUE).effective(Moment.ofDate(LocalDate.of(2026, 1, 2)))
                .outcome(outcome(result, decided, effective)).build();
        ObligationStatus status = new StatusCalculator(TRUCE, WEEK).statusOf(o, ny(asOf));
        assertEquals(expected, status.timeline().label(), scenario);
        assertEquals(known, status.outcome().isPresent(), scenario + ": known at " + asOf);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void onTheTruceWhoseEndIsTheDeadline(OutcomeResult result, String scenario, String decided, String effective,
                                         String asOf, String expected, boolean known) {
        if (result == OutcomeResult.REPLACED) {
            return; // the truce itself is not replaced by obligations (the file refuses it)
        }
        // a truce that runs through 2026-03-31: the same deadline as the obligation above
        Truce early = Truce.builder("t", Moment.ofDate(LocalDate.of(2026, 1, 1)), NEW_YORK, 90).title("T")
                .outcome(outcome(result, decided, effective)).build();
        TruceStatus status = new StatusCalculator(early, WEEK).truceStatus(ny(asOf));
        // the truce line and JSON read TruceStatus.timeline(); the truce has no due-today of its own
        assertEquals(expected.equals("due-today") ? "active" : expected, status.timeline(), scenario);
        assertEquals(known, status.outcome().isPresent(), scenario);
        assertEquals(LocalDate.of(2026, 3, 31), early.endChain().latest().dateIn(NEW_YORK));
    }
}

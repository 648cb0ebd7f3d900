package dev.truce.domain.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Due;
import dev.truce.domain.Extension;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three mistakes of a recording trial that passed silently, each now a warning; and none on a file without them. */
class EntryWarningsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant TODAY = Instant.parse("2026-12-07T15:00:00Z");
    private static final Moment OLD_END = at("2026-11-10T00:01-05:00");

    private static Moment at(String text) {
        return Moment.parse(text);
    }

    private static Truce truce(Extension... later) {
        List<Extension> chain = new ArrayList<>(List.of(
                new Extension(LocalDate.of(2025, 8, 11), at("2025-11-10T00:01-05:00"), "EO 14334", null),
                new Extension(LocalDate.of(2025, 11, 4), OLD_END, "EO 14358", null)));
        chain.addAll(List.of(later));
        return Truce.builder("us-cn-2025", at("2025-05-14T00:01-04:00"), NEW_YORK, 90).extensions(chain).build();
    }

    private static Obligation ownClock(String id, Moment due, Extension... extensions) {
        return Obligation.builder(id).party("CN").kind(Kind.SUSPENDED_COUNTERMEASURE).due(Due.at(due))
                .extensions(List.of(extensions)).build();
    }

    private static Register register(Truce truce, Obligation... obligations) {
        return new Register(truce, AlertSettings.defaults(), List.of(obligations), 30);
    }

    @Test
    void aDecidedDayAfterTodayIsATypoWarnedAtItsEntry() {
        Extension typo = new Extension(LocalDate.of(2027, 11, 4), at("2027-11-10T00:01-05:00"), "EO 14400", null);
        List<EntryWarning> warnings = EntryWarnings.of(register(truce(typo)), TODAY);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("extensions[2].decided", warnings.get(0).entry());
        assertTrue(warnings.get(0).aboutTruce());
        assertEquals("decided 2027-11-04 is after today (2026-12-07): the extension is ignored until then (a typo in "
                + "the date?)", warnings.get(0).message());
    }

    @Test
    void anOutcomeDecidedInTheFutureIsWarnedToo() {
        Obligation settled = ownClock("cn-port-fees-suspension", OLD_END).toBuilder()
                .outcome(new Outcome(OutcomeResult.LAPSED, LocalDate.of(2027, 11, 10), null, null, null, "MOFCOM", null))
                .build();
        List<EntryWarning> warnings = EntryWarnings.of(register(truce(), settled), TODAY);
        assertEquals(List.of(new EntryWarning("cn-port-fees-suspension", "outcome.decided", "decided 2027-11-10 is after "
                + "today (2026-12-07): the outcome is ignored until then (a typo in the date?)")), warnings);
    }

    @Test
    void aBareDateAfterAnInstantNamesTheShiftInHours() {
        Extension bare = new Extension(LocalDate.of(2026, 11, 5), at("2027-11-10"), "EO 14400", null);
        List<EntryWarning> warnings = EntryWarnings.of(register(truce(bare)), TODAY);
        EntryWarning shift = warnings.stream().filter(w -> w.entry().endsWith(".until")).findFirst().orElseThrow();
        assertEquals("extensions[2].until", shift.entry());
        assertTrue(shift.message().contains("the deadline falls 23 h 59 min later than 2027-11-10 00:01 EST"),
                shift.message());
        assertTrue(shift.message().contains("write until: 2027-11-10T00:01-05:00"), shift.message());
    }

    @Test
    void aReportedBareDateIsNoMistake() {
        Extension report = new Extension(LocalDate.of(2026, 9, 23), at("2027-01-10"), "US Treasury Secretary", null, true);
        assertEquals(List.of(), EntryWarnings.of(register(truce(report)), TODAY));
    }

    @Test
    void obligationsLeftAtTheTrucesOldEndAreNamedOnceSettledOnesLeftOut() {
        Extension year = new Extension(LocalDate.of(2026, 11, 5), at("2027-11-10T00:01-05:00"), "EO 14400", null);
        Obligation port = ownClock("cn-port-fees-suspension", at("2026-11-10T13:01+08:00"));
        Obligation probe = ownClock("cn-shipping-probe-suspension", at("2026-11-10T13:01+08:00"));
        Obligation moved = ownClock("cn-mofcom-70-suspension", OLD_END, year);
        Obligation ended = ownClock("cn-ended", OLD_END).toBuilder()
                .outcome(new Outcome(OutcomeResult.ENDED, LocalDate.of(2026, 3, 1), at("2026-03-01"), null, null, "x", null))
                .build();
        Obligation close = ownClock("us-affiliates-rule-suspension", at("2026-11-09"));
        List<EntryWarning> warnings = EntryWarnings.of(register(truce(year), port, probe, moved, ended, close), TODAY);
        assertEquals(List.of(new EntryWarning(null, "extensions[2]", "2 obligations shared the old deadline of "
                + "2026-11-10 00:01 EST and were not extended: cn-port-fees-suspension, cn-shipping-probe-suspension "
                + "(truce extend ID... --until ... if the extension covers them)")), warnings);
    }

    @Test
    void theShippedShapeWithoutMistakesWarnsOfNothing() {
        Obligation port = ownClock("cn-port-fees-suspension", at("2026-11-10T13:01+08:00"));
        assertEquals(List.of(), EntryWarnings.of(register(truce(), port), TODAY));
    }
}

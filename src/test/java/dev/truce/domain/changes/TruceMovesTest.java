package dev.truce.domain.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.truce.domain.AlertSettings;
import dev.truce.domain.Extension;
import dev.truce.domain.Kind;
import dev.truce.domain.Moment;
import dev.truce.domain.Obligation;
import dev.truce.domain.Outcome;
import dev.truce.domain.OutcomeResult;
import dev.truce.domain.Register;
import dev.truce.domain.Truce;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** `changes` after a truce extension names the obligations that moved with it; a report moves nothing. */
class TruceMovesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Extension ONE_YEAR = new Extension(LocalDate.of(2025, 11, 4),
            Moment.parse("2026-11-10T00:01-05:00"), "EO 14358", null);

    private static Register register(Extension... extensions) {
        Truce truce = Truce.builder("us-cn-2025", Moment.parse("2025-05-14T00:01-04:00"), NEW_YORK, 90)
                .extensions(List.of(extensions)).build();
        Obligation follows = Obligation.builder("cn-rare-earth-licensing").party("CN").kind(Kind.EXPORT_CONTROL).build();
        Obligation settled = Obligation.builder("us-reciprocal-suspension").kind(Kind.PAUSED_TARIFF)
                .outcome(new Outcome(OutcomeResult.ENDED, LocalDate.of(2026, 2, 20), Moment.parse("2026-02-24T00:01-05:00"),
                        null, null, "Learning Resources v. Trump", null)).build();
        Obligation ownClock = Obligation.builder("cn-port-fees-suspension").party("CN")
                .kind(Kind.SUSPENDED_COUNTERMEASURE).due("2026-11-10T13:01+08:00").build();
        return new Register(truce, AlertSettings.defaults(), List.of(follows, settled, ownClock), 30);
    }

    @Test
    void aTruceExtensionNamesEachObligationThatMovedWithIt() {
        Extension year = new Extension(LocalDate.of(2026, 11, 5), Moment.parse("2027-11-10T00:01-05:00"), "EO 14400", null);
        List<Change> changes = RegisterChanges.between(register(ONE_YEAR), List.of(), register(ONE_YEAR, year), List.of());
        assertEquals(List.of(
                "us-cn-2025: end extended from 2026-11-10 00:01 EST to 2027-11-10 00:01 EST by EO 14400 (decided 2026-11-05)",
                "cn-rare-earth-licensing: deadline moved with the truce from 2026-11-10 00:01 EST to 2027-11-10 00:01 EST "
                        + "by EO 14400 (decided 2026-11-05)"),
                changes.stream().map(c -> c.id() + ": " + c.describe()).toList());
    }

    @Test
    void aReportIsNewsThatMovesNothing() {
        Extension report = new Extension(LocalDate.of(2026, 9, 23), Moment.parse("2027-01-10"), "US Treasury Secretary",
                null, true);
        List<Change> changes = RegisterChanges.between(register(ONE_YEAR), List.of(), register(ONE_YEAR, report), List.of());
        assertEquals(List.of("us-cn-2025: end reported (not enacted) to 2027-01-10 by US Treasury Secretary (decided "
                + "2026-09-23); the end in force stays 2026-11-10 00:01 EST"),
                changes.stream().map(c -> c.id() + ": " + c.describe()).toList());
        Extension enacted = new Extension(LocalDate.of(2026, 12, 20), Moment.parse("2027-01-10T00:01-05:00"), "EO 14401", null);
        List<Change> later = RegisterChanges.between(register(ONE_YEAR, report), List.of(),
                register(ONE_YEAR, report, enacted), List.of());
        assertEquals("end extended from 2026-11-10 00:01 EST to 2027-01-10 00:01 EST by EO 14401 (decided 2026-12-20)",
                later.get(0).describe(), "from the enacted end, not the report");
        assertEquals(ChangeKind.MOVED_WITH_TRUCE, later.get(1).kind());
    }
}

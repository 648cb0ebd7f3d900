package dev.truce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An obligation whose outcome is in effect keeps its deadline, whatever happens to the truce later. */
class SettledDeadlineTest {
    private static final java.time.ZoneId NEW_YORK = java.time.ZoneId.of("America/New_York");
    private static final Moment ONE_YEAR_END = Moment.parse("2026-11-10T00:01-05:00");

    private static Truce truce(Extension... extensions) {
        return Truce.builder("us-cn-2025", Moment.parse("2025-05-14T00:01-04:00"), NEW_YORK, 90)
                .extensions(List.of(extensions)).build();
    }

    private static final Extension EO_14358 = new Extension(LocalDate.of(2025, 11, 4), ONE_YEAR_END, "EO 14358", null);
    private static final Extension LATER = new Extension(LocalDate.of(2026, 11, 5),
            Moment.parse("2027-11-10T00:01-05:00"), "EO 14400", null);

    private static Obligation voidedByTheCourt() {
        return Obligation.builder("us-reciprocal-suspension").kind(Kind.PAUSED_TARIFF).due(Due.TRUCE_END)
                .outcome(new Outcome(OutcomeResult.ENDED, LocalDate.of(2026, 2, 20),
                        Moment.parse("2026-02-24T00:01-05:00"), null, null, "Learning Resources v. Trump", null))
                .build();
    }

    @Test
    void anEndedObligationDoesNotFollowALaterTruceExtension() {
        Instant december = Instant.parse("2026-12-07T15:00:00Z");
        ObligationStatus row = new StatusCalculator(truce(EO_14358, LATER), AlertSettings.defaults())
                .statusOf(voidedByTheCourt(), december);
        assertEquals(TimelineState.ENDED, row.timeline());
        assertEquals(Optional.of(ONE_YEAR_END), row.deadline());
        assertEquals(1, row.extensionsKnown(), "the extensions that stood when it ended");
    }

    @Test
    void aLapseAtTheDeadlineKeepsTheDeadlineThatStoodWhenItWasDecided() {
        Obligation lapsed = Obligation.builder("cn-rare-earth-licensing").party("CN").kind(Kind.EXPORT_CONTROL)
                .outcome(new Outcome(OutcomeResult.LAPSED, LocalDate.of(2026, 11, 12), null, null, null, "MOFCOM", null))
                .build();
        Extension afterTheLapse = new Extension(LocalDate.of(2026, 12, 1), Moment.parse("2027-11-10T00:01-05:00"),
                "EO 14400", null);
        ObligationStatus row = new StatusCalculator(truce(EO_14358, afterTheLapse), AlertSettings.defaults())
                .statusOf(lapsed, Instant.parse("2026-12-07T15:00:00Z"));
        assertEquals(TimelineState.LAPSED, row.timeline());
        assertEquals(Optional.of(ONE_YEAR_END), row.deadline());
    }

    @Test
    void anOutcomeNotYetInEffectLeavesTheDeadlineAsItIsNow() {
        Obligation ahead = Obligation.builder("x").kind(Kind.EXPORT_CONTROL)
                .outcome(new Outcome(OutcomeResult.ENDED, LocalDate.of(2026, 1, 5), Moment.parse("2027-06-01"), null, null,
                        "a notice", null)).build();
        ObligationStatus row = new StatusCalculator(truce(EO_14358, LATER), AlertSettings.defaults())
                .statusOf(ahead, Instant.parse("2026-12-07T15:00:00Z"));
        assertEquals(Optional.of(LATER.until()), row.deadline());
    }
}
